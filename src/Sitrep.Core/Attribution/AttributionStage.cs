using Sitrep.Documents;

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
        var memory = new SourceMemory();
        document.SetAttributions(SentenceScan.Run<Documents.Attribution>(document, (tokens, s, found) =>
            AttributionScanner.Scan(document.Text, tokens, memory, s > 0 ? document.Sentences[s - 1].Range : null, found)));
    }
}
