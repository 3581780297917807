namespace Sitrep.Entities;

/// <summary>
/// How each word is written across a whole report: seen capitalised inside a sentence (a name), or
/// seen in lower case (a common word). Lets the tagger read "BRUSSELS" in a headline, or a
/// sentence-initial "Aktau", by the company the word keeps elsewhere in the same report.
/// </summary>
internal sealed class DocumentCase
{
    private readonly HashSet<string> _capitalisedInside = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lowercase = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _capitalisedLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lowercaseLookup;
    private readonly Dictionary<string, NameContexts> _contexts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NameContexts>.AlternateLookup<ReadOnlySpan<char>> _contextsLookup;

    /// <summary>Collects the case of every word in the report's sentences.</summary>
    public DocumentCase(IEnumerable<IReadOnlyList<string>> sentences)
    {
        _contextsLookup = _contexts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[64];
        foreach (var words in sentences)
        {
            for (int i = 0; i < words.Count; i++)
            {
                var w = words[i];
                if (w.Length == 0 || !char.IsLetter(w[0])) continue;
                if (char.IsLower(w[0])) _lowercase.Add(w);
                else if (i > 0 && w.Any(char.IsLower)) _capitalisedInside.Add(w.ToLowerInvariant());
                if (!char.IsUpper(w[0])) continue;
                var key = NerFeatures.Lower(w, lower);
                if (!_contextsLookup.TryGetValue(key, out var contexts)) _contextsLookup[key] = contexts = new NameContexts();
                contexts.Add(words, i);
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
    public int OtherContexts(IReadOnlyList<string> words, int i, ReadOnlySpan<char> lower, Span<ulong> output)
    {
        var word = words[i];
        if (word.Length == 0 || !char.IsUpper(word[0]) || !_contextsLookup.TryGetValue(lower, out var contexts) || contexts.Occurrences < 2) return 0;
        Span<ulong> own = stackalloc ulong[NameContexts.PerOccurrence];
        NameContexts.Of(words, i, own);
        int n = 0;
        foreach (var (hash, count) in contexts.Counts)
        {
            if (n == output.Length) break;
            if (count - own.Count(hash) > 0) output[n++] = hash;
        }
        return n;
    }

    /// <summary>The neighbours of every occurrence of one capitalised word, counted.</summary>
    private sealed class NameContexts
    {
        public const int PerOccurrence = 4;

        public int Occurrences { get; private set; }

        public Dictionary<ulong, int> Counts { get; } = [];

        public void Add(IReadOnlyList<string> words, int i)
        {
            Occurrences++;
            Span<ulong> hashes = stackalloc ulong[PerOccurrence];
            Of(words, i, hashes);
            foreach (var h in hashes) Counts[h] = Counts.GetValueOrDefault(h) + 1;
        }

        /// <summary>The neighbours at -2, -1, +1 and +2 of token <paramref name="i"/>, as features.</summary>
        public static void Of(IReadOnlyList<string> words, int i, Span<ulong> output)
        {
            int k = 0;
            for (int offset = -2; offset <= 2; offset++)
                if (offset != 0) output[k++] = NerFeatures.ContextHash(words, i, offset);
        }
    }

    /// <summary>True when the word (given in lower case) appears in lower case elsewhere.</summary>
    public bool SeenLowercase(ReadOnlySpan<char> lower) => _lowercaseLookup.Contains(lower);
}
