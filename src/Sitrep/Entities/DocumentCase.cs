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
    private readonly Dictionary<string, Dictionary<ulong, int>> _contexts = new(StringComparer.Ordinal);

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
                if (!char.IsUpper(w[0])) continue;
                var key = w.ToLowerInvariant();
                var contexts = _contexts.TryGetValue(key, out var c) ? c : _contexts[key] = [];
                for (int offset = -2; offset <= 2; offset++)
                    if (offset != 0)
                    {
                        var h = NerFeatures.ContextHash(words, i, offset);
                        contexts[h] = contexts.GetValueOrDefault(h) + 1;
                    }
            }
        }
        _capitalisedLookup = _capitalisedInside.GetAlternateLookup<ReadOnlySpan<char>>();
        _lowercaseLookup = _lowercase.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>An empty context: nothing known about the rest of the report.</summary>
    public static DocumentCase None { get; } = new([]);

    /// <summary>True when the word (given in lower case) appears capitalised inside a sentence elsewhere.</summary>
    public bool SeenCapitalised(ReadOnlySpan<char> lower) => _capitalisedLookup.Contains(lower);

    /// <summary>
    /// The neighbours (within two tokens) of the word's other occurrences in the report, as feature
    /// hashes: the company a name keeps elsewhere says what it is here (Ratinov and Roth's context aggregation).
    /// </summary>
    public int OtherContexts(IReadOnlyList<string> words, int i, Span<ulong> output)
    {
        if (words[i].Length == 0 || !char.IsUpper(words[i][0]) || !_contexts.TryGetValue(words[i].ToLowerInvariant(), out var contexts)) return 0;
        Span<ulong> own = stackalloc ulong[4];
        int k = 0;
        for (int offset = -2; offset <= 2; offset++)
            if (offset != 0) own[k++] = NerFeatures.ContextHash(words, i, offset);
        int n = 0;
        foreach (var (hash, count) in contexts)
        {
            if (n == output.Length) break;
            if (count - own.Count(hash) > 0) output[n++] = hash;
        }
        return n;
    }

    /// <summary>True when the word (given in lower case) appears in lower case elsewhere.</summary>
    public bool SeenLowercase(ReadOnlySpan<char> lower) => _lowercaseLookup.Contains(lower);
}
