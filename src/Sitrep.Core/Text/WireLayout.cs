using System.Text.RegularExpressions;
using Sitrep.Documents;

namespace Sitrep.Text;

/// <summary>
/// The parts of wire copy that are not its story: the headline (a first paragraph of a line with no
/// closing stop, which the body retells) and the dateline ("GOMA, Democratic Republic of Congo,
/// June 13 -", "NIAMEY/WASHINGTON, May 3 -", "KYIV -"), which says where and when the report was
/// filed, not where or when anything happened.
/// </summary>
internal static partial class WireLayout
{
    private const int MaxHeadlineWords = 30;

    /// <summary>The dateline at the start of the body (its first or, after a headline, its second paragraph), or null.</summary>
    public static TextRange? Dateline(Document document)
    {
        var paragraphs = document.Paragraphs;
        int first = paragraphs.Length > 0 ? paragraphs[0].Start : 0;
        if (Match(document.Text, first) is { } range) return range;
        return paragraphs.Length > 1 && Headline(document) is not null ? Match(document.Text, paragraphs[1].Start) : null;
    }

    /// <summary>The headline: a first paragraph of one short line that does not end as a sentence does, with more paragraphs after it.</summary>
    public static TextRange? Headline(Document document)
    {
        var paragraphs = document.Paragraphs;
        if (paragraphs.Length < 2) return null;
        var text = document.Slice(paragraphs[0]).TrimEnd();
        // A headline may end in a quotation ("declare \"autonomous zone\""); a sentence ends in a stop, inside the quotes or not.
        var end = text.TrimEnd(['"', '”', '\'', '’']);
        if (end.Length == 0 || text.Contains('\n') || end[^1] is '.' or '!' or '?' or ':' or ';') return null;
        int words = 1;
        foreach (var c in text) if (c == ' ') words++;
        return words <= MaxHeadlineWords ? paragraphs[0] : null;
    }

    private static TextRange? Match(string text, int start)
    {
        var match = DatelinePattern().Match(text, start, Math.Min(160, text.Length - start));
        return match.Success && match.Index == start ? new TextRange(start, start + match.Length) : null;
    }

    // Places in capitals (several joined by '/'), an optional country or state, an optional date, an
    // optional agency in brackets, then a dash. A mixed-case place needs the agency ("Kyiv (Reuters) -").
    [GeneratedRegex(@"\G(?:[A-Z][A-Z'’.\-]*(?: [A-Z][A-Z'’.\-]*)*(?:\s*/\s*[A-Z][A-Z'’.\-]*(?: [A-Z][A-Z'’.\-]*)*)*(?<=[A-Z.]{2})"
        + @"(?:,\s*[A-Z][A-Za-z.'’\-]*(?: [A-Za-z][A-Za-z.'’\-]*){0,4})?(?:,\s*(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?)?(?:\s*\((?:Reuters|AP|AFP|UPI|dpa)\))?"
        + @"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*(?:,\s*[A-Z][A-Za-z .]+?)?\s*\((?:Reuters|AP|AFP|UPI|dpa)\))\s*[-–—]{1,2}\s",
        RegexOptions.CultureInvariant)]
    private static partial Regex DatelinePattern();
}
