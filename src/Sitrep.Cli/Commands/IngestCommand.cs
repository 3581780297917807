using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Sitrep.Pipeline;
using Sitrep.Reading;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep ingest PATH...</c>: read, process and store reports.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CommonOptions.Paths();
        var database = new CommonOptions.StoreOptions();
        var reader = new CommonOptions.ReaderOptionSet();
        var format = CommonOptions.Format("table", "table", "json");
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Reports per database transaction: a crash loses at most these, and a re-run restores them",
            DefaultValueFactory = _ => IngestOptions.Default.BatchSize,
        };
        var workers = new Option<int>("--workers")
        {
            Description = "Threads processing documents (default: one per core)",
            DefaultValueFactory = _ => IngestOptions.Default.Workers,
        };
        batchSize.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--batch-size must be at least 1"); });
        workers.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--workers must be at least 1"); });

        var command = new Command("ingest", "Read reports, process them and store them (re-running over the same input changes nothing)")
        { paths, format, batchSize, workers };
        reader.AddTo(command);
        database.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var options = new IngestOptions { BatchSize = parse.GetValue(batchSize), Workers = parse.GetValue(workers) };
            IDocumentStore store;
            try
            {
                store = CommonOptions.OpenStore(parse, database);
            }
            catch (StoreException e)
            {
                await context.Error.WriteLineAsync($"sitrep: {e.Message}");
                return SitrepCli.Fatal;
            }
            using (store)
            {
                var items = new ReportReader(reader.Read(parse), context.StandardInput).Read(parse.GetValue(paths)!);
                var runner = new IngestRunner(StandardStages.Default.Providing(store.StoredLayers), store, options);
                IngestProgress result;
                try
                {
                    result = context.ErrorIsTerminal
                        ? await RunWithProgressBar(context, runner, items, cancellation)
                        : await runner.RunAsync(items, d => context.Error.WriteLine(d), new PlainProgress(context.Error), cancellation);
                }
                catch (Exception e) when (e is StoreException or System.Data.Common.DbException or IOException)
                {
                    await context.Error.WriteLineAsync($"sitrep: ingest stopped: {e.Message}; what was stored before is kept, run the same command again to finish");
                    return SitrepCli.Fatal;
                }
                WriteSummary(context, result, parse.GetValue(format)!, database.Location(parse).ToString());
                if (cancellation.IsCancellationRequested)
                    await context.Error.WriteLineAsync($"sitrep: interrupted: the {result.Added + result.Known:N0} reports read so far are stored; run the same command again to finish");
                return result.Failed > 0 ? SitrepCli.SomeFailed : SitrepCli.Ok;
            }
        });
        return command;
    }

    private static async Task<IngestProgress> RunWithProgressBar(CliContext context, IngestRunner runner, IEnumerable<ReadItem> items, CancellationToken cancellation)
    {
        IngestProgress result = default;
        await context.ErrorConsole.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("reading").IsIndeterminate();
                result = await runner.RunAsync(items,
                    d => context.ErrorConsole.MarkupLine($"[red]{Markup.Escape(d.ToString())}[/]"),
                    new Progress<IngestProgress>(p => task.Description = Describe(p)),
                    cancellation);
                task.StopTask();
            });
        return result;
    }

    private static string Describe(IngestProgress p) =>
        $"{p.Read:N0} read, {p.Added:N0} new, {p.Known:N0} already known, {p.Failed:N0} failed ({Rate(p):N0} docs/s)";

    private static double Rate(IngestProgress p) => p.Elapsed.TotalSeconds > 0 ? p.Read / p.Elapsed.TotalSeconds : 0;

    /// <summary>Plain progress lines on a non-terminal stderr, at most one every few seconds.</summary>
    private sealed class PlainProgress(TextWriter error) : IProgress<IngestProgress>
    {
        private readonly Stopwatch _sinceLast = Stopwatch.StartNew();

        public void Report(IngestProgress value)
        {
            if (_sinceLast.Elapsed < TimeSpan.FromSeconds(5)) return;
            _sinceLast.Restart();
            error.WriteLine($"ingest: {Describe(value)}");
        }
    }

    private static void WriteSummary(CliContext context, IngestProgress p, string format, string database)
    {
        if (format == "json")
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                read = p.Read,
                added = p.Added,
                already_known = p.Known,
                failed = p.Failed,
                words = p.Words,
                seconds = Math.Round(p.Elapsed.TotalSeconds, 3),
                linked_again = p.Settled,
                database,
            }));
            return;
        }
        var table = new Table().Title($"ingested into {Markup.Escape(database)}")
            .AddColumns("read", "new", "already known", "failed", "words", "seconds", "docs/s");
        foreach (var column in table.Columns) column.RightAligned();
        table.AddRow($"{p.Read:N0}", $"{p.Added:N0}", $"{p.Known:N0}", $"{p.Failed:N0}", $"{p.Words:N0}",
            $"{p.Elapsed.TotalSeconds:N1}", $"{Rate(p):N0}");
        context.Console.Write(table);
        if (p.Settled > 0)
            context.Console.MarkupLine($"[grey]{p.Settled:N0} reports linked again in date order: some came before reports already stored[/]");
        else if (p.Settled is null)
            context.Console.MarkupLine("[yellow]incidents not settled: reports stored by an older sitrep came after these in date order; run `sitrep db relink`[/]");
    }
}
