using System.Globalization;
using System.Text;

namespace Sitrep.Places;

/// <summary>
/// A place where coded events happened, with how many: ACLED's location names, spellings and
/// points, compiled into the gazetteer as a source of their own (villages, camps and districts the
/// GeoNames cuts lack) and as a prior for names with namesakes elsewhere.
/// </summary>
/// <param name="Name">The location as the coder spells it ("Wad Medani").</param>
/// <param name="Country">ISO 3166 alpha-3 code of its country ("SDN").</param>
/// <param name="Latitude">Its point, where the coders put it most often.</param>
/// <param name="Longitude">Its point's longitude.</param>
/// <param name="Admin1">Its first-level division's name, as the coder gives it (may be empty).</param>
/// <param name="Events">Events coded there.</param>
internal sealed record EventPlace(string Name, string Country, double Latitude, double Longitude, string Admin1, int Events);

/// <summary>Reads and writes the tab-separated table of <see cref="EventPlace"/> (<c>models/event-places.tsv</c>).</summary>
internal static class EventPlaceTable
{
    /// <summary>The file's name under <c>models/</c>, written by <c>sitrep train places</c>.</summary>
    public const string FileName = "event-places.tsv";

    private const string Header = "location\tcountry\tlatitude\tlongitude\tadmin1\tevents";

    /// <summary>Writes <paramref name="places"/> in a fixed order, so the same rows give the same bytes.</summary>
    public static void Save(IEnumerable<EventPlace> places, string path)
    {
        var lines = places.OrderBy(p => p.Country, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => string.Join('\t', p.Name, p.Country, p.Latitude.ToString("0.####", CultureInfo.InvariantCulture),
                p.Longitude.ToString("0.####", CultureInfo.InvariantCulture), p.Admin1, p.Events.ToString(CultureInfo.InvariantCulture)));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllLines(path, [Header, .. lines], new UTF8Encoding(false));
    }

    /// <summary>Reads a table written by <see cref="Save"/>; a malformed line throws <see cref="InvalidDataException"/> naming file and line.</summary>
    public static List<EventPlace> Load(string path)
    {
        var places = new List<EventPlace>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (number == 1)
            {
                if (line != Header) throw new InvalidDataException($"{path}:1: not an event-place table (expected the header '{Header.Replace('\t', ' ')}')");
                continue;
            }
            if (line.Length == 0) continue;
            var f = line.Split('\t');
            if (f.Length != 6 || f[0].Length == 0 || f[1].Length != 3
                || !double.TryParse(f[2], CultureInfo.InvariantCulture, out var lat) || lat is < -90 or > 90
                || !double.TryParse(f[3], CultureInfo.InvariantCulture, out var lon) || lon is < -180 or > 180
                || !int.TryParse(f[5], CultureInfo.InvariantCulture, out var events) || events < 1)
                throw new InvalidDataException($"{path}:{number}: expected location, alpha-3 country, latitude, longitude, admin1 and a positive event count");
            places.Add(new EventPlace(f[0], f[1], lat, lon, f[4], events));
        }
        return places;
    }
}
