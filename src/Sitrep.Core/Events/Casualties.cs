using Sitrep.Documents;

namespace Sitrep.Events;

/// <summary>
/// Death and injury figures, coded by ACLED's rules. A figure counts for the death (or injury) word
/// nearest to it in its clause ("2 soldiers were killed and 4 others were wounded": 2 dead, 4
/// injured), but not the attackers' ("shot dead by two gunmen"); a lone victim ("a man was shot dead",
/// "killing a drug suspect", "the officer died") is 1; an analyst's own coding
/// ("1 fatality.", "fatalities coded as 10") wins; vague amounts take ACLED's fixed values ("several"
/// 10, "dozens" 12, "hundreds" 100); "over 1,000" and "at least 5" take the stated bound.
/// </summary>
internal static class Casualties
{
    private const int Window = 8; // tokens between a figure and its death or injury word

    private static readonly HashSet<string> Victims = new(StringComparer.Ordinal)
    {
        "man", "woman", "person", "child", "boy", "girl", "civilian", "soldier", "officer", "policeman", "member", "farmer",
        "student", "resident", "villager", "driver", "leader", "journalist", "activist", "fighter", "militant", "commander",
        "teenager", "youth", "worker", "trader", "herder", "guard", "doctor", "nurse", "teacher", "chief", "elder", "pastor",
        "suspect", "victim", "trafficker", "dealer", "gendarme", "delegate", "laborer", "labourer", "prisoner", "refugee",
        "shopkeeper", "protester", "demonstrator", "bodyguard", "employee", "official", "councilor", "councillor", "mayor",
        "judge", "lawyer", "businessman", "adolescent", "infant", "baby", "policewoman", "priest", "imam", "cadre", "rebel",
    };

    // Words between an article and the victim it introduces: "a drug suspect", "a young Baloch man".
    private const int MaxModifiers = 2;

    /// <summary>The figure in <paramref name="sentence"/> for deaths or injuries (<paramref name="kind"/>), with its phrase.</summary>
    public static (int Count, string Text)? Find(Document document, Sentence sentence, EventCue kind)
    {
        var tokens = document.Tokens;
        var other = kind == EventCue.Death ? EventCue.Injury : EventCue.Death;
        var words = new string[sentence.TokenCount];
        var cues = new EventCue[sentence.TokenCount];
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = document.TextOf(tokens[sentence.FirstToken + i].Range).ToLowerInvariant();
            cues[i] = EventLexicon.Of(words[i]);
        }
        if (Array.TrueForAll(cues, c => (c & kind) == 0)) return null;
        // "Three were pronounced dead at the scene and the fourth died in hospital": the dead told in parts give no total.
        if (kind == EventCue.Death && InParts(words, cues)) return null;

        // The analyst's own coding: "1 fatality.", "Fatalities coded as 10", "Total fatalities coded as 4".
        if (kind == EventCue.Death)
            foreach (var q in QuantitiesIn(document, sentence))
            {
                var after = Index(document, sentence, q.Range.End);
                var before = Index(document, sentence, q.Range.Start) - 1;
                bool unitIsFatality = after < words.Length && words[after].StartsWith("fatalit", StringComparison.Ordinal);
                bool codedAs = before >= 1 && words[before] == "as" && words[before - 1] == "coded";
                if ((unitIsFatality || codedAs) && Code(document.TextOf(q.Range), q) is { } coded) return (coded, document.TextOf(q.Range));
            }

        // A running toll: "the death toll ... rose to 13" counts what it reaches.
        if (kind == EventCue.Death && Array.IndexOf(words, "toll") is int toll and >= 0)
            foreach (var q in QuantitiesIn(document, sentence))
            {
                int before = Index(document, sentence, q.Range.Start) - 1;
                if (before > toll && before >= 1 && words[before] is "to" or "at" && Code(document.TextOf(q.Range), q) is { } total)
                    return (total, document.TextOf(q.Range));
            }

        (int Count, string Text, int Distance)? best = null;
        foreach (var q in QuantitiesIn(document, sentence))
        {
            int first = Index(document, sentence, q.Range.Start), last = Index(document, sentence, q.Range.End) - 1;
            if (first >= 1 && words[first - 1] == "by") continue; // the attackers: "shot dead by two armed men"
            int distance = NearestCue(words, cues, first, last, kind, other);
            if (distance < 0 || Code(document.TextOf(q.Range), q) is not { } count) continue;
            if (best is null || distance < best.Value.Distance) best = (count, document.TextOf(q.Range), distance);
        }
        if (best is { } b) return (b.Count, b.Text);

        // A lone victim: "a man was shot dead", "killing a drug suspect", "one person died", "the officer died".
        for (int i = 0; i + 1 < words.Length; i++)
        {
            if (words[i] is not ("a" or "an" or "one" or "the") || (i >= 1 && words[i - 1] == "by")) continue;
            if (LoneVictim(words, i, singularOnly: words[i] == "the") is not { } noun) continue;
            if (NearestCue(words, cues, i, noun, kind, other) >= 0)
                return (1, document.TextOf(new TextRange(tokens[sentence.FirstToken + i].Start, tokens[sentence.FirstToken + noun].End)));
        }
        // "beat and stoned her to death": one person put to death; "dragged out two men and a woman ... and burned them
        // to death": the people counted before.
        if (kind == EventCue.Death)
            for (int i = 0; i + 2 < words.Length; i++)
            {
                if (words[i + 1] != "to" || words[i + 2] != "death") continue;
                if (words[i] is "him" or "her")
                    return (1, document.TextOf(new TextRange(tokens[sentence.FirstToken + i].Start, tokens[sentence.FirstToken + i + 2].End)));
                if (words[i] == "them" && CountedBefore(words, i) is var (count, from, to))
                    return (count, document.TextOf(new TextRange(tokens[sentence.FirstToken + from].Start, tokens[sentence.FirstToken + to].End)));
            }
        return null;
    }

    // The people counted nearest before a pronoun: "two men and a woman" (3), "three farmers" (3); null when none.
    private static (int Count, int From, int To)? CountedBefore(string[] words, int pronoun)
    {
        for (int noun = pronoun - 1; noun >= 1; noun--)
        {
            if (!IsVictimNoun(words[noun])) continue;
            int total = 0, from = noun, k = noun;
            while (k >= 1 && SmallNumber(words[k - 1]) is int n)
            {
                total += n;
                from = k - 1;
                // "two men and a woman": another group before "and".
                if (from < 2 || words[from - 1] != "and" || !IsVictimNoun(words[from - 2])) break;
                k = from - 2;
            }
            return total > 0 ? (total, from, noun) : null;
        }
        return null;
    }

    private static bool IsVictimNoun(string word) => Victims.Contains(word) || Victims.Contains(EventFeatures.Stem(word)) || word is "men" or "women" or "people" or "children";

    private static int? SmallNumber(string word) =>
        word is "a" or "an" ? 1
        : Numbers.NumberLexicon.Units.TryGetValue(word, out var n) ? n
        : int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out n) && n < 1000 ? n : null;

    private static bool InParts(string[] words, EventCue[] cues)
    {
        for (int i = 0; i + 2 < words.Length; i++)
        {
            if (!(words[i] == "at" && words[i + 1] == "the" && words[i + 2] == "scene" || words[i] == "on" && words[i + 1] == "the" && words[i + 2] == "spot")) continue;
            for (int k = i + 3; k < words.Length; k++)
                if ((cues[k] & EventCue.Death) != 0) return true;
        }
        return false;
    }

    // The victim noun an article introduces, after at most two modifiers, or null. After "the" only a
    // singular noun counts ("the officer", not "the officers").
    private static int? LoneVictim(string[] words, int article, bool singularOnly)
    {
        for (int k = article + 1; k < words.Length && k <= article + 1 + MaxModifiers; k++)
        {
            if (Victims.Contains(words[k])) return k;
            if (!singularOnly && Victims.Contains(EventFeatures.Stem(words[k]))) return k;
            if (!words[k].All(char.IsLetter)) return null;
        }
        return null;
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
            if (lower.Contains("few", StringComparison.Ordinal)) return 3;
            return 10; // "several", "many", "scores": ACLED codes an unknown plural toll as 10
        }
        var value = q.Value ?? q.Min;
        return value is { } v && v >= 0 && v < 1_000_000 ? (int)Math.Floor(v) : null;
    }

    private static IEnumerable<Quantity> QuantitiesIn(Document document, Sentence sentence) =>
        document.Quantities.Where(q => sentence.Range.Contains(q.Range) && q.Currency is null);

    private static int Index(Document document, Sentence sentence, int offset)
    {
        var tokens = document.Tokens;
        int t = sentence.FirstToken;
        while (t < sentence.EndToken && tokens[t].End <= offset) t++;
        return t - sentence.FirstToken;
    }

    /// <summary>Tokens from the span to the nearest <paramref name="kind"/> word, not crossing an <paramref name="other"/> word or a clause break ("and", "while"); -1 when none.</summary>
    private static int NearestCue(string[] words, EventCue[] cues, int first, int last, EventCue kind, EventCue other)
    {
        int best = -1, skipped = 0;
        for (int i = last + 1; i < cues.Length && i - last - skipped <= Window; i++)
        {
            // "at least 100 people, including women and children, were killed": the aside names who, not another clause.
            if (words[i] == "including" && words[i - 1] == "," && Array.IndexOf(words, ",", i) is int close and > 0)
            {
                skipped += close - i + 1;
                i = close;
                continue;
            }
            if ((cues[i] & kind) != 0) { best = i - last - skipped; break; }
            if ((cues[i] & other) != 0 || IsClauseBreak(words[i])) break;
        }
        for (int i = first - 1; i >= 0 && first - i <= Window; i--)
        {
            if ((cues[i] & kind) != 0) { if (best < 0 || first - i < best) best = first - i; break; }
            if ((cues[i] & other) != 0 || IsClauseBreak(words[i])) break;
        }
        return best;
    }

    private static bool IsClauseBreak(string word) => word is "and" or "while" or "but" or "whereas" or ";";
}
