using Sitrep.Documents;
using Sitrep.Storage;

namespace Sitrep.Linking;

/// <summary>One figure as one source reported it: never merged away, so disagreements stay visible.</summary>
public sealed record Claim(string Field, int Value, string? Text, string? Source, string Document, DateOnly Date);

/// <summary>
/// One incident as the reports tell it: the events linked into it, every figure each source gave,
/// and the figure to use. Fatalities follow ACLED: a count is updated as later reports give higher
/// ones (the first day's "at least eight" gives way to the ministry's 121 two days later), and among
/// the figures no later report has exceeded, the most conservative (the lowest) is used; the range,
/// the latest report's figure and each claim stay beside it.
/// </summary>
public sealed class Incident
{
    private Incident(string id, IReadOnlyList<StoredEvent> members)
    {
        Id = id;
        Members = members;
        // The member coded most precisely stands for the incident: the finest place, then the
        // finest date, then the most confident coding (the store picks its head in this order).
        Representative = members
            .OrderBy(m => HeadRank(m.Event.Place is not null, (int)m.Event.GeoPrecision, m.Event.Date is not null, (int)m.Event.TimePrecision, m.Event.Confidence))
            .ThenBy(m => m.Id, StringComparer.Ordinal).First();
        Documents = members.Select(m => m.DocumentId).Distinct().Order(StringComparer.Ordinal).ToList();
        Claims = members
            .SelectMany(m => ClaimsOf(m))
            .OrderBy(c => c.Date).ThenBy(c => c.Field, StringComparer.Ordinal).ThenBy(c => c.Document, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// How a member ranks to stand for its incident, smaller first (ties go to the smaller id): the
    /// finer place, then the finer date, then the more confident coding. The store's head order
    /// (<c>StoreSchema.HeadOrder</c>) is the same in SQL.
    /// </summary>
    internal static (int Place, int Date, double Confidence) HeadRank(bool placed, int geoPrecision, bool dated, int timePrecision, double confidence) =>
        (placed ? geoPrecision : 9, dated ? timePrecision : 9, -confidence);

    /// <summary>The incident of <paramref name="members"/>, all of one incident id.</summary>
    public static Incident Of(IReadOnlyList<StoredEvent> members) =>
        members.Count == 0 ? throw new ArgumentException("an incident has at least one event", nameof(members)) : new Incident(members[0].IncidentId, members);

    /// <summary>The incident's id: the smallest id of its events.</summary>
    public string Id { get; }

    /// <summary>The events read from each report, linked into this incident.</summary>
    public IReadOnlyList<StoredEvent> Members { get; }

    /// <summary>The member whose coding stands for the incident.</summary>
    public StoredEvent Representative { get; }

    /// <summary>The reports that support the incident.</summary>
    public IReadOnlyList<string> Documents { get; }

    /// <summary>Every figure reported, oldest report first.</summary>
    public IReadOnlyList<Claim> Claims { get; }

    /// <summary>The figure to use for a field: the lowest of the claims that no later report exceeded.</summary>
    public Claim? Conservative(string field) => Current(field).OrderBy(c => c.Value).ThenBy(c => c.Date).FirstOrDefault();

    // Claims not superseded: no report dated after a claim's gives a higher figure.
    private IEnumerable<Claim> Current(string field)
    {
        var claims = Claims.Where(c => c.Field == field).ToList();
        return claims.Where(c => !claims.Exists(later => later.Date > c.Date && later.Value > c.Value));
    }

    /// <summary>The figure of the latest report giving one (the highest, when the latest report's sources differ).</summary>
    public Claim? Latest(string field) => Claims.Where(c => c.Field == field).OrderByDescending(c => c.Date).ThenByDescending(c => c.Value).FirstOrDefault();

    /// <summary>The lowest and highest figure reported for a field, or null when none was.</summary>
    public (int Low, int High)? Range(string field) =>
        Claims.Any(c => c.Field == field) ? (Claims.Where(c => c.Field == field).Min(c => c.Value), Claims.Where(c => c.Field == field).Max(c => c.Value)) : null;

    /// <summary>How the figure for a field was chosen, in words, e.g. "lowest current of 3 reported figures (8–121), 2 earlier counts updated by later, higher ones; latest 121".</summary>
    public string? Basis(string field)
    {
        var claims = Claims.Where(c => c.Field == field).ToList();
        if (claims.Count == 0) return null;
        var chosen = Conservative(field)!;
        string by = chosen.Source is null ? "" : $", according to {chosen.Source}";
        if (claims.Select(c => c.Value).Distinct().Count() == 1)
            return claims.Count == 1 ? $"one report{by}" : $"{claims.Count} reports agree";
        var (low, high) = Range(field)!.Value;
        int superseded = claims.Count - Current(field).Count();
        var updated = superseded == 0 ? "" : $", {superseded} earlier {(superseded == 1 ? "count" : "counts")} updated by later, higher ones";
        return $"lowest current of {claims.Count} reported figures ({low}–{high}){by}{updated}; latest {Latest(field)!.Value}";
    }

    /// <summary>The representative's coding with the incident's figures in place of its own.</summary>
    public CodedEvent Event
    {
        get
        {
            var e = Representative.Event;
            var fatalities = Conservative("fatalities");
            var injured = Conservative("injured");
            return e with
            {
                Fatalities = fatalities?.Value ?? e.Fatalities, FatalitiesText = fatalities?.Text ?? e.FatalitiesText,
                Injured = injured?.Value ?? e.Injured, InjuredText = injured?.Text ?? e.InjuredText,
            };
        }
    }

    /// <summary>The incident as one stored event: its representative, with the incident's figures.</summary>
    public StoredEvent AsEvent => Representative with { Event = Event };

    private static IEnumerable<Claim> ClaimsOf(StoredEvent m)
    {
        string? source = m.Event.Source ?? m.DocumentSource;
        // A figure is a claim only when the report gave one: a zero with no phrase is "none reported".
        if (m.Event.Fatalities is { } f && m.Event.FatalitiesText is not null)
            yield return new Claim("fatalities", f, m.Event.FatalitiesText, source, m.DocumentId, m.DocumentDate);
        if (m.Event.Injured is { } i && m.Event.InjuredText is not null)
            yield return new Claim("injured", i, m.Event.InjuredText, source, m.DocumentId, m.DocumentDate);
    }
}
