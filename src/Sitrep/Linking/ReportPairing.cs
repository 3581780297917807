namespace Sitrep.Linking;

/// <summary>A link between two events of different reports, and why they are one incident.</summary>
public sealed record EventLink(string A, string B, string Reason)
{
    /// <summary>The same link with its ends in ordinal order, the form the store keeps.</summary>
    public EventLink Canonical() => string.CompareOrdinal(A, B) <= 0 ? this : this with { A = B, B = A };
}

/// <summary>
/// Pairs the events of two reports: each event of one is linked to at most one event of the other,
/// the most alike first. A report that codes two incidents in one city on one day, beside another
/// that codes one of them, links one pair, not both events to the one. Ties break on the ids, so
/// the result does not depend on which report is given first.
/// </summary>
public static class ReportPairing
{
    /// <summary>The links between the events of two reports, leaving out pairs an analyst <paramref name="separated"/> (ids in ordinal order).</summary>
    public static List<EventLink> Pair(IReadOnlyList<EventMention> first, IReadOnlyList<EventMention> second, ISet<(string, string)>? separated = null)
    {
        var candidates = new List<(double Score, EventLink Link)>();
        foreach (var a in first)
            foreach (var b in second)
            {
                if (IncidentMatcher.Match(a, b) is not { } reason) continue;
                var link = new EventLink(a.Id, b.Id, reason).Canonical();
                if (separated?.Contains((link.A, link.B)) == true) continue;
                candidates.Add((IncidentMatcher.Similarity(a, b), link));
            }
        candidates.Sort((x, y) => y.Score.CompareTo(x.Score) is var c and not 0 ? c
            : string.CompareOrdinal(x.Link.A, y.Link.A) is var d and not 0 ? d
            : string.CompareOrdinal(x.Link.B, y.Link.B));
        var used = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<EventLink>();
        foreach (var (_, link) in candidates)
        {
            if (used.Contains(link.A) || used.Contains(link.B)) continue;
            used.Add(link.A);
            used.Add(link.B);
            links.Add(link);
        }
        return links;
    }
}
