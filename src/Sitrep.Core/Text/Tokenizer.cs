using System.Globalization;
using Sitrep.Documents;

namespace Sitrep.Text;

/// <summary>
/// Splits text into tokens with char offsets. Keeps hyphenated names ("Alma-Ata"), numbers with
/// separators and decimals ("1,000", "2.5", "12%"), abbreviations ("U.S.", "Jan.") and URLs whole;
/// splits clitics ("Tokayev’s" → "Tokayev" "’s") and all punctuation. Allocates nothing per token.
/// </summary>
internal static class Tokenizer
{
    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/>; offsets are relative to <paramref name="text"/>.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<Token> tokens)
    {
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int end;
            if (IsUrlStart(text, i))
            {
                end = ScanUrl(text, i);
                tokens.Add(new Token(i, end, TokenKind.Url));
            }
            else if (char.IsAsciiDigit(c) || (char.IsDigit(c) && !char.IsSurrogate(c)))
            {
                end = ScanNumberOrWord(text, i, tokens);
            }
            else if (IsWordChar(c) || ((c == '#' || c == '@') && i + 1 < text.Length && char.IsLetter(text[i + 1])))
            {
                end = ScanWord(text, i, tokens);
            }
            else
            {
                end = ScanPunctuationOrSymbol(text, i, tokens);
            }
            i = end;
        }
    }

    private static bool IsWordChar(char c)
    {
        if (char.IsLetterOrDigit(c)) return true;
        var cat = char.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    internal static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static bool IsUrlStart(ReadOnlySpan<char> text, int i)
    {
        var rest = text[i..];
        return rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 4 && char.IsLetterOrDigit(rest[4]));
    }

    private static int ScanUrl(ReadOnlySpan<char> text, int i)
    {
        int end = i;
        while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        // Sentence punctuation and closing quotes after an address are not part of it.
        while (end > i + 1 && text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '"' or '\'' or '\u201D' or '\u2019' or '>')
            end--;
        return end;
    }

    // Digits first: "1,000", "2.5", "12%", "9:30", "2022-01-06", or a word such as "10th", "1990s", "3-year-old".
    private static int ScanNumberOrWord(ReadOnlySpan<char> text, int start, List<Token> tokens)
    {
        int i = SkipDigits(text, start);
        while (i + 1 < text.Length)
        {
            char c = text[i];
            if (c == ',' && CountDigits(text, i + 1) == 3)
                i = SkipDigits(text, i + 1);
            else if (c is '.' or ':' or '/' && char.IsAsciiDigit(text[i + 1]))
                i = SkipDigits(text, i + 1);
            else if (c == '-' && IsIsoDateHyphen(text, start, i))
                i = SkipDigits(text, i + 1);
            else
                break;
        }

        if (i < text.Length && (char.IsLetter(text[i]) || (IsHyphen(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            return ScanWord(text, start, tokens);

        if (i < text.Length && text[i] == '%') i++;
        tokens.Add(new Token(start, i, TokenKind.Number));
        return i;
    }

    // An ampersand between runs of one to three capitals, each whole: "J&K", "AT&T", "S&P", not "Tom&Jerry".
    private static bool IsCapitalsAmpersand(ReadOnlySpan<char> text, int start, int ampersand)
    {
        int before = ampersand - start, after = 0;
        while (ampersand + 1 + after < text.Length && char.IsAsciiLetterUpper(text[ampersand + 1 + after])) after++;
        bool followedByLetter = ampersand + 1 + after < text.Length && char.IsLetterOrDigit(text[ampersand + 1 + after]);
        return before is >= 1 and <= 3 && after is >= 1 and <= 3 && !followedByLetter
            && text[start..ampersand].IndexOfAnyExceptInRange('A', 'Z') < 0;
    }

    // "2022-01" or "2022-01-06": join a hyphen only inside an ISO date, so "10-15" stays a range.
    private static bool IsIsoDateHyphen(ReadOnlySpan<char> text, int start, int hyphen)
    {
        if (CountDigits(text, hyphen + 1) != 2 || CountDigits(text, start) != 4) return false;
        return hyphen - start == 4 || (hyphen - start == 7 && text[start + 4] == '-');
    }

    private static int SkipDigits(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsDigit(text[i])) i++;
        return i;
    }

    private static int CountDigits(ReadOnlySpan<char> text, int i) => SkipDigits(text, i) - i;

    private static int ScanWord(ReadOnlySpan<char> text, int start, List<Token> tokens)
    {
        if (TryScanInitials(text, start, out int abbrevEnd))
        {
            tokens.Add(new Token(start, abbrevEnd, TokenKind.Abbreviation));
            return abbrevEnd;
        }

        int i = start + 1;
        while (i < text.Length)
        {
            char c = text[i];
            if (IsWordChar(c))
            {
                i++;
            }
            else if (IsHyphen(c) && i + 1 < text.Length && IsWordChar(text[i + 1]))
            {
                i++;
            }
            else if (c == '&' && IsCapitalsAmpersand(text, start, i))
            {
                i++; // "J&K", "AT&T", "S&P": one name
            }
            else if (IsApostrophe(c) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                int cliticStart = CliticStart(text, start, i);
                if (cliticStart >= 0)
                {
                    if (cliticStart > start) tokens.Add(new Token(start, cliticStart, TokenKind.Word));
                    int cliticEnd = i + 1;
                    while (cliticEnd < text.Length && char.IsLetter(text[cliticEnd])) cliticEnd++;
                    tokens.Add(new Token(cliticStart, cliticEnd, TokenKind.Clitic));
                    return cliticEnd;
                }
                i++;
            }
            else
            {
                break;
            }
        }

        if (i < text.Length && text[i] == '.' && Abbreviations.IsKnown(text[start..i]))
        {
            tokens.Add(new Token(start, i + 1, TokenKind.Abbreviation));
            return i + 1;
        }
        tokens.Add(new Token(start, i, TokenKind.Word));
        return i;
    }

    // "U.S.", "e.g.", "a.m." or an initial "F.": single letters each followed by a period.
    private static bool TryScanInitials(ReadOnlySpan<char> text, int start, out int end)
    {
        end = start;
        int i = start;
        while (i + 1 < text.Length && char.IsLetter(text[i]) && text[i + 1] == '.'
               && (i == start || text[i - 1] == '.')
               && (i + 2 >= text.Length || !IsWordChar(text[i + 2]) || (i + 3 < text.Length && text[i + 3] == '.')))
        {
            i += 2;
            end = i;
        }
        // A lone lower-case letter before a period ("plan b.") is a word at a sentence end.
        return end > start && (end - start > 2 || char.IsUpper(text[start]));
    }

    // Returns where the clitic begins ("’s", "’re", "n’t"), or -1 when the apostrophe is inside a name (O'Brien).
    private static int CliticStart(ReadOnlySpan<char> text, int wordStart, int apostrophe)
    {
        int tailEnd = apostrophe + 1;
        while (tailEnd < text.Length && char.IsLetter(text[tailEnd])) tailEnd++;
        if (tailEnd < text.Length && IsWordChar(text[tailEnd])) return -1;
        var tail = text[(apostrophe + 1)..tailEnd];
        if (tail.Equals("s", StringComparison.OrdinalIgnoreCase) || tail.Equals("re", StringComparison.OrdinalIgnoreCase)
            || tail.Equals("ve", StringComparison.OrdinalIgnoreCase) || tail.Equals("ll", StringComparison.OrdinalIgnoreCase)
            || tail.Equals("d", StringComparison.OrdinalIgnoreCase) || tail.Equals("m", StringComparison.OrdinalIgnoreCase))
            return apostrophe;
        if (tail.Equals("t", StringComparison.OrdinalIgnoreCase) && apostrophe - 1 > wordStart && text[apostrophe - 1] is 'n' or 'N')
            return apostrophe - 1;
        return -1;
    }

    private static int ScanPunctuationOrSymbol(ReadOnlySpan<char> text, int start, List<Token> tokens)
    {
        char c = text[start];
        int end = start + 1;
        TokenKind kind = TokenKind.Punctuation;
        if (c == '.' || c == '-')
        {
            while (end < text.Length && text[end] == c) end++; // "..." and "--" stay whole
        }
        else if (char.IsHighSurrogate(c) && end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
            kind = TokenKind.Symbol;
        }
        else if (char.IsSymbol(c) || c is '&' or '%' or '#' or '@' or '*' or '\u00A7')
        {
            kind = TokenKind.Symbol;
        }
        tokens.Add(new Token(start, end, kind));
        return end;
    }
}
