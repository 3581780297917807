using Sitrep.Documents;

namespace Sitrep.Storage;

/// <summary>What every store keeps of a report, and the SQL the stores share.</summary>
public static class StoreSchema
{
    /// <summary>The layers a store keeps (the sentences and paragraphs as ranges, every layer in the report's reading, the events as rows): an ingest computes these.</summary>
    public static Layer StoredLayers =>
        Layer.Paragraphs | Layer.Sentences | Layer.Entities | Layer.Places | Layer.Quantities | Layer.Times | Layer.Attributions | Layer.Events;

    /// <summary>How an incident's members rank for its head: the same order as <c>Incident.Representative</c>.</summary>
    internal const string HeadOrder =
        "ORDER BY CASE WHEN m.latitude IS NULL THEN 9 ELSE m.geo_precision END, CASE WHEN m.date IS NULL THEN 9 ELSE m.time_precision END, m.confidence DESC, m.id LIMIT 1";
}
