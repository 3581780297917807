namespace Sitrep.Events;

/// <summary>
/// Features of a text for the event classifier: lower-cased words with plural and verb endings
/// trimmed, numbers as one symbol, and word pairs. Bracketed analyst tags ("[size=about 50]") are skipped.
/// </summary>
internal static class EventFeatures
{
    /// <summary>The features of <paramref name="words"/>.</summary>
    public static string[] Of(IEnumerable<string> words)
    {
        var stems = new List<string>();
        bool inTag = false;
        foreach (var word in words)
        {
            if (word == "[") { inTag = true; continue; }
            if (word == "]") { inTag = false; continue; }
            if (inTag || word.Length == 0 || !char.IsLetterOrDigit(word[0])) continue;
            stems.Add(char.IsDigit(word[0]) ? "#" : Stem(word.ToLowerInvariant()));
        }
        var features = new List<string>(stems.Count * 2 + 1) { "bias" };
        for (int i = 0; i < stems.Count; i++)
        {
            features.Add(stems[i]);
            if (i > 0) features.Add(stems[i - 1] + "_" + stems[i]);
        }
        return [.. features.Distinct()];
    }

    /// <summary>A crude stem: "protesters" and "protester", "killed" and "killing" and "kills" meet.</summary>
    public static string Stem(string word)
    {
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal)) return word[..^3];
        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal)) return word[..^2];
        if (word.Length > 4 && word.EndsWith("es", StringComparison.Ordinal) && !word.EndsWith("ses", StringComparison.Ordinal)) return word[..^1];
        if (word.Length > 3 && word[^1] == 's' && word[^2] != 's') return word[..^1];
        return word;
    }
}
