using System.Globalization;
using System.Net;
using System.Text;
using Sitrep.Linking;

namespace Sitrep.SituationReports;

/// <summary>
/// The report's map as a standalone SVG: country outlines around the incidents (equirectangular,
/// scaled for the latitude), one circle per place sized by fatalities and coloured by event type, the
/// busiest places labelled. No tiles and no script, so it prints, mails and opens offline.
/// </summary>
public static class ReportMap
{
    private const double Width = 760;

    /// <summary>Colours per ACLED event type, shared with the report's legend.</summary>
    public static readonly IReadOnlyDictionary<string, string> TypeColours = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Battles"] = "#c62828",
        ["Explosions/Remote violence"] = "#ef6c00",
        ["Violence against civilians"] = "#6d4c41",
        ["Protests"] = "#1565c0",
        ["Riots"] = "#7b1fa2",
        ["Strategic developments"] = "#546e7a",
    };

    /// <summary>
    /// The SVG, or null when no incident has a place. <paramref name="link"/>, when given, makes each
    /// circle a link (the HTML report points them at the place's incidents).
    /// </summary>
    public static string? Svg(SituationReport report, CountryOutlines? outlines, Func<SituationReport.PlaceLine, string>? link = null)
    {
        if (report.ByPlace.Count == 0) return null;
        var home = outlines?.Countries.Where(c => c.Code == report.Country).SelectMany(c => c.Rings).MaxBy(r => r.Length);
        var view = Extent(report.ByPlace, home);
        double midLat = (view.South + view.North) / 2 * Math.PI / 180;
        double xScale = Width / ((view.East - view.West) * Math.Cos(midLat));
        double height = Math.Round((view.North - view.South) * xScale);
        (double X, double Y) Project(double lon, double lat) => ((lon - view.West) * Math.Cos(midLat) * xScale, (view.North - lat) * xScale);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"Map of incidents in {Escape(report.CountryName)}\" font-family=\"sans-serif\">");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#dbe9f4\"/>");
        foreach (var country in outlines?.Countries.Where(c => c.Bounds.Intersects(view)) ?? [])
        {
            bool isHome = country.Code == report.Country;
            svg.Append(CultureInfo.InvariantCulture, $"<path fill=\"{(isHome ? "#fffdf5" : "#eceae4")}\" stroke=\"{(isHome ? "#555" : "#aaa")}\" stroke-width=\"{(isHome ? 1.2 : 0.6)}\" d=\"");
            foreach (var ring in country.Rings)
                AppendRing(svg, ring.Select(p => Project(p.Lon, p.Lat)));
            svg.Append("\"><title>").Append(Escape(country.Name)).Append("</title></path>");
        }
        // The largest first, so small circles stay on top and clickable.
        var places = report.ByPlace.OrderByDescending(p => p.Fatalities).ToList();
        foreach (var place in places)
        {
            var (x, y) = Project(place.Longitude, place.Latitude);
            double r = Radius(place);
            var type = place.Incidents.GroupBy(i => i.Event.EventType).MaxBy(g => g.Count())!.Key;
            var title = $"{place.Place}: {Count(place.Incidents.Count, "incident")}, {Count(place.Fatalities, "fatality", "fatalities")}";
            if (link is not null) svg.Append("<a href=\"").Append(Escape(link(place))).Append("\">");
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{r:0.#}\" fill=\"{TypeColours.GetValueOrDefault(type, "#333")}\" fill-opacity=\"0.75\" stroke=\"#fff\" stroke-width=\"1.5\"><title>{Escape(title)}</title></circle>");
            if (link is not null) svg.Append("</a>");
        }
        foreach (var place in report.ByPlace.Take(8))
        {
            var (x, y) = Project(place.Longitude, place.Latitude);
            double r = Radius(place);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + r + 3:0.#}\" y=\"{y + 4:0.#}\" font-size=\"13\" fill=\"#222\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{Escape(place.Place)}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - 6}\" y=\"{height - 6}\" font-size=\"10\" fill=\"#666\" text-anchor=\"end\">Outlines: Natural Earth (world-atlas). Circle area grows with fatalities.</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static CountryOutlines.Bounds Extent(IReadOnlyList<SituationReport.PlaceLine> places, (double Lon, double Lat)[]? home)
    {
        double west = places.Min(p => p.Longitude), east = places.Max(p => p.Longitude);
        double south = places.Min(p => p.Latitude), north = places.Max(p => p.Latitude);
        if (home is not null)
        {
            west = Math.Min(west, home.Min(p => p.Lon));
            east = Math.Max(east, home.Max(p => p.Lon));
            south = Math.Min(south, home.Min(p => p.Lat));
            north = Math.Max(north, home.Max(p => p.Lat));
        }
        // At least a degree and a half each way, plus a margin; no flatter than 2:1 and no taller than square.
        double lonSpan = Math.Max(1.5, east - west) * 1.12, latSpan = Math.Max(1.5, north - south) * 1.12;
        double cos = Math.Cos((south + north) / 2 * Math.PI / 180);
        latSpan = Math.Max(latSpan, lonSpan * cos / 2);
        lonSpan = Math.Max(lonSpan, latSpan / cos);
        double midLon = (west + east) / 2, midLat = (south + north) / 2;
        return new CountryOutlines.Bounds(midLon - lonSpan / 2, Math.Max(-85, midLat - latSpan / 2), midLon + lonSpan / 2, Math.Min(85, midLat + latSpan / 2));
    }

    private static void AppendRing(StringBuilder svg, IEnumerable<(double X, double Y)> points)
    {
        char command = 'M';
        (double, double) last = (double.NaN, double.NaN);
        foreach (var (x, y) in points)
        {
            var rounded = (Math.Round(x, 1), Math.Round(y, 1));
            if (rounded == last) continue;
            svg.Append(CultureInfo.InvariantCulture, $"{command}{rounded.Item1} {rounded.Item2}");
            command = 'L';
            last = rounded;
        }
        svg.Append('Z');
    }

    // Circle area grows with fatalities, up to a cap that keeps a mass-casualty place from hiding the map.
    private static double Radius(SituationReport.PlaceLine place) => Math.Min(22, 5 + 2 * Math.Sqrt(place.Fatalities));

    private static string Count(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
