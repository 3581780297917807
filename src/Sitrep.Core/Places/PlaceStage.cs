using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Places;

/// <summary>Adds the places layer: toponyms resolved to gazetteer entries. Reads entities when the pipeline has them.</summary>
public sealed class PlaceStage(Gazetteer gazetteer, bool useEntities) : IStage
{
    private readonly Geoparser _geoparser = new(gazetteer);

    /// <inheritdoc/>
    public string Name => "places";

    /// <inheritdoc/>
    public Layer Requires => Layer.Paragraphs | Layer.Tokens | Layer.Sentences | (useEntities ? Layer.Entities : Layer.None);

    /// <inheritdoc/>
    public Layer Provides => Layer.Places;

    /// <inheritdoc/>
    public void Process(Document document)
    {
        var places = _geoparser.Parse(document);
        if (WireLayout.Dateline(document) is { } dateline)
            for (int i = 0; i < places.Count && places[i].Range.Start < dateline.End; i++)
                if (dateline.Contains(places[i].Range)) places[i] = places[i] with { Role = PlaceRole.Dateline };
        document.SetPlaces(places);
    }
}
