using Sitrep.Documents;
using Sitrep.Reading;

namespace Sitrep.Pipeline;

/// <summary>A record after processing: the annotated document, or why it was skipped.</summary>
public readonly record struct ProcessedItem(Document? Document, Diagnostic? Error);

/// <summary>Runs a pipeline over a stream of read records on all cores, keeping input order and bounded memory.</summary>
public static class DocumentStream
{
    /// <summary>
    /// Processes <paramref name="items"/> with <paramref name="pipeline"/> on <paramref name="workers"/>
    /// threads, then gives each document to <paramref name="prepare"/> (if any) on the same thread.
    /// </summary>
    public static IAsyncEnumerable<ProcessedItem> Process(
        IEnumerable<ReadItem> items, DocumentPipeline pipeline, int workers, CancellationToken cancellation = default,
        Action<Document>? prepare = null) =>
        OrderedParallel.Map(items, item => ProcessOne(item, pipeline, prepare), bound: Math.Max(1, workers) * 16, cancellation);

    /// <summary>Processes one record; a stage failure becomes a diagnostic for that record only.</summary>
    public static ProcessedItem ProcessOne(ReadItem item, DocumentPipeline pipeline, Action<Document>? prepare = null)
    {
        if (item.Report is not { } report) return new ProcessedItem(null, item.Error);
        var document = report.ToDocument();
        try
        {
            pipeline.Process(document);
            prepare?.Invoke(document);
            return new ProcessedItem(document, null);
        }
        catch (StageException e)
        {
            return new ProcessedItem(null, new Diagnostic(report.Origin, DiagnosticCodes.StageFailed, e.Message));
        }
    }
}
