using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.EndToEnd;

/// <summary>A process killed (SIGKILL) in the middle of an ingest leaves a consistent store that a re-run completes.</summary>
public class KillMidIngestTests
{
    // Large enough that the child is still ingesting when its first batch commits (a few seconds of work).
    private const int Reports = 8_000;

    [Fact]
    public async Task Ingest_KilledMidBatch_RerunCompletesWithNothingLostOrDuplicated()
    {
        using var dir = new TempDirectory();
        var corpus = WriteCorpus(dir.File("corpus.jsonl"));
        var db = dir.File("s.db");

        using (var child = CliProcess.Start("ingest", corpus, "--db", db, "--batch-size", "100"))
        {
            long stored = await WaitForFirstCommit(db, child);
            child.Kill();
            await child.WaitForExitAsync();
            Assert.True(stored > 0);
        }

        long survived = AssertPartAndConsistent(db);

        var rerun = await CliRun.RunAsync("ingest", corpus, "--db", db, "--format", "json");

        Assert.Equal(0, rerun.ExitCode);
        var summary = JsonDocument.Parse(rerun.Out).RootElement;
        Assert.Equal(Reports - survived, summary.GetProperty("added").GetInt64());
        Assert.Equal(survived, summary.GetProperty("already_known").GetInt64());
        Assert.Equal(Reports, Scalar(db, "SELECT count(*) FROM documents"));
        Assert.Equal(Reports, Scalar(db, "SELECT count(DISTINCT id) FROM documents"));
        Assert.Equal(Reports, Scalar(db, "SELECT count(*) FROM deliveries"));
        Scalar(db, "INSERT INTO documents_fts(documents_fts) VALUES('integrity-check'); SELECT 0");
        Assert.Equal(1, Scalar(db, $"SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'serial{Reports - 1}'"));
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Ingest_StoppedBySignal_StoresWhatItReadAndExitsWithTheSignalsCode(string signal, int exitCode)
    {
        using var dir = new TempDirectory();
        var corpus = WriteCorpus(dir.File("corpus.jsonl"));
        var db = dir.File("s.db");

        using (var child = CliProcess.Start("ingest", corpus, "--db", db, "--batch-size", "100"))
        {
            await WaitForFirstCommit(db, child);
            using (var kill = Process.Start("kill", ["-" + signal, child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            await child.WaitForExitAsync();
            Assert.Equal(exitCode, child.ExitCode);
        }

        AssertPartAndConsistent(db);
        var rerun = await CliRun.RunAsync("ingest", corpus, "--db", db, "--format", "json");
        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(Reports, Scalar(db, "SELECT count(DISTINCT id) FROM documents"));
    }

    // A stopped ingest left part of the corpus, whole: the database is sound and every report has its delivery.
    private static long AssertPartAndConsistent(string db)
    {
        long stored = Scalar(db, "SELECT count(*) FROM documents");
        Assert.Equal("ok", ScalarText(db, "PRAGMA integrity_check"));
        Assert.InRange(stored, 1, Reports - 1);
        Assert.Equal(stored, Scalar(db, "SELECT count(*) FROM deliveries"));
        return stored;
    }

    private static string WriteCorpus(string path)
    {
        using var writer = new StreamWriter(path);
        for (int i = 0; i < Reports; i++)
        {
            var text = $"Report serial{i}: protesters gathered in the central square of the city on Monday. " +
                       $"Police said {i % 500} people were detained after clashes near the administration building. " +
                       "Witnesses said shops were closed and the internet was cut for several hours.";
            writer.WriteLine(JsonSerializer.Serialize(new { published = "2022-01-06", source = "Test Wire", text }));
        }
        return path;
    }

    private static async Task<long> WaitForFirstCommit(string db, Process child)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(child.HasExited, "the ingest finished before it could be killed; make the corpus larger");
            try
            {
                if (File.Exists(db) && Scalar(db, "SELECT count(*) FROM documents") is > 0 and var n) return n;
            }
            catch (SqliteException)
            {
                // schema not created yet
            }
            await Task.Delay(10);
        }
        throw new TimeoutException("the child ingest stored nothing within 60 s");
    }

    private static long Scalar(string db, string sql) => Convert.ToInt64(SqliteFile.Scalar(db, sql));

    private static string ScalarText(string db, string sql) => Convert.ToString(SqliteFile.Scalar(db, sql))!;
}
