using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Support;

internal static class TestDocuments
{
    // The stages that read no model or gazetteer.
    private static readonly DocumentPipeline ModelFree =
        new PipelineBuilder().UseText().UseQuantities().UseTimes().UseAttributions().Build();

    /// <summary>A document with every layer, as the default pipeline leaves it.</summary>
    public static Document Make(string text, string file = "a.txt", DateOnly? date = null, string? source = null) =>
        Make(text, StandardStages.Default.Provides, file, date, source);

    /// <summary>
    /// A document with <paramref name="layers"/> and what they need, nothing else: a time test runs the
    /// tokenizer and the time stage, not the tagger, the gazetteer or the event coder.
    /// </summary>
    public static Document Make(string text, Layer layers, string file = "a.txt", DateOnly? date = null, string? source = null)
    {
        var document = new Document(text, date ?? new DateOnly(2022, 1, 6), new SourceLocation(file)) { Source = source };
        var pipeline = (layers & ~ModelFree.Provides) == Layer.None ? ModelFree : StandardStages.Default;
        pipeline.Providing(layers).Process(document);
        return document;
    }
}
