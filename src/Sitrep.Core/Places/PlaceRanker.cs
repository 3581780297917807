using Sitrep.Documents;
using System.Globalization;
using System.Text;

namespace Sitrep.Places;

/// <summary>
/// What the geoparser knows about one gazetteer entry for one mention, as numbers a linear ranker
/// weighs: the entry's own prior (people, kind, capital or seat, how the name matched it) and what the
/// report says around the mention (cues, containment, the countries and divisions it names, nearness).
/// </summary>
internal static class RankerFeatures
{
    /// <summary>Feature names, in vector order (the ranker file's keys).</summary>
    public static readonly string[] Names =
    [
        "log_people", "region", "country", "admin1", "admin2", "district", "capital", "seat", "historical",
        "alternate_name", "core_name", "division_cue", "settlement_cue", "cue_country", "country_focus",
        "containment", "division_focus", "nearness", "log_events",
    ];

    /// <summary>Number of features.</summary>
    public static int Count => Names.Length;

    internal const int LogPeople = 0, Region = 1, Country = 2, Admin1 = 3, Admin2 = 4, District = 5, Capital = 6, Seat = 7,
        Historical = 8, AlternateName = 9, CoreName = 10, DivisionCue = 11, SettlementCue = 12, CueCountry = 13, CountryFocus = 14,
        Containment = 15, DivisionFocus = 16, Nearness = 17, LogEvents = 18;

    // What an event coded at a place weighs among its people in the prior: where conflict is reported, a
    // village with a hundred events is as likely meant as a town of thirty thousand. On the ACLED
    // development split 100, 300 and 1,000 give 0.738, 0.739 and 0.739 within 25 km; at 1,000 a
    // Luhansk village of three events outweighs Donetsk region's Lyman of 20,000 people.
    private const double PeoplePerEvent = 300;

    /// <summary>Writes the entry's own features (those that need no context) into <paramref name="f"/>.</summary>
    internal static void Prior(int posting, GazetteerColumns c, Span<double> f)
    {
        int i = posting & NameIndex.EntryMask;
        var level = (PlaceLevel)c.Levels[i];
        var flags = (PlaceFlags)c.Flags[i];
        // Continents and seas have no population: they rank with large countries.
        f[LogPeople] = level == PlaceLevel.Region ? 0 : Math.Log10(c.Populations[i] + 10.0 + PeoplePerEvent * c.EventCounts[i]);
        f[Region] = level == PlaceLevel.Region ? 1 : 0;
        f[Country] = level == PlaceLevel.Country ? 1 : 0;
        f[Admin1] = level == PlaceLevel.Admin1 ? 1 : 0;
        f[Admin2] = level == PlaceLevel.Admin2 ? 1 : 0;
        f[District] = level == PlaceLevel.District ? 1 : 0;
        f[Capital] = (flags & PlaceFlags.Capital) != 0 ? 1 : 0;
        f[Seat] = (flags & PlaceFlags.AdminSeat) != 0 ? 1 : 0;
        f[Historical] = (flags & PlaceFlags.Historical) != 0 ? 1 : 0;
        f[AlternateName] = (posting & NameIndex.AlternateFlag) != 0 ? 1 : 0;
        f[CoreName] = (posting & NameIndex.CoreFlag) != 0 ? 1 : 0;
        f[LogEvents] = Math.Log10(1 + c.EventCounts[i]);
    }
}

/// <summary>
/// A linear ranker over <see cref="RankerFeatures"/>: the entry with the highest weighted sum is the
/// mention's place. <see cref="HandSet"/> holds the weights set by hand (a factor of ten in people is
/// 1); <c>sitrep train places</c> learns weights from ACLED's training notes into
/// <c>models/place-ranker.tsv</c>, which <see cref="Default"/> loads when present.
/// </summary>
internal sealed class PlaceRanker
{
    private readonly double[] _weights;

    /// <summary>A ranker with <paramref name="weights"/>, in <see cref="RankerFeatures.Names"/> order.</summary>
    public PlaceRanker(double[] weights)
    {
        if (weights.Length != RankerFeatures.Count) throw new ArgumentException($"expected {RankerFeatures.Count} weights", nameof(weights));
        _weights = weights;
    }

    /// <summary>The weights, in feature order.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The weights set by hand before any were learned.</summary>
    public static PlaceRanker HandSet { get; } = Named(
        ("log_people", 1), ("region", 10), ("country", 3), ("admin1", 0.5), ("admin2", -1), ("district", -1),
        ("capital", 1.5), ("seat", 0.3), ("historical", -3), ("alternate_name", -0.5), ("core_name", -0.3),
        ("division_cue", 4), ("settlement_cue", 4), ("cue_country", 6), ("country_focus", 3),
        ("containment", 6), ("division_focus", 1.5), ("nearness", 3), ("log_events", 0));

    /// <summary>A ranker from a weight for every feature, by name.</summary>
    public static PlaceRanker Named(params (string Feature, double Weight)[] weights) =>
        Vector(weights, out var problem) is { } vector ? new PlaceRanker(vector) : throw new ArgumentException(problem, nameof(weights));

    // The weights in feature order, or null with what is wrong: an unknown feature, or one without a weight.
    private static double[]? Vector(IEnumerable<(string Feature, double Weight)> weights, out string problem)
    {
        var vector = new double[RankerFeatures.Count];
        var seen = new bool[RankerFeatures.Count];
        problem = "";
        foreach (var (feature, weight) in weights)
        {
            int i = Array.IndexOf(RankerFeatures.Names, feature);
            if (i < 0)
            {
                problem = $"no ranker feature '{feature}'";
                return null;
            }
            (vector[i], seen[i]) = (weight, true);
        }
        if (Array.IndexOf(seen, false) is var missing and >= 0)
        {
            problem = $"no weight for '{RankerFeatures.Names[missing]}'";
            return null;
        }
        return vector;
    }

    /// <summary>The file the trained ranker is kept in under <c>models/</c>.</summary>
    public const string FileName = "place-ranker.tsv";

    private static readonly Lazy<PlaceRanker> Shipped = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "models", FileName);
        return File.Exists(path) ? Load(path) : HandSet;
    });

    /// <summary>The learned ranker shipped in <c>models/</c>, or <see cref="HandSet"/> when there is none.</summary>
    public static PlaceRanker Default => Shipped.Value;

    /// <summary>The weighted sum of <paramref name="features"/>.</summary>
    public double Score(ReadOnlySpan<double> features)
    {
        double sum = 0;
        for (int i = 0; i < _weights.Length; i++) sum += _weights[i] * features[i];
        return sum;
    }

    /// <summary>Writes the weights, one "name TAB weight" line each.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllLines(path, ["feature\tweight", .. RankerFeatures.Names.Select((n, i) => $"{n}\t{_weights[i].ToString("0.######", CultureInfo.InvariantCulture)}")],
            new UTF8Encoding(false));
    }

    /// <summary>Reads weights written by <see cref="Save"/>; a missing or unknown feature throws <see cref="InvalidDataException"/> naming the file.</summary>
    public static PlaceRanker Load(string path)
    {
        var weights = new List<(string, double)>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (number++ == 0 || line.Length == 0) continue;
            var f = line.Split('\t');
            if (f.Length != 2 || !double.TryParse(f[1], CultureInfo.InvariantCulture, out var weight))
                throw new InvalidDataException($"{path}:{number}: expected a feature name and its weight; rebuild it with 'sitrep train places'");
            weights.Add((f[0], weight));
        }
        return Vector(weights, out var problem) is { } vector ? new PlaceRanker(vector)
            : throw new InvalidDataException($"{path}: {problem}; rebuild it with 'sitrep train places'");
    }
}
