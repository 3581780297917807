using Sitrep.Documents;

namespace Sitrep.Events;

/// <summary>
/// Death and injury figures in a sentence, coded by ACLED's rules: a number counts when a death (or
/// injury) word stands beside it; vague amounts take ACLED's fixed values ("tens" 10, "dozens" 12,
/// "hundreds" 100); "over 1,000" and "at least 5" take the stated bound; the phrase is kept.
/// </summary>
public static class Casualties
{
    private const int Window = 5; // tokens either side of the figure where the death or injury word must stand

    /// <summary>The fatality or injury figure of <paramref name="sentence"/> (the largest when several), with its phrase.</summary>
    public static (int Count, string Text)? Find(Document document, Sentence sentence, EventCue kind)
    {
        (int Count, string Text)? best = null;
        foreach (var q in document.Quantities)
        {
            if (q.Range.Start < sentence.Range.Start || q.Range.End > sentence.Range.End || q.Currency is not null) continue;
            if (!Near(document, sentence, q.Range, kind)) continue;
            int? count = Code(document.TextOf(q.Range), q);
            if (count is { } n && (best is null || n > best.Value.Count)) best = (n, document.TextOf(q.Range));
        }
        return best;
    }

    /// <summary>ACLED's figure for a quantity: fixed values for vague amounts, else the stated value or lower bound.</summary>
    public static int? Code(string text, Quantity q)
    {
        var lower = text.ToLowerInvariant();
        if (q.Qualifier == QuantityQualifier.Vague)
        {
            if (lower.Contains("dozen", StringComparison.Ordinal)) return 12;
            if (lower.Contains("hundred", StringComparison.Ordinal)) return 100;
            if (lower.Contains("thousand", StringComparison.Ordinal)) return 1000;
            if (lower.Contains("tens", StringComparison.Ordinal)) return 10;
            if (lower.Contains("score", StringComparison.Ordinal)) return 20;
            return 3; // "several", "a few", "some": the most conservative reading
        }
        var value = q.Value ?? q.Min;
        return value is { } v && v >= 0 && v < 1_000_000 ? (int)Math.Floor(v) : null;
    }

    private static bool Near(Document document, Sentence sentence, TextRange range, EventCue kind)
    {
        var tokens = document.Tokens;
        int first = -1, last = -1;
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            if (tokens[t].End <= range.Start) continue;
            if (tokens[t].Start >= range.End) break;
            if (first < 0) first = t;
            last = t;
        }
        if (first < 0) return false;
        for (int t = Math.Max(sentence.FirstToken, first - Window); t < Math.Min(sentence.EndToken, last + 1 + Window); t++)
            if ((EventLexicon.Of(document.TextOf(tokens[t].Range).ToLowerInvariant()) & kind) != 0) return true;
        return false;
    }
}
