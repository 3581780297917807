using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Attribution;

/// <summary>Adds the attributions layer: who is credited for each claim, resolved to a named source and classified.</summary>
public sealed class AttributionStage : IStage
{
    /// <inheritdoc/>
    public string Name => "attributions";

    /// <inheritdoc/>
    public Layer Requires => Layer.Tokens | Layer.Sentences;

    /// <inheritdoc/>
    public Layer Provides => Layer.Attributions;

    /// <inheritdoc/>
    public void Process(Document document)
    {
        var found = new List<Documents.Attribution>();
        var memory = new SourceMemory();
        TextRange? previous = null;
        foreach (var sentence in document.Sentences)
        {
            AttributionScanner.Scan(document.Text, document.Tokens.Slice(sentence.FirstToken, sentence.TokenCount), memory, previous, found);
            previous = sentence.Range;
        }
        document.SetAttributions(found);
    }
}
