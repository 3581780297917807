namespace Sitrep.Entities;

/// <summary>
/// What a first tagging pass said about a word's other occurrences in the same report, per token:
/// which entity types they were given, and the type most of them had (Ratinov and Roth's two-stage
/// prediction aggregation). A name read plainly in one sentence ("Leeds United said") tells the second
/// pass what it is in a terse one ("Leeds 2 Chelsea 1").
/// </summary>
internal static class PredictionAggregation
{
    private static readonly string[] Types = ["PER", "ORG", "LOC", "MISC"];

    /// <summary>
    /// One code per token of each sentence: 0 when the word is not capitalised or occurs nowhere else,
    /// else bits 0–4 say which of O, PER, ORG, LOC, MISC its other occurrences got and bits 8+ the most frequent.
    /// </summary>
    public static int[][] Of(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<string[]> labels)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        for (int s = 0; s < sentences.Count; s++)
            for (int i = 0; i < sentences[s].Count; i++)
                if (IsName(sentences[s][i]))
                {
                    var key = NerFeatures.Lower(sentences[s][i], buffer);
                    if (!lookup.TryGetValue(key, out var c)) lookup[key] = c = new int[Types.Length + 1];
                    c[TypeIndex(labels[s][i])]++;
                }
        var codes = new int[sentences.Count][];
        Span<int> others = stackalloc int[Types.Length + 1];
        for (int s = 0; s < sentences.Count; s++)
        {
            codes[s] = new int[sentences[s].Count];
            for (int i = 0; i < sentences[s].Count; i++)
            {
                codes[s][i] = LabelCode(labels[s][i]) << 16;
                if (!IsName(sentences[s][i])) continue;
                lookup[NerFeatures.Lower(sentences[s][i], buffer)].CopyTo(others);
                others[TypeIndex(labels[s][i])]--;
                int mask = 0, best = -1;
                for (int t = 0; t < others.Length; t++)
                {
                    if (others[t] == 0) continue;
                    mask |= 1 << t;
                    if (best < 0 || others[t] > others[best]) best = t;
                }
                if (mask != 0) codes[s][i] |= mask | ((best + 1) << 8);
            }
        }
        return codes;
    }

    // "O" 1, "B-PER" 2, "I-PER" 3, … "I-MISC" 9.
    private static int LabelCode(string label) => label.Length > 2 ? TypeIndex(label) * 2 + (label[0] == 'B' ? 0 : 1) : 1;

    private static bool IsName(string word) => word.Length > 0 && char.IsUpper(word[0]);

    private static int TypeIndex(string label) => label.Length > 2 ? Array.IndexOf(Types, label[2..]) + 1 : 0;
}
