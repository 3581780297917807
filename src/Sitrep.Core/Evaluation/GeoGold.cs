using System.Globalization;
using System.Xml.Linq;
using Sitrep.Documents;

namespace Sitrep.Evaluation;

/// <summary>A gold toponym: its span and, when the annotators placed it, its coordinates.</summary>
internal sealed record GoldToponym(TextRange Range, string Text, double? Latitude, double? Longitude);

/// <summary>One annotated article of a geoparsing corpus.</summary>
internal sealed record GeoGoldDocument(string Name, string Text, DateOnly? Date, IReadOnlyList<GoldToponym> Toponyms);

/// <summary>
/// Reads the geoparsing corpora in ../shared/data/geo: TR-News (<c>&lt;article docid&gt;</c>, every
/// toponym with a GeoNames entry) and GeoWebNews (<c>&lt;article file&gt;</c>, fine-grained types; the
/// toponyms are the types the annotators placed on the map, i.e. those with coordinates). Offsets
/// that do not point at the annotated phrase are realigned to its nearest occurrence (TR-News has
/// some shifted by a few characters) or, failing that, the toponym is dropped and counted.
/// </summary>
internal static class GeoGold
{
    /// <summary>Reads every article of <paramref name="path"/>; <paramref name="dropped"/> counts unusable annotations.</summary>
    public static List<GeoGoldDocument> Read(string path, out int dropped)
    {
        XDocument xml;
        try
        {
            xml = XDocument.Load(path);
        }
        catch (System.Xml.XmlException e)
        {
            throw new InvalidDataException($"{path}:{e.LineNumber}: {e.Message}", e);
        }
        dropped = 0;
        var documents = new List<GeoGoldDocument>();
        foreach (var article in xml.Descendants("article"))
        {
            var text = article.Element("text")?.Value ?? "";
            var name = (string?)article.Attribute("docid") ?? (string?)article.Attribute("file") ?? documents.Count.ToString(CultureInfo.InvariantCulture);
            DateOnly? date = DateOnly.TryParseExact(article.Element("dltime")?.Value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            var toponyms = new List<GoldToponym>();
            foreach (var t in article.Descendants("toponym"))
            {
                var phrase = (t.Element("phrase") ?? t.Element("extractedName"))?.Value ?? "";
                var (lat, lon) = Coordinates(t);
                if (t.Element("type") is not null && lat is null) continue; // GeoWebNews: not a toponym on the map
                // The span is the phrase at its start offset (or nearest it); the end offset adds nothing.
                if (!int.TryParse(t.Element("start")?.Value, CultureInfo.InvariantCulture, out var start)
                    || phrase.Length == 0 || Align(text, phrase, start) is not int at)
                {
                    dropped++;
                    continue;
                }
                toponyms.Add(new GoldToponym(new TextRange(at, at + phrase.Length), phrase, lat, lon));
            }
            toponyms.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
            documents.Add(new GeoGoldDocument(name, text, date, toponyms));
        }
        return documents;
    }

    private static (double?, double?) Coordinates(XElement toponym)
    {
        var gaz = toponym.Element("gaztag");
        var lat = gaz?.Element("lat")?.Value ?? toponym.Element("latitude")?.Value;
        var lon = gaz?.Element("lon")?.Value ?? toponym.Element("longitude")?.Value;
        return double.TryParse(lat, CultureInfo.InvariantCulture, out var la) && double.TryParse(lon, CultureInfo.InvariantCulture, out var lo)
            ? (la, lo) : (null, null);
    }

    private static int? Align(string text, string phrase, int start)
    {
        if (start >= 0 && start + phrase.Length <= text.Length && string.CompareOrdinal(text, start, phrase, 0, phrase.Length) == 0) return start;
        int? best = null;
        for (int at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            if (Math.Abs(at - start) <= 200 && (best is null || Math.Abs(at - start) < Math.Abs(best.Value - start))) best = at;
        return best;
    }
}
