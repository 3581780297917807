using System.Text.Json;
using Sitrep.Places;

namespace Sitrep.SituationReports;

/// <summary>
/// Country outlines from the world-atlas package (Natural Earth 1:50m, TopoJSON), decoded into
/// rings of (longitude, latitude) points and keyed by ISO 3166-1 alpha-2 code (through the
/// world-countries package's numeric codes), for maps drawn without a tile server.
/// </summary>
public sealed class CountryOutlines
{
    /// <summary>One country: its code ("" when the atlas has no alpha-2 for it), name, rings and bounds.</summary>
    public sealed record Outline(string Code, string Name, IReadOnlyList<(double Lon, double Lat)[]> Rings, Bounds Bounds);

    /// <summary>A box in degrees.</summary>
    public readonly record struct Bounds(double West, double South, double East, double North)
    {
        /// <summary>True when the two boxes overlap.</summary>
        public bool Intersects(Bounds other) => West <= other.East && other.West <= East && South <= other.North && other.South <= North;
    }

    private CountryOutlines(IReadOnlyList<Outline> countries) => Countries = countries;

    /// <summary>Every country in the atlas.</summary>
    public IReadOnlyList<Outline> Countries { get; }

    private static readonly Lazy<CountryOutlines?> Installed = new(() =>
        GazetteerSources.FindNodeModules() is { } modules && File.Exists(AtlasPath(modules)) ? Load(AtlasPath(modules), GazetteerSources.InNodeModules(modules).Countries) : null);

    /// <summary>The outlines from the installed npm packages, or null when they are not installed.</summary>
    public static CountryOutlines? Default => Installed.Value;

    private static string AtlasPath(string nodeModules) => Path.Combine(nodeModules, "world-atlas", "countries-50m.json");

    /// <summary>Reads a world-atlas TopoJSON file and the world-countries list that maps its numeric ids to alpha-2 codes.</summary>
    public static CountryOutlines Load(string atlasPath, string countriesPath)
    {
        var alpha2 = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var countries = JsonDocument.Parse(File.ReadAllBytes(countriesPath)))
            foreach (var c in countries.RootElement.EnumerateArray())
                if (c.GetProperty("ccn3").GetString() is { Length: > 0 } numeric) alpha2[numeric] = c.GetProperty("cca2").GetString()!;

        using var atlas = JsonDocument.Parse(File.ReadAllBytes(atlasPath));
        var root = atlas.RootElement;
        var scale = root.GetProperty("transform").GetProperty("scale");
        var translate = root.GetProperty("transform").GetProperty("translate");
        double sx = scale[0].GetDouble(), sy = scale[1].GetDouble(), tx = translate[0].GetDouble(), ty = translate[1].GetDouble();
        // Arcs are delta-encoded quantized positions.
        var arcs = root.GetProperty("arcs").EnumerateArray().Select(arc =>
        {
            var points = new List<(double, double)>();
            long x = 0, y = 0;
            foreach (var p in arc.EnumerateArray())
            {
                x += p[0].GetInt64();
                y += p[1].GetInt64();
                points.Add((x * sx + tx, y * sy + ty));
            }
            return points;
        }).ToList();

        (double, double)[] Ring(JsonElement arcIndexes)
        {
            var ring = new List<(double, double)>();
            foreach (var index in arcIndexes.EnumerateArray().Select(i => i.GetInt32()))
            {
                IEnumerable<(double, double)> arc = index >= 0 ? arcs[index] : Enumerable.Reverse(arcs[~index]);
                ring.AddRange(ring.Count == 0 ? arc : arc.Skip(1)); // consecutive arcs share their joining point
            }
            return [.. ring];
        }

        var outlines = new List<Outline>();
        foreach (var g in root.GetProperty("objects").GetProperty("countries").GetProperty("geometries").EnumerateArray())
        {
            var polygons = g.GetProperty("type").GetString() switch
            {
                "Polygon" => [g.GetProperty("arcs")],
                "MultiPolygon" => g.GetProperty("arcs").EnumerateArray().ToList(),
                _ => new List<JsonElement>(),
            };
            var rings = polygons.SelectMany(p => p.EnumerateArray().Select(Ring)).Where(r => r.Length > 2).ToList();
            if (rings.Count == 0) continue;
            var all = rings.SelectMany(r => r).ToList();
            var bounds = new Bounds(all.Min(p => p.Item1), all.Min(p => p.Item2), all.Max(p => p.Item1), all.Max(p => p.Item2));
            string id = g.TryGetProperty("id", out var i) ? i.GetString() ?? "" : "";
            outlines.Add(new Outline(alpha2.GetValueOrDefault(id, ""), g.GetProperty("properties").GetProperty("name").GetString() ?? "", rings, bounds));
        }
        return new CountryOutlines(outlines);
    }
}
