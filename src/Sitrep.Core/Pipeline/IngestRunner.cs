using System.Diagnostics;
using System.Threading.Channels;
using Sitrep.Documents;
using Sitrep.Reading;
using Sitrep.Storage;

namespace Sitrep.Pipeline;

/// <summary>How an ingest runs.</summary>
public sealed record IngestOptions
{
    /// <summary>Defaults: transactions of 2,000 documents, one worker per core.</summary>
    public static IngestOptions Default { get; } = new();

    /// <summary>
    /// New reports per store transaction: a crash loses at most these, which a re-run restores. Each
    /// commit writes every page its transaction changed, and an event's index entries fall on pages
    /// all over the file, so a larger transaction writes each page once for more reports: 2,000
    /// stored 23% faster than 250 (ingest bench, 100,000 reports, with and without linking). The
    /// writer takes reports in batches of at most 250 (annotated documents held longer outlive the
    /// young GC generation), and an embedded store shares one transaction across them
    /// (<see cref="IReportStore.ShareTransactions"/>); a server store commits each batch.
    /// </summary>
    public int BatchSize { get; init; } = 2000;

    /// <summary>The reports handed to the store at a time.</summary>
    internal int HandoffSize => Math.Min(BatchSize, 250);

    /// <summary>Threads running the pipeline.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;
}

/// <summary>
/// Counts so far. <c>Read = Added + Known + Failed</c>, counting only stored batches. <c>Storing</c> is
/// the time the writer spent in the store: near <c>Elapsed</c>, storing is what limits the ingest.
/// <c>Settled</c>: the reports linked again at the end because reports came out of linking order
/// (<see cref="IEventStore.SettleIncidents"/>; null when some could not be).
/// </summary>
public readonly record struct IngestProgress(long Read, long Added, long Known, long Failed, long Words, TimeSpan Elapsed, TimeSpan Storing, int? Settled = 0);

/// <summary>
/// Reads, processes (in parallel) and stores reports: one writer thread, batched transactions, every
/// bad record reported and skipped. Storing a batch overlaps with processing the next ones.
/// Running it again over the same input changes nothing.
/// </summary>
public sealed class IngestRunner(DocumentPipeline pipeline, IDocumentStore store, IngestOptions options)
{
    /// <summary>
    /// Ingests <paramref name="items"/>; diagnostics and progress are reported as they happen. When
    /// <paramref name="cancellation"/> fires, reading stops, the reports already processed are stored and
    /// committed, and the counts so far are returned (re-running the same input finishes the job).
    /// </summary>
    public async Task<IngestProgress> RunAsync(
        IEnumerable<ReadItem> items,
        Action<Diagnostic> onDiagnostic,
        IProgress<IngestProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var counts = new Counts();
        var batches = Channel.CreateBounded<List<Document>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(() => WriteBatches(batches, counts, progress, clock, cancellation), CancellationToken.None);

        var batch = new List<Document>(options.HandoffSize);
        try
        {
            await foreach (var item in DocumentStream.Process(items, pipeline, options.Workers, cancellation, store.Prepare).ConfigureAwait(false))
            {
                if (item.Error is { } error)
                {
                    Interlocked.Increment(ref counts.Failed);
                    onDiagnostic(error);
                    continue;
                }
                batch.Add(item.Document!);
                if (batch.Count >= options.HandoffSize)
                {
                    await batches.Writer.WriteAsync(batch, cancellation).ConfigureAwait(false);
                    batch = new List<Document>(options.HandoffSize);
                }
            }
            if (batch.Count > 0) await batches.Writer.WriteAsync(batch, cancellation).ConfigureAwait(false);
            batches.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopped (Ctrl+C, SIGTERM): what was processed is stored, the rest is left for a re-run.
            if (batch.Count > 0) await batches.Writer.WriteAsync(batch, CancellationToken.None).ConfigureAwait(false);
            batches.Writer.TryComplete();
        }
        catch (ChannelClosedException)
        {
            // The writer failed; awaiting it below rethrows its error.
        }
        catch (Exception e)
        {
            batches.Writer.TryComplete(e);
            throw;
        }
        await writer.ConfigureAwait(false);
        return counts.Snapshot(clock.Elapsed);
    }

    // Stores the batches, then settles the incidents if reports came out of linking order (a stopped
    // ingest leaves that to the next one, or to `sitrep db relink`: the store remembers it).
    private async Task WriteBatches(Channel<List<Document>> batches, Counts counts, IProgress<IngestProgress>? progress, Stopwatch clock, CancellationToken cancellation)
    {
        try
        {
            using (store.ShareTransactions(options.BatchSize))
                await foreach (var batch in batches.Reader.ReadAllAsync().ConfigureAwait(false))
                {
                    long started = Stopwatch.GetTimestamp();
                    var outcome = store.Store(batch);
                    counts.Add(outcome, batch.Sum(d => (long)d.WordCount), Stopwatch.GetElapsedTime(started));
                    progress?.Report(counts.Snapshot(clock.Elapsed));
                }
            if (!cancellation.IsCancellationRequested)
            {
                long started = Stopwatch.GetTimestamp();
                counts.Settled = store.SettleIncidents();
                counts.Add(default, 0, Stopwatch.GetElapsedTime(started));
            }
        }
        catch (Exception e)
        {
            batches.Writer.TryComplete(e);
            throw;
        }
    }

    /// <summary>Counters shared by the reading loop (failures) and the writer (stored batches).</summary>
    private sealed class Counts
    {
        public long Failed;
        public int? Settled = 0;
        private long _added, _known, _words, _storingTicks;

        public void Add(StoreOutcome outcome, long words, TimeSpan storing)
        {
            Interlocked.Add(ref _storingTicks, storing.Ticks);
            Interlocked.Add(ref _added, outcome.Added);
            Interlocked.Add(ref _known, outcome.AlreadyKnown);
            Interlocked.Add(ref _words, words);
        }

        public IngestProgress Snapshot(TimeSpan elapsed)
        {
            long added = Interlocked.Read(ref _added), known = Interlocked.Read(ref _known), failed = Interlocked.Read(ref Failed);
            return new IngestProgress(added + known + failed, added, known, failed, Interlocked.Read(ref _words), elapsed,
                TimeSpan.FromTicks(Interlocked.Read(ref _storingTicks)), Settled);
        }
    }
}
