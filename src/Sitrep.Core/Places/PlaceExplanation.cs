using System.Globalization;
using System.Text;
using Sitrep.Documents;

namespace Sitrep.Places;

/// <summary>
/// Why a mention was put where it was: the gazetteer entries the ranker weighed for it, best first, each
/// with its features; the entry chosen (-1: left unplaced) and its confidence; and the rule that
/// overrode the ranker's choice, if one did; and the ranker that weighed them.
/// </summary>
internal sealed record PlaceExplanation(TextRange Range, string Name, IReadOnlyList<RankedEntry> Ranked, int Chosen, double Confidence, string? Rule, PlaceRanker Ranker)
{
    /// <summary>
    /// The explanation as text: the decision, then the <paramref name="top"/> best entries with the
    /// features that counted (value × weight, largest first).
    /// </summary>
    public IEnumerable<string> Describe(Gazetteer gazetteer, int top = 3)
    {
        yield return Chosen >= 0
            ? $"{Entry(gazetteer, Chosen)}, confidence {Confidence.ToString("0.00", CultureInfo.InvariantCulture)}"
            : "not placed";
        if (Rule is not null) yield return $"  rule: {Rule}";
        for (int i = 0; i < Math.Min(top, Ranked.Count); i++)
        {
            var r = Ranked[i];
            yield return $"  {i + 1}. {Entry(gazetteer, r.Entry)}: score {r.Score.ToString("0.00", CultureInfo.InvariantCulture)} = {Contributions(Ranker, r.Features)}";
        }
        if (Ranked.Count > top) yield return $"  ({Ranked.Count - top} more entries weighed)";
    }

    /// <summary>An entry as "name (level, admin1, country, population)".</summary>
    public static string Entry(Gazetteer gazetteer, int entry)
    {
        int admin1 = gazetteer.Admin1(entry);
        var where = new StringBuilder(PlaceLevels.Name(gazetteer.Level(entry)));
        if (admin1 >= 0 && admin1 != entry) where.Append(", ").Append(gazetteer.Name(admin1));
        where.Append(", ").Append(gazetteer.Country(entry));
        if (gazetteer.Population(entry) > 0) where.Append(", pop. ").Append(gazetteer.Population(entry).ToString("N0", CultureInfo.InvariantCulture));
        return $"{gazetteer.Name(entry)} ({where})";
    }

    /// <summary>The features that counted for an entry, as "name value×weight", largest contribution first.</summary>
    public static string Contributions(PlaceRanker ranker, IReadOnlyList<double> features)
    {
        var parts = Enumerable.Range(0, features.Count)
            .Where(i => features[i] != 0 && ranker.Weights[i] != 0)
            .OrderByDescending(i => Math.Abs(features[i] * ranker.Weights[i]))
            .Select(i => $"{RankerFeatures.Names[i]} {features[i].ToString("0.##", CultureInfo.InvariantCulture)}×{ranker.Weights[i].ToString("0.##", CultureInfo.InvariantCulture)}");
        return string.Join(" + ", parts) is { Length: > 0 } text ? text : "nothing";
    }
}

/// <summary>One gazetteer entry weighed for a mention: its score and the features it was scored on (<see cref="RankerFeatures.Names"/> order).</summary>
internal sealed record RankedEntry(int Entry, double Score, double[] Features);
