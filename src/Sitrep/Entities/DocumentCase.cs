namespace Sitrep.Entities;

/// <summary>
/// How each word is written across a whole report: seen capitalised inside a sentence (a name), or
/// seen in lower case (a common word). Lets the tagger read "BRUSSELS" in a headline, or a
/// sentence-initial "Aktau", by the company the word keeps elsewhere in the same report.
/// </summary>
public sealed class DocumentCase
{
    private readonly HashSet<string> _capitalisedInside = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lowercase = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _capitalisedLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lowercaseLookup;

    /// <summary>Collects the case of every word in the report's sentences.</summary>
    public DocumentCase(IEnumerable<IReadOnlyList<string>> sentences)
    {
        foreach (var words in sentences)
        {
            for (int i = 0; i < words.Count; i++)
            {
                var w = words[i];
                if (w.Length == 0 || !char.IsLetter(w[0])) continue;
                if (char.IsLower(w[0])) _lowercase.Add(w);
                else if (i > 0 && w.Any(char.IsLower)) _capitalisedInside.Add(w.ToLowerInvariant());
            }
        }
        _capitalisedLookup = _capitalisedInside.GetAlternateLookup<ReadOnlySpan<char>>();
        _lowercaseLookup = _lowercase.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>An empty context: nothing known about the rest of the report.</summary>
    public static DocumentCase None { get; } = new([]);

    /// <summary>True when the word (given in lower case) appears capitalised inside a sentence elsewhere.</summary>
    public bool SeenCapitalised(ReadOnlySpan<char> lower) => _capitalisedLookup.Contains(lower);

    /// <summary>True when the word (given in lower case) appears in lower case elsewhere.</summary>
    public bool SeenLowercase(ReadOnlySpan<char> lower) => _lowercaseLookup.Contains(lower);
}
