using Sitrep.Documents;

namespace Sitrep.Numbers;

/// <summary>Adds the quantities layer: counts and amounts with their qualifier, counted noun and currency.</summary>
public sealed class QuantityStage : IStage
{
    /// <inheritdoc/>
    public string Name => "quantities";

    /// <inheritdoc/>
    public Layer Requires => Layer.Tokens | Layer.Sentences;

    /// <inheritdoc/>
    public Layer Provides => Layer.Quantities;

    /// <inheritdoc/>
    public void Process(Document document) =>
        document.SetQuantities(SentenceScan.Run<Quantity>(document, (tokens, _, found) => QuantityScanner.Scan(document.Text, tokens, found)));
}
