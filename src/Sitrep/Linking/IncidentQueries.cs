using Sitrep.Storage;

namespace Sitrep.Linking;

/// <summary>Incidents read through any store: a page of incident heads, then each one's members.</summary>
public static class IncidentQueries
{
    /// <summary>The incidents whose head (representative) matches <paramref name="query"/>, in its order, with all their members.</summary>
    public static IReadOnlyList<Incident> ListIncidents(this IDocumentStore store, EventQuery query) =>
        store.ListEvents(query with { IncidentsOnly = true })
            .Select(store.IncidentOf)
            .ToList();

    /// <summary>The incident an event belongs to, or null when the store has no such event.</summary>
    public static Incident? FindIncident(this IDocumentStore store, string eventId) =>
        store.ListEvents(new EventQuery(Id: eventId, Limit: 1)) is [var e] ? store.IncidentOf(e) : null;

    /// <summary>The incident of an event already read from the store.</summary>
    public static Incident IncidentOf(this IDocumentStore store, StoredEvent e) =>
        Incident.Of(store.ListEvents(new EventQuery(IncidentId: e.IncidentId, Limit: int.MaxValue)));
}
