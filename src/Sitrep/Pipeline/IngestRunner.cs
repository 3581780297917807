using System.Diagnostics;
using Sitrep.Documents;
using Sitrep.Reading;
using Sitrep.Storage;

namespace Sitrep.Pipeline;

/// <summary>How an ingest runs.</summary>
public sealed record IngestOptions
{
    /// <summary>Defaults: batches of 500 documents, one worker per core.</summary>
    public static IngestOptions Default { get; } = new();

    /// <summary>Documents per store transaction; a crash loses at most one batch, which a re-run restores.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Threads running the pipeline.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;
}

/// <summary>Counts so far. <c>Read = Added + Known + Failed</c>, counting only stored batches.</summary>
public readonly record struct IngestProgress(long Read, long Added, long Known, long Failed, long Words, TimeSpan Elapsed);

/// <summary>
/// Reads, processes (in parallel) and stores reports: one writer, batched transactions, every bad
/// record reported and skipped. Running it again over the same input changes nothing.
/// </summary>
public sealed class IngestRunner(DocumentPipeline pipeline, IDocumentStore store, IngestOptions options)
{
    /// <summary>Ingests <paramref name="items"/>; diagnostics and progress are reported as they happen.</summary>
    public async Task<IngestProgress> RunAsync(
        IEnumerable<ReadItem> items,
        Action<Diagnostic> onDiagnostic,
        IProgress<IngestProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var batch = new List<Document>(options.BatchSize);
        long read = 0, added = 0, known = 0, failed = 0, words = 0, batchWords = 0;

        void Flush()
        {
            var outcome = store.Store(batch);
            read += batch.Count;
            added += outcome.Added;
            known += outcome.AlreadyKnown;
            words += batchWords;
            batch.Clear();
            batchWords = 0;
            progress?.Report(new IngestProgress(read, added, known, failed, words, clock.Elapsed));
        }

        await foreach (var item in DocumentStream.Process(items, pipeline, options.Workers, cancellation).ConfigureAwait(false))
        {
            if (item.Error is { } error)
            {
                read++;
                failed++;
                onDiagnostic(error);
                continue;
            }
            batch.Add(item.Document!);
            batchWords += item.Document!.WordCount;
            if (batch.Count >= options.BatchSize) Flush();
        }
        Flush();
        return new IngestProgress(read, added, known, failed, words, clock.Elapsed);
    }
}
