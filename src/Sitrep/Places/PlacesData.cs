using System.Globalization;

namespace Sitrep.Places;

/// <summary>The project's own place data (<c>places.tsv</c>, embedded): what the packages lack.</summary>
internal sealed class PlacesData
{
    public List<(string[] Names, double Lat, double Lon)> Regions { get; } = [];
    public List<(string[] Names, ushort Code)> CountryNames { get; } = [];
    public List<(string[] Words, ushort Code)> Demonyms { get; } = [];
    public List<(ushort Country, string Division, DateOnly Since, string From)> Splits { get; } = [];

    public static PlacesData Load()
    {
        using var stream = typeof(PlacesData).Assembly.GetManifestResourceStream("Sitrep.Places.places.tsv")
            ?? throw new InvalidOperationException("places.tsv is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var data = new PlacesData();
        int lineNumber = 0;
        for (string? line; (line = reader.ReadLine()) is not null;)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            try
            {
                switch (f[0])
                {
                    case "region":
                        data.Regions.Add((f[1].Split('|'), double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture)));
                        break;
                    case "country":
                        data.CountryNames.Add((f[1].Split('|'), CountryCodes.Pack(f[2])));
                        break;
                    case "demonym":
                        data.Demonyms.Add((f[1].Split('|'), CountryCodes.Pack(f[2])));
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
