using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Places;

/// <summary>Adds the places layer: toponyms resolved to gazetteer entries. Reads entities when the pipeline has them.</summary>
public sealed class PlaceStage(Gazetteer gazetteer, bool useEntities) : IStage
{
    private readonly Geoparser _geoparser = new(gazetteer);

    /// <inheritdoc/>
    public string Name => "places";

    /// <inheritdoc/>
    public Layer Requires => Layer.Tokens | Layer.Sentences | (useEntities ? Layer.Entities : Layer.None);

    /// <inheritdoc/>
    public Layer Provides => Layer.Places;

    /// <inheritdoc/>
    public void Process(Document document) => document.SetPlaces(_geoparser.Parse(document));
}
