using Sitrep.Storage.Sqlite;
using Sitrep.Documents;
using System.Diagnostics;
using System.Text.Json;
using Sitrep.Bench;
using Sitrep.Pipeline;
using Sitrep.Reading;
using Sitrep.Storage;

// Ingest throughput and memory, as `sitrep ingest` does it: read, process, store. Options: BenchOptions.Usage (--help).
if (args is ["--help"] or ["-h"] or ["-?"])
{
    Console.WriteLine(BenchOptions.Usage);
    return;
}
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine($"bench: {e.Message}\n\n{BenchOptions.Usage}");
    Environment.ExitCode = 2;
    return;
}
if (options.WriteCorpus is { } corpus)
{
    CorpusGenerator.Write(corpus, options.Count, options.Words, options.SpreadDays, options.Duplicates, options.Stories);
    Console.Error.WriteLine($"bench: wrote {options.Count} reports to {corpus}");
    return;
}
var work = Directory.CreateTempSubdirectory("sitrep-bench-");
try
{
    string input = options.Input ?? CorpusGenerator.Write(Path.Combine(work.FullName, "corpus.jsonl"), options.Count, options.Words, options.SpreadDays, options.Duplicates, options.Stories);
    var db = Path.Combine(work.FullName, "bench.db");
    Console.Error.WriteLine($"bench: input {input} ({Megabytes(SizeOf(input)):N1} MB), {options.Workers} workers, batches of {options.BatchSize}");
    if (options.Places)
    {
        Console.WriteLine(JsonSerializer.Serialize(PlaceBench.Measure(input, options.Count), new JsonSerializerOptions { WriteIndented = true }));
        return;
    }
    if (options.StagesOnly)
    {
        StageTimings.Measure(input, Math.Min(options.Count, 1000)); // warm-up: JIT tiering
        Console.WriteLine(JsonSerializer.Serialize(StageTimings.Measure(input, options.Count), new JsonSerializerOptions { WriteIndented = true }));
        return;
    }

    // Warm up (JIT tiering) on a slice, so the phases below measure steady-state speed.
    var pipeline = options.Pipeline;
    await ProcessOnly(input, options, pipeline, limit: 3000);

    PeakMemory.Reset();
    var clock = Stopwatch.StartNew();
    var processed = await ProcessOnly(input, options, pipeline, limit: int.MaxValue);
    var processSeconds = clock.Elapsed.TotalSeconds;

    PeakMemory.Reset();
    var pauseBefore = GC.GetTotalPauseDuration();
    int gen2Before = GC.CollectionCount(2);
    IngestProgress result;
    using (var store = SqliteDocumentStore.Open(db))
    {
        store.Linking = !options.NoLinking;
        var items = new ReportReader(ReaderOptions.Default).Read([input]);
        var runner = new IngestRunner(pipeline, store, new IngestOptions { Workers = options.Workers, BatchSize = options.BatchSize });
        result = await runner.RunAsync(items, d => Console.Error.WriteLine(d));
    }
    var seconds = result.Elapsed.TotalSeconds;
    var gcPause = GC.GetTotalPauseDuration() - pauseBefore;
    int gen2Collections = GC.CollectionCount(2) - gen2Before;
    var report = new
    {
        documents = result.Read,
        stored = result.Added,
        failed = result.Failed,
        words = result.Words,
        seconds = Math.Round(seconds, 2),
        docs_per_second = Math.Round(result.Read / seconds),
        // The writer's share of the run spent storing: near 1, storing is what limits the ingest.
        storing_share = Math.Round(result.Storing.TotalSeconds / seconds, 2),
        words_per_second = Math.Round(result.Words / seconds),
        input_mb_per_second = Math.Round(Megabytes(SizeOf(input)) / seconds, 1),
        peak_rss_mb = Math.Round(Megabytes(PeakMemory.HighWaterMarkBytes()), 1),
        // Time the garbage collector held the ingest's threads, and its full collections.
        gc_pause_seconds = Math.Round(gcPause.TotalSeconds, 2),
        gen2_collections = gen2Collections,
        database_mb = Math.Round(Megabytes(SizeOf(db) + SizeOf(db + "-wal")), 1),
        read_and_process_only_docs_per_second = Math.Round(processed / processSeconds),
        stages = string.Join(", ", pipeline.Stages.Select(s => s.Name)),
        stage_tokens_per_second_one_core = StageTimings.Measure(input, 5000),
        linking = !options.NoLinking,
        duplicate_share = options.Duplicates,
        near_duplicate_pairs = Count(db, "SELECT count(*) FROM document_duplicates"),
        incidents_with_several_reports = Count(db, "SELECT count(*) FROM (SELECT incident_id FROM event_incidents GROUP BY incident_id HAVING count(DISTINCT document_id) > 1)"),
        incidents_without_exactly_one_head = Count(db, "SELECT count(*) FROM (SELECT incident_id FROM event_incidents GROUP BY incident_id HAVING sum(incident_head) <> 1)"),
        workers = options.Workers,
        batch_size = options.BatchSize,
        cores = Environment.ProcessorCount,
    };
    Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
}
finally
{
    if (!options.Keep) work.Delete(recursive: true);
    else Console.Error.WriteLine($"bench: kept {work.FullName}");
}

// The same reading and stages without the store, to show what storing costs.
static async Task<long> ProcessOnly(string input, BenchOptions options, DocumentPipeline pipeline, int limit)
{
    long n = 0;
    var items = new ReportReader(ReaderOptions.Default).Read([input]).Take(limit);
    await foreach (var item in DocumentStream.Process(items, pipeline, options.Workers))
        if (item.Document is not null) n++;
    return n;
}

static long SizeOf(string path) =>
    File.Exists(path) ? new FileInfo(path).Length
    : Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
    : 0;

static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);
static long Count(string db, string sql)
{
    using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    return Convert.ToInt64(command.ExecuteScalar());
}
