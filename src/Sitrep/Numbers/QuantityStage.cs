using Sitrep.Documents;
using Sitrep.Pipeline;

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
    public void Process(Document document)
    {
        var found = new List<Quantity>();
        foreach (var sentence in document.Sentences)
            QuantityScanner.Scan(document.Text, document.Tokens.Slice(sentence.FirstToken, sentence.TokenCount), found);
        document.SetQuantities(found);
    }
}
