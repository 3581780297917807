using Sitrep.Storage;

namespace Sitrep.Linking;

/// <summary>
/// What a store does to take an event out of its incident, step by step; <see cref="IncidentUnlinking.Run"/>
/// is the algorithm both stores share. Every step runs in the store's one transaction (and, in the shared
/// store, under the linking lock).
/// </summary>
internal interface IUnlinkSteps
{
    /// <summary>The incident the event is in now, or null when there is no such event.</summary>
    string? IncidentOf(string eventId);

    /// <summary>Every event of the incident, by id.</summary>
    List<string> Members(string incident);

    /// <summary>Records that the event is not the same as each of <paramref name="others"/>, and deletes its links.</summary>
    void Separate(string eventId, string incident, IReadOnlyList<string> others);

    /// <summary>The links that remain inside the incident.</summary>
    List<(string A, string B)> Links(string incident);

    /// <summary>Puts each event in the incident <paramref name="parts"/> names for it, and chooses each part's head.</summary>
    void Rename(string formerIncident, IReadOnlyDictionary<string, string> parts);
}

/// <summary><see cref="IEventStore.UnlinkEvent"/>, written once for both stores.</summary>
internal static class IncidentUnlinking
{
    /// <summary>
    /// Takes <paramref name="eventId"/> out of its incident: the analyst's word holds for every pair of the
    /// event with its former partners (and for any report ingested later that would link them again), its
    /// links go, and what remains, which may fall apart, is renamed by connected part (each by its smallest id).
    /// </summary>
    public static UnlinkOutcome? Run(IUnlinkSteps store, string eventId)
    {
        if (store.IncidentOf(eventId) is not { } incident) return null;
        var members = store.Members(incident);
        if (!members.Contains(eventId)) return null;
        store.Separate(eventId, incident, [.. members.Where(m => m != eventId)]);
        var parts = ReportLinker.Components(members, store.Links(incident));
        parts[eventId] = eventId;
        store.Rename(incident, parts);
        return new UnlinkOutcome(eventId, incident, parts.Values.Where(n => n != eventId).Distinct().Order(StringComparer.Ordinal).ToList());
    }
}
