using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Sitrep.Documents;

namespace Sitrep.Evaluation;

/// <summary>A gold TIMEX3 annotation: its span in the tag-free text, type and normalised value.</summary>
internal sealed record GoldTimex(TextRange Range, string Type, string Value);

/// <summary>A TimeML document: the text of its <c>TEXT</c> element without tags, the creation date, the gold timexes.</summary>
internal sealed record TimeMlDocument(string Name, string Text, DateOnly CreationDate, IReadOnlyList<GoldTimex> Timexes);

/// <summary>Reads TimeML 1.2 files (TempEval-3 style: the report date from <c>DCT</c>, offsets into the text with tags removed).</summary>
internal static partial class TimeMlReader
{
    [GeneratedRegex("<DCT>.*?value=\"(\\d{4}-\\d{2}-\\d{2})", RegexOptions.Singleline)]
    private static partial Regex CreationDate();

    [GeneratedRegex("<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")]
    private static partial Regex Tag();

    [GeneratedRegex("(\\w+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();

    /// <summary>Reads one file; throws <see cref="FormatException"/> naming the file when it is not TimeML.</summary>
    public static TimeMlDocument Read(string path)
    {
        var xml = File.ReadAllText(path);
        var dct = CreationDate().Match(xml);
        if (!dct.Success) throw new FormatException($"{path}: no <DCT> date");
        int open = xml.IndexOf("<TEXT>", StringComparison.Ordinal), close = xml.LastIndexOf("</TEXT>", StringComparison.Ordinal);
        if (open < 0 || close < open) throw new FormatException($"{path}: no <TEXT> element");
        var body = xml[(open + "<TEXT>".Length)..close];

        var text = new StringBuilder(body.Length);
        var timexes = new List<GoldTimex>();
        (int Start, string Type, string Value)? pending = null;
        int cursor = 0;
        foreach (Match tag in Tag().Matches(body))
        {
            text.Append(WebUtility.HtmlDecode(body[cursor..tag.Index]));
            cursor = tag.Index + tag.Length;
            if (tag.Groups[2].Value != "TIMEX3") continue;
            if (tag.Groups[1].Value == "/")
            {
                if (pending is { } p) timexes.Add(new GoldTimex(new TextRange(p.Start, text.Length), p.Type, p.Value));
                pending = null;
                continue;
            }
            var attributes = Attribute().Matches(tag.Groups[3].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            pending = (text.Length, attributes.GetValueOrDefault("type", ""), attributes.GetValueOrDefault("value", ""));
        }
        text.Append(WebUtility.HtmlDecode(body[cursor..]));
        var date = DateOnly.ParseExact(dct.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new TimeMlDocument(Path.GetFileName(path), text.ToString(), date, timexes);
    }
}
