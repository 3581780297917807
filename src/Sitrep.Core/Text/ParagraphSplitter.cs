using Sitrep.Documents;

namespace Sitrep.Text;

/// <summary>Finds paragraphs: blocks of text separated by one or more blank lines, trimmed of surrounding whitespace.</summary>
internal static class ParagraphSplitter
{
    /// <summary>Returns the paragraph ranges of <paramref name="text"/>.</summary>
    public static TextRange[] Split(ReadOnlySpan<char> text)
    {
        var paragraphs = new List<TextRange>();
        int paragraphStart = -1, lastNonSpace = -1;
        bool lineBlank = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                if (lineBlank && paragraphStart >= 0 && HasBlankLineSince(text, lastNonSpace, i))
                {
                    paragraphs.Add(new TextRange(paragraphStart, lastNonSpace + 1));
                    paragraphStart = -1;
                }
                lineBlank = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                if (paragraphStart < 0) paragraphStart = i;
                lastNonSpace = i;
                lineBlank = false;
            }
        }
        if (paragraphStart >= 0) paragraphs.Add(new TextRange(paragraphStart, lastNonSpace + 1));
        return [.. paragraphs];
    }

    // A paragraph ends at the second line break after its last visible char.
    private static bool HasBlankLineSince(ReadOnlySpan<char> text, int lastNonSpace, int newline) =>
        text[(lastNonSpace + 1)..newline].Contains('\n');
}
