namespace Sitrep.Entities;

/// <summary>
/// The tagger's features for one token, as 64-bit hashes of (template, text): the word, its lower
/// case, shape, prefixes and suffixes, its neighbours within two tokens, the two labels before it,
/// the word's capitalisation in context, the neighbours of its other occurrences in the report, what a
/// first pass said of the token, its right-hand neighbours and its other occurrences (second pass only), and
/// gazetteer names (countries, divisions, cities, demonyms) covering it or its neighbours. Nothing is allocated per feature.
/// </summary>
internal static class NerFeatures
{
    /// <summary>Most features one token can have.</summary>
    public const int MaxPerToken = 100;

    private const int MaxOtherContexts = 20;

    /// <summary>Writes the features of token <paramref name="i"/> to <paramref name="output"/>; returns how many.</summary>
    public static int Extract(IReadOnlyList<string> words, int i, string previousLabel, string previousLabel2,
        bool sentenceInCapitals, DocumentCase document, int[]?[] wordClasses, int[] gazetteer, int[]? firstPass, Span<ulong> output)
    {
        int n = 0;
        var word = words[i].AsSpan();
        Span<char> lowerBuffer = stackalloc char[Math.Min(word.Length, 64)];
        var lower = Lower(word, lowerBuffer);
        Span<char> shapeBuffer = stackalloc char[Math.Min(word.Length, 64)];
        var shape = Shape(word, shapeBuffer, collapse: false);
        Span<char> shortBuffer = stackalloc char[Math.Min(word.Length, 64)];
        var shortShape = Shape(word, shortBuffer, collapse: true);

        output[n++] = Hash(0, "");
        output[n++] = Hash(1, word);
        output[n++] = Hash(2, lower);
        output[n++] = Hash(3, shape);
        output[n++] = Hash(4, shortShape);
        for (int k = 1; k <= 5 && k <= lower.Length; k++)
        {
            output[n++] = Hash(30 + k, lower[..k]);
            output[n++] = Hash(40 + k, lower[^k..]);
        }
        output[n++] = Hash(15, i == 0 ? "first" : "inner");
        output[n++] = Hash(16, previousLabel);
        output[n++] = Combine(Hash(17, previousLabel), Hash(17, previousLabel2));
        output[n++] = Combine(Hash(18, previousLabel), Hash(18, lower));
        output[n++] = Combine(Hash(19, shortShape), Hash(19, i == 0 ? "first" : "inner"));
        output[n++] = Combine(Hash(50, previousLabel), Hash(50, shortShape));
        // Headlines and datelines are in capitals: there, capitalisation says nothing.
        output[n++] = Combine(Hash(51, lower), Hash(51, sentenceInCapitals ? "caps" : "mixed"));
        // The same word elsewhere in the report.
        var seen = (document.SeenCapitalised(lower) ? "cap" : "") + (document.SeenLowercase(lower) ? "low" : "");
        output[n++] = Combine(Hash(55, seen), Hash(55, shortShape));
        output[n++] = Combine(Hash(56, seen), Hash(56, i == 0 || sentenceInCapitals ? "unreliable" : "reliable"));
        n += document.OtherContexts(words, i, lower, output.Slice(n, MaxOtherContexts));
        if (firstPass is not null)
        {
            int code = firstPass[i] & 0xFFFF;
            output[n++] = Combine(Hash(90, ""), (ulong)code);
            output[n++] = Combine(Hash(91, shortShape), (ulong)(code >> 8));
            output[n++] = Combine(Hash(92, previousLabel), (ulong)(code >> 8));
            // The first pass's labels around the token: the right-hand context a greedy pass cannot see.
            int Label(int j) => j < 0 || j >= words.Count ? 0 : firstPass[j] >> 16;
            output[n++] = Combine(Hash(93, ""), (ulong)Label(i));
            output[n++] = Combine(Hash(94, ""), (ulong)Label(i + 1));
            output[n++] = Combine(Hash(95, ""), (ulong)(Label(i + 1) * 16 + Label(i + 2)));
            output[n++] = Combine(Hash(96, previousLabel), (ulong)(Label(i) * 16 + Label(i + 1)));
        }
        // Word classes learnt from unlabelled news, for this word and its neighbours.
        for (int offset = -1; offset <= 1; offset++)
        {
            int j = i + offset;
            if (j < 0 || j >= words.Count || wordClasses[j] is not { } classes) continue;
            for (int g = 0; g < classes.Length; g++) output[n++] = Combine(Hash(60 + g, ""), (ulong)(classes[g] * 8 + offset + 2));
            if (offset == 0) output[n++] = Combine(Hash(64, shortShape), (ulong)classes[^1]);
            if (offset == -1) output[n++] = Combine(Hash(65, previousLabel), (ulong)classes[^1]);
        }

        // Gazetteer names covering this token and its neighbours (kinds, and the place in the name).
        int mark = gazetteer[i];
        if (mark != 0)
        {
            output[n++] = Combine(Hash(70, ""), (ulong)mark);
            for (int bit = 0; bit < 8; bit++)
                if ((mark & (1 << bit)) != 0) output[n++] = Combine(Hash(71, shortShape), (ulong)(bit * 4 + (mark >> 8)));
        }
        if (i > 0) output[n++] = Combine(Hash(72, ""), (ulong)(gazetteer[i - 1] & 0xFF));
        if (i + 1 < words.Count) output[n++] = Combine(Hash(73, ""), (ulong)(gazetteer[i + 1] & 0xFF));

        Span<char> neighbourLower = stackalloc char[64];
        Span<char> neighbourShape = stackalloc char[64];
        for (int offset = -2; offset <= 2; offset++)
        {
            if (offset == 0) continue;
            int j = i + offset;
            var neighbour = j < 0 ? "<s>".AsSpan() : j >= words.Count ? "</s>".AsSpan() : words[j].AsSpan();
            var nLower = Lower(neighbour, neighbourLower);
            output[n++] = Combine(Hash(20 + offset + 2, nLower), (ulong)offset);
            if (offset is -1 or 1)
            {
                output[n++] = Combine(Hash(52 + offset + 1, neighbour), (ulong)offset);
                output[n++] = Combine(Hash(25 + offset + 1, Shape(neighbour, neighbourShape, collapse: true)), (ulong)offset);
                output[n++] = Combine(Combine(Hash(28 + offset + 1, nLower), Hash(28, lower)), (ulong)offset);
            }
        }
        return n;
    }

    /// <summary>The neighbour at <paramref name="offset"/> from token <paramref name="i"/>, lower-cased, as a context-aggregation feature.</summary>
    public static ulong ContextHash(IReadOnlyList<string> words, int i, int offset)
    {
        int j = i + offset;
        var neighbour = j < 0 ? "<s>".AsSpan() : j >= words.Count ? "</s>".AsSpan() : words[j].AsSpan();
        Span<char> buffer = stackalloc char[64];
        return Combine(Hash(80 + offset + 2, Lower(neighbour, buffer)), (ulong)offset);
    }

    /// <summary>
    /// True for a plain lower-case word after no entity ("said", "the"): it opens a name so rarely
    /// (54 of 203,621 training tokens, "serie A" and "de" among them) that the tagger calls it O
    /// without scoring it, which halves the work of tagging. Training still scores these words
    /// (measured: skipping them there too costs 0.3 dev F1; skipping them only when tagging costs nothing).
    /// </summary>
    public static bool IsPlainOutside(string word, string previousLabel)
    {
        if (word.Length == 0 || !char.IsLower(word[0]) || previousLabel is not ("O" or "<s>")) return false;
        foreach (char c in word)
            if (char.IsUpper(c)) return false;
        return true;
    }

    /// <summary>True when the sentence has letters and none in lower case (a headline or dateline).</summary>
    public static bool IsAllCaps(IReadOnlyList<string> words)
    {
        int letters = 0;
        foreach (var w in words)
            foreach (char c in w)
            {
                if (char.IsLower(c)) return false;
                if (char.IsLetter(c)) letters++;
            }
        return letters > 0;
    }

    /// <summary>Lower case into <paramref name="buffer"/> (words longer than the buffer are cut).</summary>
    internal static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        int n = Math.Min(word.Length, buffer.Length);
        word[..n].ToLowerInvariant(buffer[..n]);
        return buffer[..n];
    }

    /// <summary>"Alma-Ata" → "Xxxx-Xxx" (or collapsed "Xx-Xx"); digits "d", other chars kept.</summary>
    private static ReadOnlySpan<char> Shape(ReadOnlySpan<char> word, Span<char> buffer, bool collapse)
    {
        int n = 0;
        char last = '\0';
        foreach (char c in word)
        {
            if (n == buffer.Length) break;
            char s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (collapse && s == last) continue;
            buffer[n++] = s;
            last = s;
        }
        return buffer[..n];
    }

    /// <summary>FNV-1a over the chars, seeded by the template.</summary>
    public static ulong Hash(int template, ReadOnlySpan<char> value)
    {
        ulong h = 14695981039346656037UL ^ (ulong)(template * 0x9E3779B1);
        foreach (char c in value)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return h;
    }

    private static ulong Combine(ulong a, ulong b) => (a ^ (b + 0x9E3779B97F4A7C15UL + (a << 6) + (a >> 2))) * 1099511628211UL;
}
