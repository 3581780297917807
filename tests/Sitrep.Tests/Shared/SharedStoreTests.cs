using System.Text.Json;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Shared;

/// <summary>
/// The shared store from the command line: the samples ingested into PostgreSQL, directly or through
/// the queue by several concurrent workers, read back exactly as from SQLite.
/// </summary>
[Collection(nameof(WorkerFaults))]
public sealed class SharedStoreTests
{
    [PostgresFact]
    public async Task Samples_ThroughTheQueueWithConcurrentWorkers_GiveTheSameEventsAndIncidentsAsSqlite()
    {
        using var dir = new TempDirectory();
        var db = dir.File("samples.db");
        Assert.Equal(0, (await CliRun.RunAsync("ingest", TestPaths.Samples, "--db", db)).ExitCode);

        var postgres = TestStores.FreshSchema();
        Assert.Equal(0, (await CliRun.RunAsync("db", "migrate", "--postgres", postgres)).ExitCode);
        var queued = await CliRun.RunAsync("enqueue", TestPaths.Samples, "--postgres", postgres);
        Assert.Equal(0, queued.ExitCode);
        // One report a claim and three threads: linking interleaves as much as it can.
        var worked = await CliRun.RunAsync("worker", "--postgres", postgres, "--threads", "3", "--batch-size", "1", "--exit-when-idle");
        Assert.Equal(0, worked.ExitCode);
        Assert.Equal(JsonDocument.Parse(queued.Out).RootElement.GetProperty("queued").GetInt64(),
            JsonDocument.Parse(worked.Out).RootElement.GetProperty("stored").GetInt64());

        await AssertSameOutputs(db, postgres);
        // Rebuilt in a fixed order, each store still reads the same.
        var relinked = await CliRun.RunAsync("db", "relink", "--postgres", postgres);
        Assert.Equal(0, relinked.ExitCode);
        Assert.Contains("reports read again into", relinked.Out);
        Assert.Equal(0, (await CliRun.RunAsync("db", "relink", "--db", db)).ExitCode);
        await AssertSameOutputs(db, postgres);
    }

    private static async Task AssertSameOutputs(string db, string postgres)
    {
        foreach (var query in new[] { new[] { "events", "--format", "json" }, ["events", "--format", "csv", "--country", "SO"], ["stats", "--format", "json"] })
        {
            var fromSqlite = await CliRun.RunAsync([.. query, "--db", db]);
            var fromPostgres = await CliRun.RunAsync([.. query, "--postgres", postgres]);
            Assert.Equal(0, fromPostgres.ExitCode);
            Assert.Equal(Normalise(fromSqlite.Out), Normalise(fromPostgres.Out));
        }
    }

    [PostgresFact]
    public async Task QueryCommand_WithUnreachableServer_SaysSoInOneLine()
    {
        var run = await CliRun.RunAsync("stats", "--postgres", "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("sitrep: cannot open PostgreSQL database none on 127.0.0.1:1", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    // What differs by store and not by content: the file each report came from is the same, but the
    // stats name the store's schema version, which each store numbers on its own.
    private static string Normalise(string output) =>
        System.Text.RegularExpressions.Regex.Replace(output, "\"schema_version\":\\d+", "\"schema_version\":_");
}
