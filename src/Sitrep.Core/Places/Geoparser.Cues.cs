using System.Collections.Frozen;
using Sitrep.Documents;

namespace Sitrep.Places;

/// <summary>Context cues: what the words around a name say of it ("X region", "the city of X") and which names contain which ("X, Y", "X in Y", "Y's X").</summary>
internal sealed partial class Geoparser
{
    /// <summary>Reads "X region" / "X province" and "X, the region's main city" after the name and "the (Kazakh) city of" before it.</summary>
    private void ReadCues(Document document, Sentence sentence, Candidate c, Span<char> key)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        if (c.EndToken < tokens.Length && tokens[c.EndToken].Kind == TokenKind.Word)
        {
            int n = PlaceNames.Key(text.AsSpan(tokens[c.EndToken].Start, tokens[c.EndToken].Length), key);
            var word = new string(key[..n]);
            bool startsLongerName = char.IsUpper(text[tokens[c.EndToken].Start]) && c.EndToken + 1 < tokens.Length
                && StartsName(text, tokens[c.EndToken + 1]); // "California State University"
            if (IsDivisionWord(word) && !startsLongerName)
            {
                c.Cue = Cue.Division;
                c.End = tokens[c.EndToken].End;
                c.EndToken++;
            }
            // "Gaza city", "Talhar town": a town, not the strip or country of its name.
            else if (word is "city" or "town" or "village" && char.IsLower(text[tokens[c.EndToken].Start]))
                c.CalledTown = true;
        }
        if (c.Cue == Cue.None && AppositiveSettlement(document, sentence, c.EndToken)) c.Cue = Cue.Settlement;
        // "the city of X", "the Kazakh city of X", "the town of X"
        int t = c.FirstToken - 1;
        if (t >= 1 && text.AsSpan(tokens[t].Start, tokens[t].Length).Equals("of", StringComparison.OrdinalIgnoreCase)
            && SettlementWords.Contains(text.Substring(tokens[t - 1].Start, tokens[t - 1].Length)))
        {
            c.Cue = c.Cue == Cue.None ? Cue.Settlement : c.Cue;
            if (t >= 2 && StartsName(text, tokens[t - 2]))
            {
                int d = Demonym(text, tokens[t - 2], key);
                if (d >= 0) c.CueCountry = gazetteer.CountryCode(d);
            }
        }
    }

    // After "," or "(": where monitors name a place's container ("(Masisi, Nord-Kivu)", "Donga LGA (Taraba)").
    /// <summary>
    /// Whether the name ends a bracket of containers after a comma: "Colombo (Colombo, Western)", as analysts'
    /// notes give a place's district and province. There a generic word ("Western", "Central") is the division.
    /// </summary>
    private bool ClosesBracketedContainer(Document document, Sentence sentence, Candidate c)
    {
        var tokens = document.Tokens;
        if (c.FirstToken <= sentence.FirstToken || c.EndToken >= sentence.EndToken
            || document.TextOf(tokens[c.FirstToken - 1].Range) != "," || document.TextOf(tokens[c.EndToken].Range) != ")") return false;
        for (int t = c.FirstToken - 2; t >= Math.Max(sentence.FirstToken, c.FirstToken - 2 - _options.MaxNameTokens); t--)
        {
            var text = document.TextOf(tokens[t].Range);
            if (text == "(") return true;
            if (text is ")" or "." or ";") return false;
        }
        return false;
    }

    private static bool AsContainer(Document document, Sentence sentence, int first) =>
        first > sentence.FirstToken && document.TextOf(document.Tokens[first - 1].Range) is "," or "(";

    /// <summary>
    /// Whether a name the tagger did not call a place is one: a country, region or division under its own name, a
    /// first-level division under another spelling or without "State" where it stands as a container, a large town.
    /// </summary>
    private bool WorthKeeping(Document document, Sentence sentence, Candidate c, bool asContainer)
    {
        if (c.Cue != Cue.None) return true;
        int top = c.Postings[0] & NameIndex.EntryMask;
        bool ownName = IsOwnName(c);
        var level = gazetteer.Level(top);
        if (level == PlaceLevel.Admin1 && asContainer) return true;
        bool sentenceStart = IsSentenceStart(document, sentence, c.FirstToken);
        if (level is PlaceLevel.Country or PlaceLevel.Region) return (ownName || c.EndToken - c.FirstToken > 1 || IsAllCaps(document, c)) && !sentenceStart || ownName;
        if (sentenceStart) return false;
        if (level == PlaceLevel.Admin1) return ownName;
        return ownName && (gazetteer.Population(top) >= _options.MinimumUntaggedPopulation || AfterNearnessWord(document, c));
    }

    // "near Shyrokyne": the tagger leaves many a village's name untagged, and after a word of nearness a name is a place.
    private static bool AfterNearnessWord(Document document, Candidate c) =>
        c.FirstToken > 0 && NearnessWords.Contains(document.TextOf(document.Tokens[c.FirstToken - 1].Range));

    private static readonly FrozenSet<string> NearnessWords = PlaceWords.Lexicon.Frozen("nearness-words", StringComparer.Ordinal);

    private static bool IsAllCaps(Document document, Candidate c)
    {
        foreach (var ch in document.Text.AsSpan(c.Start, c.End - c.Start))
            if (char.IsLower(ch)) return false;
        return true;
    }

    private static bool IsSentenceStart(Document document, Sentence sentence, int token)
    {
        if (token == sentence.FirstToken) return true;
        var tokens = document.Tokens;
        return token > 0 && tokens[token - 1].Kind == TokenKind.Punctuation && document.Text[tokens[token - 1].Start] is '"' or '“' or '(' or ':';
    }

    /// <summary>Links "X, Y", "X in (the) Y", "Y's X" so each side can confirm the other.</summary>
    private static void LinkContainment(Document document, List<Candidate> candidates)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        for (int i = 0; i + 1 < candidates.Count; i++)
        {
            var child = candidates[i];
            var parent = candidates[i + 1];
            int from = AfterSquareBracket(document, child.EndToken, parent.FirstToken);
            int gap = parent.FirstToken - from;
            if (gap < 1 || gap > 6) continue;
            var between = text.AsSpan(tokens[from].Start, tokens[parent.FirstToken - 1].End - tokens[from].Start);
            // "Arada (Tripoli)", "Bara town in Idleb", "Pamoli village (Beni, Nord-Kivu)"
            int space = between.IndexOf(' ');
            if (space > 0 && LinkWords.Contains(between[..space].ToString())) between = between[(space + 1)..];
            // "Palma in northern Mozambique": a compass word between says nothing against containment.
            if (between.StartsWith("in ") && CompassWords.Contains(between[3..].ToString())) between = "in";
            // "Mabai (Kankara LGA, Katsina)": the bracket's last name holds the place whatever stands before it.
            bool bracketTail = between.Length > 1 && between[0] == '(' && between[^1] == ',' && between.IndexOfAny(')', '.') < 0;
            if (gap > 4 && !bracketTail) continue;
            bool link = between is "," or "(" or "in" or "in the" or "of" or "of the" or ", in" or "near" || bracketTail;
            bool possessive = between is "'s" or "’s";
            if (link)
            {
                Connect(candidates, i, i + 1);
                if (between is "(" || bracketTail) child.ParentInParentheses = true;
            }
            else if (possessive) Connect(candidates, i + 1, i);
        }
    }

    // "Salim [Al Fajir] (Qaatabah, Ad Dali)": a name's other name in square brackets stands aside from its containers.
    private static int AfterSquareBracket(Document document, int token, int limit)
    {
        if (token >= limit || document.TextOf(document.Tokens[token].Range) != "[") return token;
        for (int t = token + 1; t < limit; t++)
            if (document.TextOf(document.Tokens[t].Range) == "]") return t + 1;
        return token;
    }

    private static readonly FrozenSet<string> CompassWords = PlaceWords.Lexicon.Frozen("compass-words", StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> LinkWords = PlaceWords.Lexicon.Frozen("link-words", StringComparer.OrdinalIgnoreCase);

    private static void Connect(List<Candidate> candidates, int child, int parent)
    {
        candidates[child].Parents.Add(parent);
        candidates[parent].Children.Add(child);
    }
}
