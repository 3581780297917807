using Sitrep.Linking;

namespace Sitrep.SituationReports;

/// <summary>
/// The figures a situation report opens with, computed from incidents: totals and fatalities by event
/// type, a day-by-day count, and the places with most incidents. Each incident counts once, coded by its
/// head, with its figure chosen from every report's claims as <see cref="Incident.Conservative"/> does,
/// the same figure `sitrep report` and the event listings give.
/// </summary>
public sealed record SituationSummary(
    string? Country, DateOnly? From, DateOnly? To, int Events, int Fatalities, int Injured, int Reports,
    IReadOnlyList<SituationSummary.TypeCount> ByType, IReadOnlyList<SituationSummary.DayCount> ByDay, IReadOnlyList<SituationSummary.PlaceCount> ByPlace)
{
    /// <summary>Events and fatalities of one ACLED event type.</summary>
    public sealed record TypeCount(string EventType, int Events, int Fatalities);

    /// <summary>Events of one day, by event type.</summary>
    public sealed record DayCount(DateOnly Date, int Events, int Fatalities, IReadOnlyDictionary<string, int> ByType);

    /// <summary>Events at one place.</summary>
    public sealed record PlaceCount(string Place, string Country, double Latitude, double Longitude, int Events, int Fatalities);

    /// <summary>Summarises <paramref name="incidents"/> (already filtered to the report's country and dates).</summary>
    public static SituationSummary Of(IReadOnlyList<Incident> incidents, string? country, DateOnly? from, DateOnly? to)
    {
        var events = incidents.Select(i => i.AsEvent).ToList();
        var byType = events.GroupBy(e => e.Event.EventType)
            .Select(g => new TypeCount(g.Key, g.Count(), g.Sum(e => e.Event.Fatalities ?? 0)))
            .OrderByDescending(t => t.Events).ThenBy(t => t.EventType, StringComparer.Ordinal).ToList();
        var byDay = events.Where(e => e.Event.Date is not null).GroupBy(e => e.Event.Date!.Value).OrderBy(g => g.Key)
            .Select(g => new DayCount(g.Key, g.Count(), g.Sum(e => e.Event.Fatalities ?? 0),
                g.GroupBy(e => e.Event.EventType).ToDictionary(t => t.Key, t => t.Count(), StringComparer.Ordinal)))
            .ToList();
        var byPlace = events.Where(e => e.Event.Place is not null).GroupBy(e => (e.Event.Place!.Name, e.Event.Place.Country))
            .Select(g => new PlaceCount(g.Key.Name, g.Key.Country, g.First().Event.Place!.Latitude, g.First().Event.Place!.Longitude, g.Count(), g.Sum(e => e.Event.Fatalities ?? 0)))
            .OrderByDescending(p => p.Events).ThenBy(p => p.Place, StringComparer.Ordinal).Take(20).ToList();
        return new SituationSummary(country, from, to, events.Count, events.Sum(e => e.Event.Fatalities ?? 0), events.Sum(e => e.Event.Injured ?? 0),
            incidents.SelectMany(i => i.Documents).Distinct().Count(), byType, byDay, byPlace);
    }
}
