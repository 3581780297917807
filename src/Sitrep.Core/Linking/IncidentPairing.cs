using Sitrep.Storage;
namespace Sitrep.Linking;

/// <summary>
/// Joins a new report to an incident already stored: at most one of the report's events joins it,
/// through the pair of events (one of the report's, one of the incident's) most alike. A report that
/// codes two incidents in one city on one day, beside an incident told elsewhere, joins one of its
/// events to it, not both. One link per incident, however many reports tell of it, keeps linking's
/// cost flat as a story is syndicated. Ties break on the ids.
/// </summary>
internal static class IncidentPairing
{
    /// <summary>
    /// The link joining the incident to the report through the best of <paramref name="pairs"/> (a
    /// report's event with a stored event of the incident that the candidate search found for it), or
    /// null when none match; pairs an analyst <paramref name="separated"/> (ids in ordinal order) are left out.
    /// </summary>
    public static (EventLink Link, EventMention New, EventMention Stored)? Best(IEnumerable<(EventMention New, EventMention Stored)> pairs, ISet<(string, string)>? separated = null)
    {
        (double Score, string A, string B, EventMention New, EventMention Stored)? best = null;
        foreach (var (a, b) in pairs)
        {
            if (!IncidentMatcher.Matches(a, b)) continue;
            var (first, second) = string.CompareOrdinal(a.Id, b.Id) <= 0 ? (a.Id, b.Id) : (b.Id, a.Id);
            if (separated?.Contains((first, second)) == true) continue;
            double score = IncidentMatcher.Similarity(a, b);
            if (best is not { } current || score > current.Score
                || score == current.Score && (string.CompareOrdinal(first, current.A) is var c && (c < 0 || c == 0 && string.CompareOrdinal(second, current.B) < 0)))
                best = (score, first, second, a, b);
        }
        // Only the chosen pair's reason is put in words.
        return best is { } found ? (new EventLink(found.New.Id, found.Stored.Id, IncidentMatcher.Match(found.New, found.Stored)!).Canonical(), found.New, found.Stored) : null;
    }
}
