using System.Text;
using System.Text.Json;
using Sitrep.Cli;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.EndToEnd;

public class CliTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    private static async Task<long> DocumentCount(string db) =>
        Json((await CliRun.RunAsync("stats", "--db", db, "--format", "json")).Out).GetProperty("documents").GetInt64();

    [Fact]
    public async Task Ingest_Samples_StoresEveryReportAndRerunChangesNothing()
    {
        using var dir = new TempDirectory();
        var db = dir.File("sitrep.db");

        var first = await CliRun.RunAsync("ingest", TestPaths.Samples, "--db", db, "--format", "json");
        var second = await CliRun.RunAsync("ingest", TestPaths.Samples, "--db", db, "--format", "json");

        Assert.Equal(SitrepCli.Ok, first.ExitCode);
        Assert.Equal("", first.Error);
        var a = Json(first.Out);
        var b = Json(second.Out);
        long read = a.GetProperty("read").GetInt64();
        Assert.True(read >= 15);
        Assert.Equal(read, a.GetProperty("added").GetInt64());
        Assert.Equal(0, b.GetProperty("added").GetInt64());
        Assert.Equal(read, b.GetProperty("already_known").GetInt64());
        Assert.Equal(read, await DocumentCount(db));
    }

    [Fact]
    public async Task Ingest_SeedTwice_StoresOneDocument()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        await CliRun.RunAsync("ingest", TestPaths.SeedReport, "--db", db);
        var again = await CliRun.RunAsync("ingest", TestPaths.SeedReport, TestPaths.SeedReport, "--db", db);
        Assert.Equal(SitrepCli.Ok, again.ExitCode);
        Assert.Contains("already known", again.Out);
        Assert.Equal(1, await DocumentCount(db));
    }

    [Fact]
    public async Task Ingest_BadRecords_NamesFileAndLineAndStoresTheRest()
    {
        using var dir = new TempDirectory();
        var feed = dir.Write("in/feed.jsonl", string.Join("\n",
            """{"published": "2022-01-06", "text": "Good one."}""",
            """{"published": "2022-01-06", "text": """,
            """{"published": "2022-02-30", "text": "Bad date."}""",
            """{"published": "2022-01-06", "text": ""}""",
            """{"published": "2022-01-06", "text": "Good two."}"""));
        var latin1 = dir.Write("in/latin1.txt", Encoding.Latin1.GetBytes("date 2022-01-06 Caf\u00e9."));
        var undated = dir.Write("in/undated.txt", "No date here.");
        var db = dir.File("s.db");

        var run = await CliRun.RunAsync("ingest", dir.File("in"), "--db", db, "--format", "json");

        Assert.Equal(SitrepCli.SomeFailed, run.ExitCode);
        Assert.Contains($"{feed}:2: malformed JSON", run.Error);
        Assert.Contains($"{feed}:3: impossible date", run.Error);
        Assert.Contains($"{feed}:4: missing or empty", run.Error);
        Assert.Contains($"{latin1}:1: invalid UTF-8", run.Error);
        Assert.Contains($"{undated}:1: no report date", run.Error);
        var summary = Json(run.Out);
        Assert.Equal(2, summary.GetProperty("added").GetInt64());
        Assert.Equal(5, summary.GetProperty("failed").GetInt64());
        Assert.Equal(2, await DocumentCount(db));
    }

    [Fact]
    public async Task Ingest_SizeLimitAndTruncatedGzip_AreReportedAndTheRestStored()
    {
        using var dir = new TempDirectory();
        dir.Write("in/big.txt", "date 2022-01-06 " + new string('x', 3000));
        dir.Write("in/small.txt", "date 2022-01-06 A short report.");
        var full = Gzip.Compress(string.Join("\n", Enumerable.Range(0, 500).Select(i => $$"""{"published": "2022-01-06", "text": "Report {{i}} {{Guid.NewGuid()}}."}""")));
        var cut = dir.Write("in/cut.jsonl.gz", full[..(full.Length / 2)]);

        var run = await CliRun.RunAsync("ingest", dir.File("in"), "--db", dir.File("s.db"), "--max-report-size", "2KB", "--format", "json");

        Assert.Equal(SitrepCli.SomeFailed, run.ExitCode);
        Assert.Contains("big.txt:1: report is over the size limit of 2,048 bytes", run.Error);
        Assert.Contains($"{cut}:", run.Error);
        Assert.Contains("[truncated-gzip]", run.Error);
        var summary = Json(run.Out);
        Assert.Equal(2, summary.GetProperty("failed").GetInt64());
        Assert.True(summary.GetProperty("added").GetInt64() > 1);
    }

    [Fact]
    public async Task Ingest_PlainTextWithDateOption_IsStored()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("note.txt", "Troops withdrew from the bridge.");
        var run = await CliRun.RunAsync("ingest", file, "--date", "2022-03-01", "--source", "Field note", "--db", dir.File("s.db"), "--format", "json");
        Assert.Equal(SitrepCli.Ok, run.ExitCode);
        var docs = Json((await CliRun.RunAsync("docs", "--db", dir.File("s.db"), "--format", "json")).Out);
        Assert.Equal("2022-03-01", docs[0].GetProperty("date").GetString());
        Assert.Equal("Field note", docs[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task Ingest_StandardInput_IsRead()
    {
        using var dir = new TempDirectory();
        var run = await CliRun.RunWithInputAsync("""{"published": "2022-01-06", "source": "Pipe", "text": "From a pipe."}""",
            "ingest", "-", "--db", dir.File("s.db"), "--format", "json");
        Assert.Equal(SitrepCli.Ok, run.ExitCode);
        Assert.Equal(1, Json(run.Out).GetProperty("added").GetInt64());
    }

    [Fact]
    public async Task Ingest_UnusableDatabase_ExitsWithFatalError()
    {
        using var dir = new TempDirectory();
        var run = await CliRun.RunAsync("ingest", TestPaths.SeedReport, "--db", dir.Path);
        Assert.Equal(SitrepCli.Fatal, run.ExitCode);
        Assert.Contains("cannot open database", run.Error);
    }

    [Fact]
    public async Task Stats_NoDatabase_SaysToIngestFirstAndCreatesNothing()
    {
        using var dir = new TempDirectory();
        var db = dir.File("missing/s.db");
        var run = await CliRun.RunAsync("stats", "--db", db);
        Assert.Equal(SitrepCli.Fatal, run.ExitCode);
        Assert.Contains("sitrep ingest", run.Error);
        Assert.False(Directory.Exists(dir.File("missing")));
    }

    [Fact]
    public async Task Ingest_InvalidOption_ExitsWithFatalError()
    {
        var run = await CliRun.RunAsync("ingest", TestPaths.SeedReport, "--date", "06/01/2022");
        Assert.Equal(SitrepCli.Fatal, run.ExitCode);
        Assert.Contains("YYYY-MM-DD", run.Error);
    }

    [Fact]
    public async Task Extract_Seed_PrintsTheJsonContract()
    {
        var run = await CliRun.RunAsync("extract", TestPaths.SeedReport, "--format", "json");

        Assert.Equal(SitrepCli.Ok, run.ExitCode);
        var doc = Json(run.Out).GetProperty("documents")[0];
        Assert.Matches("^[0-9a-f]{20}$", doc.GetProperty("id").GetString());
        Assert.Equal(TestPaths.SeedReport, doc.GetProperty("source_file").GetString());
        Assert.Equal("2022-01-06", doc.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("source").ValueKind);
        var sentences = doc.GetProperty("sentences");
        Assert.Equal(33, sentences.GetArrayLength());
        int previousEnd = 0;
        foreach (var s in sentences.EnumerateArray())
        {
            int start = s.GetProperty("start").GetInt32(), end = s.GetProperty("end").GetInt32();
            Assert.True(start >= previousEnd && end > start);
            previousEnd = end;
        }
        foreach (var layer in new[] { "entities", "places", "quantities", "times", "attributions", "events" })
            Assert.Equal(JsonValueKind.Array, doc.GetProperty(layer).ValueKind);
        Assert.Equal(0, Json(run.Out).GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public async Task Extract_Sample_MatchesGoldenFile()
    {
        // Locks the JSON contract and every layer's reading of one sample; review the diff when a stage changes.
        var sample = Path.Combine(TestPaths.Samples, "peru-ayacucho-2022-12-16.txt");
        var run = await CliRun.RunAsync("extract", sample, "--format", "json");
        Assert.Equal(SitrepCli.Ok, run.ExitCode);
        Golden.AssertMatches("extract-peru.json", run.Out.Replace(TestPaths.Samples, "samples"));
    }

    [Fact]
    public async Task Extract_JsonLinesWithBadLine_KeepsOrderAndListsDiagnostic()
    {
        using var dir = new TempDirectory();
        var feed = dir.Write("f.jsonl", """
            {"published": "2022-01-01", "text": "First."}
            not json
            {"published": "2022-01-02", "text": "Second."}
            """);
        var run = await CliRun.RunAsync("extract", feed);
        Assert.Equal(SitrepCli.SomeFailed, run.ExitCode);
        var root = Json(run.Out);
        Assert.Equal([$"{feed}:1", $"{feed}:3"], root.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("source_file").GetString()));
        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().ToList();
        var diagnostic = Assert.Single(diagnostics, d => d.GetProperty("code").GetString() == "malformed-json");
        Assert.Equal(2, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(2, diagnostics.Count(d => d.GetProperty("code").GetString() == "no-events")); // "First." and "Second." report nothing
        Assert.Contains($"{feed}:2:", run.Error);
    }

    [Fact]
    public async Task SearchDocsStats_AfterIngest_ReportWhatIsStored()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        await CliRun.RunAsync("ingest", TestPaths.Samples, TestPaths.SeedReport, "--db", db);

        var search = await CliRun.RunAsync("search", "hospitals", "--db", db, "--format", "json");
        var hits = Json(search.Out);
        Assert.True(hits.GetArrayLength() >= 2);
        Assert.Contains(hits.EnumerateArray(), h => h.GetProperty("snippet").GetString()!.Contains("hospitals"));

        var table = await CliRun.RunAsync("search", "Alma-Ata", "--db", db);
        Assert.Contains("2022-01-06", table.Out);

        var docs = Json((await CliRun.RunAsync("docs", "--db", db, "--format", "json", "--from", "2022-01-01", "--to", "2022-12-31")).Out);
        Assert.All(docs.EnumerateArray(), d => Assert.StartsWith("2022-", d.GetProperty("date").GetString()));

        var stats = Json((await CliRun.RunAsync("stats", "--db", db, "--format", "json")).Out);
        Assert.True(stats.GetProperty("documents").GetInt64() >= 16);
        Assert.True(stats.GetProperty("sources").GetInt64() >= 2);
        Assert.Equal("2020-08-05", stats.GetProperty("first_date").GetString());
    }

    [Fact]
    public async Task EvalTime_OnTimeMlDevData_PrintsTempEvalScores()
    {
        var run = await CliRun.RunAsync("eval", "time", "--gold", Path.Combine(TestPaths.Shared, "data", "timeml"), "--format", "json");
        Assert.Equal(SitrepCli.Ok, run.ExitCode);
        var scores = Json(run.Out);
        Assert.Equal(1822, scores.GetProperty("n_gold").GetInt32());
        // Regression floors well below the measured dev figures (README); not a target.
        Assert.True(scores.GetProperty("relaxed").GetProperty("f1").GetDouble() > 0.85);
        Assert.True(scores.GetProperty("value_f1").GetDouble() > 0.70);
        Assert.True(scores.GetProperty("tokens_per_second").GetDouble() > 0);
    }

    [Fact]
    public async Task EvalNer_OnConllDev_PrintsConllevalScoresPerType()
    {
        var run = await CliRun.RunAsync("eval", "ner", "--gold", Path.Combine(TestPaths.Shared, "data", "conll2003", "eng.testa"), "--format", "json");
        Assert.Equal(SitrepCli.Ok, run.ExitCode);
        var scores = Json(run.Out);
        Assert.True(scores.GetProperty("f1").GetDouble() > 0.85); // regression floor below the model card's figure
        foreach (var type in new[] { "PER", "ORG", "LOC", "MISC" })
            Assert.InRange(scores.GetProperty("per_type").GetProperty(type).GetProperty("f1").GetDouble(), 0.5, 1.0);
        Assert.True(scores.GetProperty("tokens").GetInt64() > 50_000);
    }

    [Fact]
    public async Task TrainNer_SmallCorpus_WritesALoadableModel()
    {
        using var dir = new TempDirectory();
        var train = dir.Write("t.conll", "Peter NNP B-NP B-PER\nvisited VBD B-VP O\nParis NNP B-NP B-LOC\n. . O O\n");
        var model = dir.File("m.bin");
        var run = await CliRun.RunAsync("train", "ner", "--train", train, "--dev", train, "--out", model, "--epochs", "2");
        Assert.Equal(SitrepCli.Ok, run.ExitCode);
        Assert.Contains("epoch 2", run.Error);
        var eval = await CliRun.RunAsync("eval", "ner", "--gold", train, "--model", model, "--format", "json");
        Assert.Equal(1.0, Json(eval.Out).GetProperty("f1").GetDouble());
    }

    [Fact]
    public async Task EvalNer_DamagedModel_SaysHowToRebuildIt()
    {
        using var dir = new TempDirectory();
        var model = dir.Write("bad.bin", "not a model");
        var gold = Path.Combine(TestPaths.Shared, "data", "conll2003", "eng.testa");
        var run = await CliRun.RunAsync("eval", "ner", "--gold", gold, "--model", model);
        Assert.Equal(SitrepCli.Fatal, run.ExitCode);
        Assert.Contains("sitrep train ner", run.Error);
    }

    [Fact]
    public async Task EvalTime_MissingGold_ExitsWithFatalError()
    {
        using var dir = new TempDirectory();
        var run = await CliRun.RunAsync("eval", "time", "--gold", dir.Path);
        Assert.Equal(SitrepCli.Fatal, run.ExitCode);
        Assert.Contains("no TimeML", run.Error);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("extract")]
    [InlineData("search")]
    [InlineData("docs")]
    [InlineData("stats")]
    public async Task Help_EveryCommand_DescribesItsOptions(string command)
    {
        var run = await CliRun.RunAsync(command, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"sitrep {command}", run.Out);
        Assert.Contains("--help", run.Out);
    }

    [Fact]
    public async Task Help_Root_MatchesGoldenFile()
    {
        var run = await CliRun.RunAsync("--help");
        Golden.AssertMatches("root-help.txt", run.Out);
    }

    [Fact]
    public async Task Version_PrintsTheVersion()
    {
        var run = await CliRun.RunAsync("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("0.", run.Out);
    }
}
