using System.Globalization;

namespace Sitrep.Places;

/// <summary>The project's own place data (<c>places.tsv</c>, embedded): what the packages lack.</summary>
internal sealed class PlacesData
{
    public List<(string[] Names, double Lat, double Lon, ushort Country)> Regions { get; } = [];
    public List<(string[] Names, ushort Country, double Lat, double Lon)> Sites { get; } = [];
    public List<(string[] Names, ushort Code)> CountryNames { get; } = [];
    public List<(string[] Words, ushort Code)> Demonyms { get; } = [];
    public List<(ushort Country, string Division, DateOnly Since, string From)> Splits { get; } = [];
    public List<(ushort Country, string Division, string[] Names)> DivisionNames { get; } = [];
    public Dictionary<int, string> Renames { get; } = [];
    public Dictionary<ushort, (double Lat, double Lon)> CountryPoints { get; } = [];

    /// <summary>The file's bytes as embedded.</summary>
    public static byte[] Bytes()
    {
        using var stream = typeof(PlacesData).Assembly.GetManifestResourceStream("Sitrep.Places.places.tsv")
            ?? throw new InvalidOperationException("places.tsv is not embedded in the assembly.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public static PlacesData Load()
    {
        using var reader = new StreamReader(new MemoryStream(Bytes()));
        var data = new PlacesData();
        int lineNumber = 0;
        for (string? line; (line = reader.ReadLine()) is not null;)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('#')[0].TrimEnd().Split('\t');
            try
            {
                switch (f[0])
                {
                    case "region":
                        data.Regions.Add((f[1].Split('|'), double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture),
                            f.Length > 4 ? CountryCodes.Pack(f[4]) : (ushort)0));
                        break;
                    case "site":
                        data.Sites.Add((f[1].Split('|'), CountryCodes.Pack(f[2]), double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture)));
                        break;
                    case "country":
                        data.CountryNames.Add((f[1].Split('|'), CountryCodes.Pack(f[2])));
                        break;
                    case "country-point":
                        data.CountryPoints[CountryCodes.Pack(f[1])] = (double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture));
                        break;
                    case "demonym":
                        data.Demonyms.Add((f[1].Split('|'), CountryCodes.Pack(f[2])));
                        break;
                    case "admin1":
                        data.DivisionNames.Add((CountryCodes.Pack(f[1]), f[2], f[3].Split('|')));
                        break;
                    case "rename":
                        data.Renames[int.Parse(f[1], CultureInfo.InvariantCulture)] = f[2];
                        break;
                    case "admin1-split":
                        data.Splits.Add((CountryCodes.Pack(f[1]), f[2], DateOnly.ParseExact(f[3], "yyyy-MM-dd", CultureInfo.InvariantCulture), f[4]));
                        break;
                    default:
                        throw new FormatException($"unknown kind '{f[0]}'");
                }
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException)
            {
                throw new InvalidDataException($"places.tsv:{lineNumber}: {e.Message}", e);
            }
        }
        return data;
    }
}
