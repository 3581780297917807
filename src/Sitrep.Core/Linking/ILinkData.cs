using Sitrep.Storage;
namespace Sitrep.Linking;

/// <summary>
/// What <see cref="ReportLinker"/> reads and writes, inside the transaction that stores a batch: each
/// store answers these with its own SQL and indexes, and the linking decisions are made once, in the linker.
/// A store may hold writes back until <see cref="Flush"/> or its next read (a server store sends them in
/// one round trip); every read sees every write made before it.
/// </summary>
internal interface ILinkData
{
    /// <summary>Up to <paramref name="limit"/> stored reports sharing any LSH band key, with their MinHash signatures.</summary>
    List<(string Id, uint[] Signature)> DuplicateCandidates(long[] bandKeys, int limit);

    /// <summary>Records near-duplicate pairs (ids in ordinal order).</summary>
    void SaveDuplicates(IReadOnlyList<(string A, string B, double Similarity)> pairs);

    /// <summary>Keeps a report's signature and band keys for later reports to find it.</summary>
    void SaveSignature(string documentId, uint[] signature, long[] bandKeys);

    /// <summary>A stored report's events that have a country.</summary>
    List<EventMention> PlacedEventsOf(string documentId);

    /// <summary>
    /// For each of a report's mentions, the incident heads of other reports it may belong to: same
    /// disorder type, dated within the window each pair of time precisions allows, and either in the grid
    /// cells within <see cref="IncidentMatcher.MaxRadiusKm"/> (town-level mentions, see
    /// <see cref="LinkCells.Around"/>) or in the same first-level division with either side region-level.
    /// </summary>
    List<EventMention>[] Candidates(IReadOnlyList<EventMention> mentions);

    /// <summary>Pairs an analyst separated that involve this report's events, or null when none.</summary>
    HashSet<(string, string)>? Separations(string documentId);

    /// <summary>Whether an analyst separated any member of one incident from any member of the other.</summary>
    bool Separated(string firstIncident, string secondIncident);

    /// <summary>
    /// Stores a new report's events, the <c>i</c>-th in <c>incidents[i]</c> (its incident and whether it
    /// heads it); later reads see them.
    /// </summary>
    void SaveEvents(Documents.Document document, IReadOnlyList<(string IncidentId, bool IsHead)> incidents);

    /// <summary>Stores a new link, made by linking <paramref name="newEventId"/> (one of its two events).</summary>
    void InsertLink(EventLink link, string newEventId);

    /// <summary>The head of a stored incident.</summary>
    EventMention HeadOf(string incident);

    /// <summary>Marks a stored head as no longer its incident's head.</summary>
    void Demote(EventMention head);

    /// <summary>Moves every member of incident <paramref name="drop"/> into incident <paramref name="keep"/>.</summary>
    void Rename(string keep, string drop);

    /// <summary>Where the reports linked so far fall in linking order (stored with the links).</summary>
    LinkOrder Order { get; set; }

    /// <summary>Sends the writes held back, if any.</summary>
    void Flush();
}
