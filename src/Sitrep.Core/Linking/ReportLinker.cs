using Sitrep.Storage;
using Sitrep.Documents;

namespace Sitrep.Linking;

/// <summary>
/// Links newly stored reports to what the store holds, in the batch's transaction: near-duplicate
/// reports by MinHash/LSH, and each new event's incident among the incidents already stored. Links are
/// pairs decided by symmetric tests, and an incident is a connected set of linked events named by its
/// smallest id, so any order of arrival gives the same incidents. A report's events are stored once
/// its links are decided, each already in its incident and with its head flag: only stored rows an
/// incident's merge changes are rewritten.
/// </summary>
internal static class ReportLinker
{
    private const int MaxDuplicateCandidates = 64;
    private const int MaxDuplicatesKept = 8;

    /// <summary>
    /// Computes what linking a report needs from its text alone (its MinHash signature), on the
    /// pipeline's workers: linking runs on the single writer, which an ingest waits for.
    /// </summary>
    public static void Prepare(Document document) => document.LinkSignature ??= MinHash.Signature(document.Text);

    /// <summary>
    /// Links newly stored reports through <paramref name="data"/>, in linking order (report date, then
    /// id), and records where the batch fell in that order. A report that comes before one already
    /// linked marks the incidents to be settled (<see cref="LinkRewinding.Settle"/>), which links every
    /// report from it on again: while they are so marked, new reports (all after the mark) are stored
    /// each event its own incident, since linking them now would be undone.
    /// </summary>
    public static void Link(IReadOnlyList<Document> added, ILinkData data)
    {
        if (added.Count == 0) return;
        var ordered = added.OrderBy(LinkKey.Of).ToList();
        data.Order = data.Order.After(LinkKey.Of(ordered[0]), LinkKey.Of(ordered[^1]));
        if (data.Order.SettleFrom is null) LinkInOrder(ordered, data);
        else
        {
            foreach (var document in ordered)
                data.SaveEvents(document, [.. document.Events.Select((_, i) => (StoredEvent.IdOf(document.Id, i + 1), true))]);
            data.Flush();
        }
    }

    /// <summary>Links each of <paramref name="ordered"/> (in linking order, each after every report linked before) through <paramref name="data"/>.</summary>
    public static void LinkInOrder(IReadOnlyList<Document> ordered, ILinkData data)
    {
        foreach (var document in ordered)
        {
            var duplicates = LinkDuplicates(document, document.LinkSignature ?? MinHash.Signature(document.Text), data);
            data.SaveEvents(document, LinkEvents(document, duplicates, data));
        }
        data.Flush();
    }

    // Records the report's near-duplicates and returns them, most alike first. A story syndicated a
    // thousand times shares its band keys with every copy: a bounded number of candidates is read,
    // enough to find copies, never all of them.
    private static List<(string Id, double Similarity)> LinkDuplicates(Document document, uint[]? signature, ILinkData data)
    {
        var duplicates = new List<(string Id, double Similarity)>();
        if (signature is null) return duplicates;
        var keys = MinHash.BandKeys(signature);
        foreach (var (id, stored) in data.DuplicateCandidates(keys, MaxDuplicateCandidates))
        {
            double similarity = MinHash.Similarity(signature, stored);
            if (similarity >= MinHash.DuplicateThreshold && id != document.Id) duplicates.Add((id, similarity));
        }
        // The closest few are kept: copies of one story are all linked through them, and a story
        // syndicated a thousand times does not write a million pairs.
        duplicates.Sort((x, y) => y.Similarity.CompareTo(x.Similarity) is var c and not 0 ? c : string.CompareOrdinal(x.Id, y.Id));
        if (duplicates.Count > MaxDuplicatesKept) duplicates.RemoveRange(MaxDuplicatesKept, duplicates.Count - MaxDuplicatesKept);
        if (duplicates.Count > 0)
            data.SaveDuplicates([.. duplicates.Select(d => string.CompareOrdinal(document.Id, d.Id) < 0
                ? (document.Id, d.Id, Math.Round(d.Similarity, 3)) : (d.Id, document.Id, Math.Round(d.Similarity, 3)))]);
        data.SaveSignature(document.Id, signature, keys);
        return duplicates;
    }

    // Links the report's events to the incidents already stored and returns, for each event in order,
    // the incident it is in and whether it heads it. A near-duplicate of a stored report tells of the
    // same incidents: its events are matched with that report's alone. Otherwise each event is matched
    // with the heads of stored incidents found by blocking keys the matcher implies: same disorder type,
    // a date within the window of the two time precisions, and either a grid cell near the event's point
    // (for town-level places) or the same first-level division. An incident is matched through its head,
    // its most precisely coded event, so a story told by a thousand reports costs one comparison, not a
    // thousand. Each incident gets at most one link.
    private static List<(string IncidentId, bool IsHead)> LinkEvents(Document document, List<(string Id, double Similarity)> duplicates, ILinkData data)
    {
        var all = document.Events.Select((e, i) => EventMention.Of(document.Id, i + 1, e)).ToList();
        var merging = new ReportMerge(all);
        var mentions = all.Where(m => m.Country is not null && m.Date is not null).ToList();
        if (mentions.Count == 0) return merging.Assignments(all);

        // Each incident found, with the pairs of (new event, stored event) the search found it by.
        var byIncident = new Dictionary<string, List<(EventMention New, EventMention Stored)>>(StringComparer.Ordinal);
        void Found(IEnumerable<EventMention> candidates, IReadOnlyList<EventMention> finders)
        {
            foreach (var stored in candidates)
            {
                if (!byIncident.TryGetValue(stored.IncidentId, out var pairs)) byIncident[stored.IncidentId] = pairs = [];
                foreach (var m in finders) pairs.Add((m, stored));
            }
        }
        if (duplicates.Count > 0)
        {
            foreach (var (duplicate, _) in duplicates.Take(3)) Found(data.PlacedEventsOf(duplicate), mentions);
        }
        else
        {
            var candidates = data.Candidates(mentions);
            for (int i = 0; i < mentions.Count; i++) Found(candidates[i], [mentions[i]]);
        }
        if (byIncident.Count == 0) return merging.Assignments(all);

        var separated = data.Separations(document.Id);
        foreach (var (_, pairs) in byIncident.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (IncidentPairing.Best(pairs, separated) is { } best)
                AddLink(best.Link, best.New, best.Stored, merging, data);
        return merging.Assignments(all);
    }

    // What linking one report has decided so far, in memory: the incident each of its (not yet stored)
    // events is in, the incidents renamed by a merge, the head of each incident it touched, and which of
    // those incidents have stored members (whose rows a merge must rewrite).
    private sealed class ReportMerge
    {
        public ReportMerge(IReadOnlyList<EventMention> fresh)
        {
            foreach (var m in fresh)
            {
                IncidentOfNew[m.Id] = m.Id;
                Heads[m.Id] = m;
            }
        }

        public Dictionary<string, string> IncidentOfNew { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> Renamed { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, EventMention> Heads { get; } = new(StringComparer.Ordinal);
        public HashSet<string> WithStoredMembers { get; } = new(StringComparer.Ordinal);

        public bool IsNew(string eventId) => IncidentOfNew.ContainsKey(eventId);

        public string Resolve(string incident)
        {
            while (Renamed.TryGetValue(incident, out var next)) incident = next;
            return incident;
        }

        public List<(string IncidentId, bool IsHead)> Assignments(IReadOnlyList<EventMention> fresh)
        {
            var assignments = new List<(string, bool)>(fresh.Count);
            foreach (var m in fresh)
            {
                string incident = Resolve(IncidentOfNew[m.Id]);
                assignments.Add((incident, Heads[incident].Id == m.Id));
            }
            return assignments;
        }
    }

    private static void AddLink(EventLink link, EventMention fresh, EventMention stored, ReportMerge merging, ILinkData data)
    {
        string first = merging.Resolve(merging.IncidentOfNew[fresh.Id]), second = merging.Resolve(stored.IncidentId);
        // An analyst's separation holds across incidents: no link may join two events they split.
        if (first != second && data.Separated(first, second)) return;
        // The report is new, so none of its links is stored yet.
        data.InsertLink(link, fresh.Id);
        if (first == second) return;
        merging.WithStoredMembers.Add(second);
        // The merged incident's head is the better of the two heads: one row changes at most, not every member's.
        var firstHead = merging.Heads[first];
        var secondHead = merging.Heads.GetValueOrDefault(second) ?? (stored.IsHead ? stored : data.HeadOf(second));
        var head = EventMention.BetterHead(firstHead, secondHead);
        var demoted = head == firstHead ? secondHead : firstHead;
        if (!merging.IsNew(demoted.Id)) data.Demote(demoted);
        // Incidents merge under the smaller name; the stored members of the other are renamed.
        var (keep, drop) = string.CompareOrdinal(first, second) < 0 ? (first, second) : (second, first);
        if (merging.WithStoredMembers.Contains(drop)) data.Rename(keep, drop);
        merging.WithStoredMembers.Add(keep);
        merging.Renamed[drop] = keep;
        merging.Heads[keep] = head;
        merging.IncidentOfNew[fresh.Id] = keep;
    }

    /// <summary>Each member's connected part under <paramref name="links"/>, named by its smallest member.</summary>
    public static Dictionary<string, string> Components(IReadOnlyList<string> members, IReadOnlyList<(string A, string B)> links)
    {
        var neighbours = members.ToDictionary(m => m, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (a, b) in links)
            if (neighbours.ContainsKey(a) && neighbours.ContainsKey(b))
            {
                neighbours[a].Add(b);
                neighbours[b].Add(a);
            }
        var name = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var start in members.Order(StringComparer.Ordinal))
        {
            if (name.ContainsKey(start)) continue;
            var stack = new Stack<string>([start]);
            name[start] = start;
            while (stack.TryPop(out var m))
                foreach (var n in neighbours[m])
                    if (name.TryAdd(n, start)) stack.Push(n);
        }
        return name;
    }
}
