using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Reading;
using Sitrep.Storage;
using Sitrep.Storage.Postgres;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Shared;

/// <summary>These tests stop the PostgreSQL test server or kill workers: they run alone, after the parallel tests.</summary>
[CollectionDefinition(nameof(WorkerFaults), DisableParallelization = true)]
public sealed class WorkerFaults;

/// <summary>
/// Shared deployments under faults, against a real PostgreSQL server: a worker killed mid-batch, the
/// server stopped mid-ingest, a report that crashes a stage. In every case each queued report ends
/// up stored exactly once, or quarantined with its error.
/// </summary>
[Collection(nameof(WorkerFaults))]
public sealed class WorkerFaultTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [PostgresFact]
    public async Task WorkerKilledMidBatch_AnotherFinishesIt_NothingLostNothingTwice()
    {
        using var dir = new TempDirectory();
        var connection = Migrated();
        const int reports = 1500;
        Enqueue(connection, WriteCorpus(dir.File("corpus.jsonl"), reports));

        using (var doomed = CliProcess.Start("worker", "--postgres", connection, "--lease-seconds", "2", "--batch-size", "25", "--threads", "1"))
        {
            await WaitUntil(() => Scalar(connection, "SELECT count(*) FROM documents") > 0, doomed);
            doomed.Kill(); // SIGKILL: no chance to release its claim or finish its batch
            await doomed.WaitForExitAsync();
        }
        long beforeRescue = Scalar(connection, "SELECT count(*) FROM documents");
        Assert.InRange(beforeRescue, 1, reports - 1);

        var totals = await RunWorker(connection, StandardStages.Default.Providing(StoreSchema.StoredLayers));

        AssertAllStoredOnce(connection, reports);
        Assert.Equal(reports - beforeRescue, totals.Stored);
        Assert.Equal(0, Scalar(connection, "SELECT count(*) FROM work WHERE state <> 'done'"));
    }

    [PostgresFact]
    public async Task ServerStoppedMidIngest_WorkersRetryAndFinish()
    {
        var serverDir = Environment.GetEnvironmentVariable("SITREP_POSTGRES_DIR");
        Assert.False(string.IsNullOrEmpty(serverDir), "SITREP_POSTGRES_DIR must name the test server's .ci/postgres directory (set by .ci/run)");
        using var dir = new TempDirectory();
        var connection = Migrated();
        const int reports = 1500;
        Enqueue(connection, WriteCorpus(dir.File("corpus.jsonl"), reports));

        var pipeline = StandardStages.Default.Providing(StoreSchema.StoredLayers);
        var log = new List<string>();
        var run = new QueueWorker(connection, pipeline, Options(threads: 2)).RunAsync(line => { lock (log) log.Add(line); });
        await WaitUntil(() => Scalar(connection, "SELECT count(*) FROM documents") > 0);
        NpgsqlConnection.ClearAllPools();
        Server("pause", serverDir!);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Server("resume", serverDir!);
        var totals = await run.WaitAsync(Patience);

        Assert.True(totals.Reconnects > 0, "the workers saw the server go away: " + string.Join(" | ", log.Take(3)));
        AssertAllStoredOnce(connection, reports);
        Assert.Equal(0, Scalar(connection, "SELECT count(*) FROM work WHERE state <> 'done'"));
    }

    [PostgresFact]
    public async Task PoisonReport_IsQuarantinedWithItsError_TheRestIsStored()
    {
        using var dir = new TempDirectory();
        var connection = Migrated();
        var corpus = WriteCorpus(dir.File("corpus.jsonl"), 40, poisonAt: 17);
        Enqueue(connection, corpus);
        var pipeline = new PipelineBuilder().UseText().Use(new ThrowsOnPoison()).Build();

        var totals = await RunWorker(connection, pipeline, maxAttempts: 3);

        Assert.Equal(39, Scalar(connection, "SELECT count(*) FROM documents"));
        Assert.Equal(3, totals.Failed);
        Assert.Equal(1, Scalar(connection, "SELECT count(*) FROM work WHERE state = 'quarantined' AND attempts = 3 AND error LIKE '%poisoned report%'"));
        Assert.Equal(39, Scalar(connection, "SELECT count(*) FROM work WHERE state = 'done'"));
    }

    [PostgresFact]
    public void Enqueue_SameFileTwice_QueuesOnce()
    {
        using var dir = new TempDirectory();
        var connection = Migrated();
        var corpus = WriteCorpus(dir.File("corpus.jsonl"), 10);
        Assert.Equal(10, Enqueue(connection, corpus));
        Assert.Equal(0, Enqueue(connection, corpus));
        Assert.Equal(10, Scalar(connection, "SELECT count(*) FROM work WHERE state = 'pending'"));
    }

    private sealed class ThrowsOnPoison : IStage
    {
        public string Name => "poison";
        public Layer Requires => Layer.Paragraphs;
        public Layer Provides => Layer.None;

        public void Process(Document document)
        {
            if (document.Text.Contains("POISON", StringComparison.Ordinal)) throw new InvalidDataException("poisoned report");
        }
    }

    private static void AssertAllStoredOnce(string connection, int reports)
    {
        Assert.Equal(reports, Scalar(connection, "SELECT count(*) FROM documents"));
        Assert.Equal(reports, Scalar(connection, "SELECT count(DISTINCT text) FROM documents"));
        Assert.Equal(reports, Scalar(connection, "SELECT count(*) FROM deliveries"));
        // Each report's events were stored with it, once.
        Assert.Equal(0, Scalar(connection, "SELECT count(*) FROM (SELECT document_id, ordinal FROM events GROUP BY 1, 2 HAVING count(*) > 1) d"));
        Assert.Equal(0, Scalar(connection, "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.document_id = d.id)"));
    }

    private static WorkerOptions Options(int threads = 2, int maxAttempts = 3) => new()
    {
        Threads = threads, BatchSize = 25, Lease = TimeSpan.FromSeconds(2), MaxAttempts = maxAttempts, ExitWhenIdle = true,
        FirstBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromSeconds(1),
    };

    private static Task<WorkerTotals> RunWorker(string connection, DocumentPipeline pipeline, int maxAttempts = 3) =>
        new QueueWorker(connection, pipeline, Options(maxAttempts: maxAttempts)).RunAsync(_ => { }).WaitAsync(Patience);

    private static string Migrated()
    {
        var connection = TestStores.FreshSchema();
        PostgresDocumentStore.Migrate(connection);
        return connection;
    }

    private static long Enqueue(string connection, string corpus)
    {
        using var store = PostgresDocumentStore.Open(connection);
        var reports = new ReportReader(ReaderOptions.Default).Read([corpus]).Select(i => i.Report!);
        return WorkQueue.Enqueue(store.Connection, reports);
    }

    // Reports that each code an event: an arrest in a named city on a named day.
    private static string WriteCorpus(string path, int reports, int poisonAt = -1)
    {
        using var writer = new StreamWriter(path);
        for (int i = 0; i < reports; i++)
        {
            var text = $"Report serial{i}: police detained {i % 40 + 2} protesters in Nairobi on Monday after a march on parliament, witnesses said." +
                       (i == poisonAt ? " POISON" : "");
            writer.WriteLine(JsonSerializer.Serialize(new { published = "2024-03-06", source = "Test Wire", text }));
        }
        return path;
    }

    private static void Server(string command, string serverDir)
    {
        var port = new NpgsqlConnectionStringBuilder(TestStores.ConnectionString).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var info = new ProcessStartInfo(Path.Combine(TestPaths.RepositoryRoot, ".ci", "postgres"), [command, serverDir, port]) { UseShellExecute = false };
        using var process = Process.Start(info)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static async Task WaitUntil(Func<bool> condition, Process? mustBeRunning = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            if (mustBeRunning is { HasExited: true }) Assert.Fail("the worker finished before it could be interrupted; queue more reports");
            try
            {
                if (condition()) return;
            }
            catch (NpgsqlException)
            {
                // tables not there yet, or the server restarting
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("the condition did not hold in time");
    }

    private static long Scalar(string connection, string sql)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        return Convert.ToInt64(command.ExecuteScalar());
    }
}
