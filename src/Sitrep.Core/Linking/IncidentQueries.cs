using Sitrep.Storage;

namespace Sitrep.Linking;

/// <summary>Incidents read through any store: a page of incident heads, then each one's members.</summary>
internal static class IncidentQueries
{
    /// <summary>The incidents whose head (representative) matches <paramref name="query"/>, in its order, with all their members.</summary>
    public static IReadOnlyList<Incident> ListIncidents(this IDocumentStore store, EventQuery query) =>
        store.ListEvents(query with { IncidentsOnly = true })
            .Select(store.IncidentOf)
            .ToList();

    /// <summary>
    /// The incidents whose head matches <paramref name="query"/>, each with those of its members that match
    /// it too: two queries however many incidents, for summaries and maps over a whole period, where
    /// <see cref="ListIncidents"/> would read each incident's members with a query of its own. Members
    /// outside the query (a report of the same incident dated past its end) are left out of the figures.
    /// </summary>
    public static IReadOnlyList<Incident> ListIncidentsWithin(this IDocumentStore store, EventQuery query)
    {
        var members = store.ListEvents(query with { IncidentsOnly = false, Offset = 0 }).ToLookup(e => e.IncidentId, StringComparer.Ordinal);
        return store.ListEvents(query with { IncidentsOnly = true })
            .Select(head => Incident.Of(members[head.IncidentId].Any(m => m.Id == head.Id) ? [.. members[head.IncidentId]] : [head]))
            .ToList();
    }

    /// <summary>The incident an event belongs to, or null when the store has no such event.</summary>
    public static Incident? FindIncident(this IDocumentStore store, string eventId) =>
        store.ListEvents(new EventQuery(Id: eventId, Limit: 1)) is [var e] ? store.IncidentOf(e) : null;

    /// <summary>The incident of an event already read from the store.</summary>
    public static Incident IncidentOf(this IDocumentStore store, StoredEvent e) =>
        Incident.Of(store.ListEvents(new EventQuery(IncidentId: e.IncidentId, Limit: int.MaxValue)));
}
