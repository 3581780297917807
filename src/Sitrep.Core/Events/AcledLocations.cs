using Sitrep.Places;

namespace Sitrep.Events;

/// <summary>
/// The locations of ACLED rows as a gazetteer source: each (location, country) once, at the point
/// the coders give it most often, with the number of events coded there.
/// </summary>
internal static class AcledLocations
{
    /// <summary>The event places of <paramref name="rows"/>; rows without a point or country code are left out.</summary>
    public static List<EventPlace> From(IEnumerable<AcledGoldRow> rows)
    {
        var groups = new Dictionary<(string Name, string Country), List<AcledGoldRow>>();
        foreach (var row in rows)
        {
            if (row.Latitude is null || row.Longitude is null || row.Iso3.Length != 3) continue;
            var name = PlaceName(row.Location);
            if (name.Length == 0) continue;
            if (!groups.TryGetValue((name, row.Iso3), out var list)) groups[(name, row.Iso3)] = list = [];
            list.Add(row);
        }
        var places = new List<EventPlace>(groups.Count);
        foreach (var ((name, country), list) in groups)
        {
            // The town's own point, not one of its sections' ("Kyiv - Podilskyi"), and the most precise one coded.
            var own = list.Where(r => PlaceName(r.Location) == r.Location.Trim()).ToList();
            var pointRows = own.Count > 0 ? own : list;
            int best = pointRows.Min(r => r.GeoPrecision);
            var (lat, lon) = MostCommon(pointRows.Where(r => r.GeoPrecision == best).Select(r => (Math.Round(r.Latitude!.Value, 4), Math.Round(r.Longitude!.Value, 4))));
            var admin1 = MostCommon(list.Select(r => r.Admin1));
            places.Add(new EventPlace(name, country, lat, lon, admin1, list.Count));
        }
        return places;
    }

    /// <summary>"Kyiv - Shevchenkivskyi" → "Kyiv": a city's section counts for the city.</summary>
    internal static string PlaceName(string location)
    {
        int dash = location.IndexOf(" - ", StringComparison.Ordinal);
        return (dash > 0 ? location[..dash] : location).Trim();
    }

    private static T MostCommon<T>(IEnumerable<T> values) where T : notnull =>
        values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.ToString(), StringComparer.Ordinal).First().Key;
}
