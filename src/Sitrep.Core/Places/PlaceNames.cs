using System.Globalization;
using System.Text;

namespace Sitrep.Places;

/// <summary>
/// The one spelling-insensitive key every place name is filed and looked up under: lower case, no
/// diacritics, letters the decomposition leaves alone folded by hand (ø, ł, ß, ı), and every run of
/// spaces, hyphens, apostrophes and periods made one space, so "Alma-Ata", "ALMA ATA" and "Alma‑Ata" meet.
/// </summary>
internal static class PlaceNames
{
    /// <summary>The longest key kept; longer names are never toponyms worth a lookup.</summary>
    public const int MaxKeyLength = 64;

    /// <summary>Writes the key of <paramref name="name"/> into <paramref name="key"/>; returns its length (0 when nothing is left).</summary>
    public static int Key(ReadOnlySpan<char> name, Span<char> key)
    {
        int n = 0;
        bool pendingSpace = false;
        foreach (var c in name)
        {
            if (c < 128)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    if (!Append(key, ref n, ref pendingSpace, char.ToLowerInvariant(c))) return 0;
                }
                else if (n > 0) pendingSpace = true;
                continue;
            }
            if (!AppendFolded(c, key, ref n, ref pendingSpace)) return 0;
        }
        return n;
    }

    /// <summary>The key as a string (for building the gazetteer, not for per-token use).</summary>
    public static string Key(string name)
    {
        Span<char> buffer = stackalloc char[MaxKeyLength];
        return new string(buffer[..Key(name, buffer)]);
    }

    /// <summary>
    /// A coarser key that merges common transliteration variants of one name ("Zhambyl" and "Jambyl",
    /// "Qaraghandy" and "Karaghandy"): zh/dzh/j, kh/h, gh/g, q/k, y/i, w/v, ou/u, ph/f, doubled letters.
    /// Used as a fallback when the exact key finds nothing.
    /// </summary>
    public static string Sound(string key)
    {
        var sb = new StringBuilder(key.Length);
        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            char next = i + 1 < key.Length ? key[i + 1] : '\0';
            if (c == 'd' && next == 'z' && i + 2 < key.Length && key[i + 2] == 'h') { sb.Append('j'); i += 2; continue; }
            if (next == 'h' && c is 'z' or 'k' or 'g' or 'p')
            {
                sb.Append(c switch { 'z' => 'j', 'k' => 'h', 'g' => 'g', _ => 'f' });
                i++;
                continue;
            }
            if (c == 'o' && next == 'u') { sb.Append('u'); i++; continue; }
            c = c switch { 'q' => 'k', 'y' => 'i', 'w' => 'v', _ => c };
            if (sb.Length > 0 && sb[^1] == c && c != ' ') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// True for a word that makes the name before it a street's or a square's: "the Zahle roundabout" is
    /// in Zahle, but "the Jalandhar bypass in Ludhiana" and "Saray square" in El Hermel are not where
    /// their names point, so such a town is where an event happened only when nothing else is named.
    /// </summary>
    public static bool IsStreetWord(ReadOnlySpan<char> word) => StreetWords.Contains(word);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StreetWords =
        new HashSet<string>(["square", "street", "road", "avenue", "boulevard", "lane", "roundabout", "junction", "bypass", "highway"],
            StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when every letter of <paramref name="name"/> folds to Latin: names in other scripts are not kept.</summary>
    public static bool IsLatin(string name)
    {
        foreach (var c in name)
        {
            if (c < 128 || !char.IsLetter(c)) continue;
            if (c > '\u024F' && c is < '\u1E00' or > '\u1EFF') return false;
        }
        return true;
    }

    // Latin-1 Supplement to Latin Extended-B, and Latin Extended Additional: each char's folded form,
    // computed once so the per-token path never allocates.
    private static readonly string?[] LatinFold = BuildFold(0x80, 0x250);
    private static readonly string?[] LatinAdditionalFold = BuildFold(0x1E00, 0x1F00);

    private static string?[] BuildFold(int from, int to)
    {
        var fold = new string?[to - from];
        for (int c = from; c < to; c++)
        {
            var ch = (char)c;
            fold[c - from] = ch switch
            {
                '\u00DF' => "ss",
                '\u00C6' or '\u00E6' => "ae",
                '\u0152' or '\u0153' => "oe",
                '\u00D8' or '\u00F8' => "o",
                '\u0141' or '\u0142' => "l",
                '\u0110' or '\u0111' or '\u00D0' or '\u00F0' => "d",
                '\u0131' => "i",
                '\u00DE' or '\u00FE' => "th",
                _ when char.IsLetterOrDigit(ch) => StripMarks(ch),
                _ when CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark => "",
                _ => null, // a separator
            };
        }
        return fold;
    }

    private static string StripMarks(char c)
    {
        var sb = new StringBuilder(2);
        foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(part));
        return sb.ToString();
    }

    private static bool AppendFolded(char c, Span<char> key, ref int n, ref bool pendingSpace)
    {
        string? folded = c < 0x250 ? LatinFold[c - 0x80]
            : c is >= '\u1E00' and < '\u1F00' ? LatinAdditionalFold[c - 0x1E00]
            : char.IsLetterOrDigit(c) ? null
            : CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.ModifierLetter ? ""
            : null;
        if (folded is null)
        {
            if (char.IsLetterOrDigit(c))
            {
                // Other scripts are kept as they are: such keys simply match nothing in an English gazetteer.
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.ModifierLetter) return true; // the ʻ of "Almatʻa"
                return Append(key, ref n, ref pendingSpace, char.ToLowerInvariant(c));
            }
            if (n > 0) pendingSpace = true;
            return true;
        }
        foreach (var f in folded)
            if (!Append(key, ref n, ref pendingSpace, f)) return false;
        return true;
    }

    private static bool Append(Span<char> key, ref int n, ref bool pendingSpace, char c)
    {
        if (pendingSpace)
        {
            if (n == key.Length) return false;
            key[n++] = ' ';
            pendingSpace = false;
        }
        if (n == key.Length) return false;
        key[n++] = c;
        return true;
    }
}
