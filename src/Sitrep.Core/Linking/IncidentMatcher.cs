using System.Globalization;
using Sitrep.Events;
using Sitrep.Places;

namespace Sitrep.Linking;

/// <summary>
/// Decides whether two events read from different reports are one incident, and says why. Every test
/// is symmetric, so the links found do not depend on the order reports arrive in.
/// <list type="bullet">
/// <item>Same disorder type (political violence, demonstrations, strategic developments): outlets
/// differ on "armed clash" against "attack", or "protest" against "riot", far more than on whether
/// there was violence. Strategic developments need the same sub-event type.</item>
/// <item>Dates within a window set by the coarser time precision: a day either way for day-precise
/// dates (a report filed after midnight says "yesterday"), a week for week-precise, a month else.</item>
/// <item>Places within a radius set by the coarser geo precision: 25 km for a town, 50 km near it;
/// region-level places must share the country and first-level division.</item>
/// <item>Actors compatible: unnamed or unidentified actors fit any armed group; named ones must agree,
/// and protesters (ACLED inter 6) are not rioters (5).</item>
/// </list>
/// </summary>
internal static class IncidentMatcher
{
    /// <summary>Widest date window of any precision, in days: the candidate search uses it.</summary>
    public const int MaxWindowDays = 31;

    /// <summary>Widest radius of any precision, in km: the candidate search uses it.</summary>
    public const double MaxRadiusKm = 50;

    /// <summary>The reason <paramref name="a"/> and <paramref name="b"/> are one incident, or null when they are not.</summary>
    public static string? Match(EventMention a, EventMention b) => Matches(a, b) ? Reason(a, b) : null;

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> are one incident (<see cref="Match"/> without the reason).</summary>
    public static bool Matches(EventMention a, EventMention b)
    {
        if (a.DocumentId == b.DocumentId) return false;
        if (EventTaxonomy.DisorderType(a.EventType) != EventTaxonomy.DisorderType(b.EventType)) return false;
        if (NeedsSameSubEventType(a.EventType) && a.SubEventType != b.SubEventType) return false;

        if (a.Date is not { } da || b.Date is not { } db) return false;
        if (Math.Abs(da.DayNumber - db.DayNumber) > WindowDays(Math.Max(a.TimePrecision, b.TimePrecision))) return false;

        if (a.Country is null || a.Country != b.Country || a is not { Latitude: { } latA, Longitude: { } lonA } || b is not { Latitude: { } latB, Longitude: { } lonB }) return false;
        if (!PlacesMatch(a.GeoPrecision, b.GeoPrecision, a.Admin1 is not null && a.Admin1 == b.Admin1, latA, lonA, latB, lonB)) return false;
        return ActorsCompatible(a, b);
    }

    /// <summary>Whether events of this type are one incident only with the same sub-event type (strategic developments).</summary>
    public static bool NeedsSameSubEventType(string eventType) => EventTaxonomy.DisorderType(eventType) == "Strategic developments";

    /// <summary>
    /// Whether two located events of one country are close enough to be one incident: in the same
    /// first-level division when either is coded at region level, else within the radius of the
    /// coarser geo precision.
    /// </summary>
    public static bool PlacesMatch(int geoPrecisionA, int geoPrecisionB, bool sameDivision, double latA, double lonA, double latB, double lonB)
    {
        int geo = Math.Max(geoPrecisionA, geoPrecisionB);
        return geo >= 3 ? sameDivision : Geo.DistanceKm(latA, lonA, latB, lonB) <= RadiusKm(geo);
    }

    // Why two matching events are one incident, in words.
    private static string Reason(EventMention a, EventMention b)
    {
        string family = EventTaxonomy.DisorderType(a.EventType);
        int window = WindowDays(Math.Max(a.TimePrecision, b.TimePrecision));
        int days = Math.Abs(a.Date!.Value.DayNumber - b.Date!.Value.DayNumber);
        int geo = Math.Max(a.GeoPrecision, b.GeoPrecision);
        string where = geo >= 3
            ? $"same region ({a.Admin1}, {a.Country})"
            : $"{DistanceKm(a, b).ToString("0", CultureInfo.InvariantCulture)} km apart (within {RadiusKm(geo)} km)";
        string type = a.EventType == b.EventType && a.SubEventType == b.SubEventType
            ? $"both {a.EventType}/{a.SubEventType}"
            : $"{a.EventType}/{a.SubEventType} and {b.EventType}/{b.SubEventType}, both {family.ToLowerInvariant()}";
        string when = days == 0 ? "same date" : $"{days} day{(days == 1 ? "" : "s")} apart (within {window})";
        return $"{type}; {when}; {where}";
    }

    private static double RadiusKm(int geoPrecision) => geoPrecision == 2 ? MaxRadiusKm : 25;

    private static double DistanceKm(EventMention a, EventMention b) =>
        Geo.DistanceKm(a.Latitude!.Value, a.Longitude!.Value, b.Latitude!.Value, b.Longitude!.Value);

    /// <summary>How many days apart two dates of this ACLED time precision may be and still be one incident.</summary>
    public static int WindowDays(int timePrecision) => timePrecision switch { <= 1 => 1, 2 => 7, _ => MaxWindowDays };

    /// <summary>
    /// How alike two matching events are, for pairing each event of one report with at most one of
    /// another: same sub-type, same day, closer place and the same actor each count.
    /// </summary>
    public static double Similarity(EventMention a, EventMention b)
    {
        double score = 0;
        if (a.EventType == b.EventType) score += 1;
        if (a.SubEventType == b.SubEventType) score += 1;
        if (a.Date == b.Date) score += 1;
        if (a.Actor1 is not null && a.Actor1 == b.Actor1) score += 1;
        if (a.Latitude is { } la && b.Latitude is { } lb)
            score += 1 / (1 + Geo.DistanceKm(la, a.Longitude!.Value, lb, b.Longitude!.Value) / 10);
        return score;
    }

    private static bool ActorsCompatible(EventMention a, EventMention b)
    {
        if (a.Actor1 is null || b.Actor1 is null || a.Actor1 == b.Actor1) return true;
        bool demonstrators(int? inter) => inter is 5 or 6;
        if (demonstrators(a.Inter1) || demonstrators(b.Inter1)) return false; // protesters are not rioters, nor an armed group
        bool unidentified(string actor) => actor.StartsWith("Unidentified", StringComparison.Ordinal);
        bool nonState(int? inter) => inter is 2 or 3 or 4;
        return (unidentified(a.Actor1) && nonState(b.Inter1)) || (unidentified(b.Actor1) && nonState(a.Inter1));
    }
}
