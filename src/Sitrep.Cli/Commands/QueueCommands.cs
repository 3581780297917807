using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Sitrep.Pipeline;
using Sitrep.Reading;
using Sitrep.Storage;
using Sitrep.Storage.Postgres;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep enqueue PATH... --postgres CONN</c> and <c>sitrep worker --postgres CONN</c>: ingest
/// spread over worker processes on any number of machines, through a queue in the database.
/// </summary>
internal static class QueueCommands
{
    private static Option<string> Postgres() => new("--postgres")
    {
        Description = "The shared PostgreSQL database (Npgsql connection string)",
        HelpName = "CONN",
        Required = true,
    };

    public static Command Enqueue(CliContext context)
    {
        var paths = CommonOptions.Paths();
        var postgres = Postgres();
        var reader = new CommonOptions.ReaderOptionSet();
        var command = new Command("enqueue", "Queue reports for the workers of a shared PostgreSQL store (queuing the same file again adds nothing)") { paths, postgres };
        reader.AddTo(command);
        command.SetAction(parse =>
        {
            long read = 0, skipped = 0;
            IEnumerable<RawReport> Reports()
            {
                foreach (var item in new ReportReader(reader.Read(parse), context.StandardInput).Read(parse.GetValue(paths)!))
                {
                    if (item.Error is { } error)
                    {
                        skipped++;
                        context.Error.WriteLine(error);
                        continue;
                    }
                    read++;
                    yield return item.Report!;
                }
            }
            try
            {
                using var store = PostgresDocumentStore.Open(parse.GetValue(postgres)!);
                long added = WorkQueue.Enqueue(store.Connection, Reports());
                var counts = WorkQueue.Count(store.Connection);
                context.Out.WriteLine(JsonSerializer.Serialize(new { read, queued = added, already_queued = read - added, skipped, pending = counts.Pending }));
                return skipped > 0 ? SitrepCli.SomeFailed : SitrepCli.Ok;
            }
            catch (StoreException e)
            {
                context.Error.WriteLine($"sitrep: {e.Message}");
                return SitrepCli.Fatal;
            }
        });
        return command;
    }

    public static Command Worker(CliContext context)
    {
        var postgres = Postgres();
        var defaults = new WorkerOptions();
        var threads = new Option<int>("--threads") { Description = "Worker loops in this process (default: one per core)", DefaultValueFactory = _ => defaults.Threads };
        var batchSize = new Option<int>("--batch-size") { Description = "Reports claimed and stored per transaction", DefaultValueFactory = _ => defaults.BatchSize };
        var lease = new Option<double>("--lease-seconds") { Description = "How long a claim holds its reports before another worker may take them", DefaultValueFactory = _ => defaults.Lease.TotalSeconds };
        var attempts = new Option<int>("--max-attempts") { Description = "Claims of one report before it is quarantined with its error", DefaultValueFactory = _ => defaults.MaxAttempts };
        var exitWhenIdle = new Option<bool>("--exit-when-idle") { Description = "Stop once the queue has no pending work (else wait for more)" };
        foreach (var option in new Option<int>[] { threads, batchSize, attempts })
            option.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError($"{option.Name} must be at least 1"); });
        var command = new Command("worker", "Process queued reports into a shared PostgreSQL store until stopped (Ctrl+C) or, with --exit-when-idle, until the queue is empty")
        {
            postgres, threads, batchSize, lease, attempts, exitWhenIdle,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            string connection = parse.GetValue(postgres)!;
            try
            {
                using (PostgresDocumentStore.Open(connection)) { } // the schema is current before any thread starts
            }
            catch (StoreException e)
            {
                await context.Error.WriteLineAsync($"sitrep: {e.Message}");
                return SitrepCli.Fatal;
            }
            var options = new WorkerOptions
            {
                Threads = parse.GetValue(threads), BatchSize = parse.GetValue(batchSize), Lease = TimeSpan.FromSeconds(parse.GetValue(lease)),
                MaxAttempts = parse.GetValue(attempts), ExitWhenIdle = parse.GetValue(exitWhenIdle),
            };
            var clock = Stopwatch.StartNew();
            var pipeline = StandardStages.Default.Providing(StoreSchema.StoredLayers);
            WorkerTotals totals;
            try
            {
                totals = await new QueueWorker(connection, pipeline, options).RunAsync(line => context.Error.WriteLine($"worker: {line}"), cancellation);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or StoreException)
            {
                // Not a lost connection (those are retried): the claimed work stays leased and returns to the queue.
                await context.Error.WriteLineAsync($"sitrep: worker stopped: {e.Message}; its unfinished work returns to the queue when its lease runs out");
                return SitrepCli.Fatal;
            }
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                stored = totals.Stored, already_known = totals.AlreadyKnown, failed = totals.Failed, reconnects = totals.Reconnects,
                seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
                reports_per_second = Math.Round((totals.Stored + totals.AlreadyKnown) / Math.Max(clock.Elapsed.TotalSeconds, 0.001)),
            }));
            return SitrepCli.Ok;
        });
        return command;
    }
}
