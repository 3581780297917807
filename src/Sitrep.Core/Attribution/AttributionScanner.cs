using Sitrep.Documents;

namespace Sitrep.Attribution;

/// <summary>The sources credited so far in a report, for "the TV channel", "the department", "he" and "Joseph".</summary>
internal sealed class SourceMemory
{
    private readonly List<(string Name, SourceType Type, bool Person, string Description)> _sources = [];

    public void Remember(string name, SourceType type, bool person, string description) => _sources.Add((name, type, person, description));

    public (string Name, SourceType Type)? LastPerson() => Last(s => s.Person);

    /// <summary>The last source whose description has <paramref name="head"/> ("the TV channel" → "the Khabar 24 TV channel"), else the last of the type.</summary>
    public (string Name, SourceType Type)? Antecedent(string head, SourceType type) =>
        Last(s => s.Description.Contains(head, StringComparison.OrdinalIgnoreCase)) ?? Last(s => s.Type == type && !s.Person);

    /// <summary>A person named earlier in full whose surname this is ("Joseph" → "Claude Joseph").</summary>
    public (string Name, SourceType Type)? FullName(string surname) =>
        Last(s => s.Person && s.Name.EndsWith(" " + surname, StringComparison.Ordinal));

    private (string Name, SourceType Type)? Last(Predicate<(string Name, SourceType Type, bool Person, string Description)> match) =>
        _sources.FindLastIndex(match) is int i and >= 0 ? (_sources[i].Name, _sources[i].Type) : null;
}

/// <summary>
/// Finds who is credited for the claims of one sentence: "according to X", "X said (that)",
/// "…, said X", "as X explained", "reported by X", "it is reported that". The source is reduced to
/// its name ("Armenian Prime Minister Nikol Pashinyan" → "Nikol Pashinyan"), generic references
/// ("the TV channel", "the department", "he") are resolved to a source named earlier, and every
/// source is classified (government, security, media, ngo, witness, unnamed, other).
/// </summary>
internal ref struct AttributionScanner
{
    private readonly string _text;
    private readonly ReadOnlySpan<Token> _t;
    private readonly SourceMemory _memory;
    private readonly TextRange? _previousSentence;
    private readonly List<Documents.Attribution> _found;

    private AttributionScanner(string text, ReadOnlySpan<Token> tokens, SourceMemory memory, TextRange? previousSentence, List<Documents.Attribution> found)
    {
        _text = text;
        _t = tokens;
        _memory = memory;
        _previousSentence = previousSentence;
        _found = found;
    }

    public static void Scan(string text, ReadOnlySpan<Token> tokens, SourceMemory memory, TextRange? previousSentence, List<Documents.Attribution> found) =>
        new AttributionScanner(text, tokens, memory, previousSentence, found).Run();

    private void Run()
    {
        if (_t.Length < 3) return;
        if (AccordingTo() || AsExplained() || ReportedBy() || Impersonal()) return;
        ReportingVerb();
    }

    // "According to X, CLAIM." / "CLAIM, according to X."
    private bool AccordingTo()
    {
        int k = Find("according", "to");
        if (k < 0) return false;
        int npStart = k + 2, npEnd = UntilComma(npStart);
        if (npEnd <= npStart) return false;
        // "according to the mayor, Ihor Terekhov."
        if (Is(npEnd, ",") && EndOfSentence() is int last && last > npEnd + 1 && IsNameRun(npEnd + 1, last)) npEnd = last;
        var claim = k <= 1 ? Span(Math.Min(npEnd + 1, _t.Length - 1), _t.Length) : Span(0, TrimComma(k));
        return Credit(k, npStart, npEnd, npEnd, claim);
    }

    // "As X, …, explained, CLAIM."
    private bool AsExplained()
    {
        if (!Is(0, "as")) return false;
        for (int v = 2; v < _t.Length - 1; v++)
        {
            if (!IsReportingVerb(v) || !Is(v + 1, ",")) continue;
            int npEnd = UntilComma(1);
            return Credit(0, 1, Math.Min(npEnd, v), v, Span(v + 2, _t.Length));
        }
        return false;
    }

    // "This was reported on January 6 by the Khabar 24 TV channel." The claim is the sentence before.
    private bool ReportedBy()
    {
        for (int v = 1; v < _t.Length - 2; v++)
        {
            if (!(Is(v, "reported") || Is(v, "announced") || Is(v, "stated") || Is(v, "confirmed")) || !(Is(v - 1, "was") || Is(v - 1, "were") || Is(v - 1, "been"))) continue;
            int by = v + 1;
            while (by < _t.Length && !Is(by, "by") && !Is(by, ",")) by++;
            if (!Is(by, "by")) continue;
            int npEnd = UntilComma(by + 1);
            bool anaphoric = Is(0, "this") || Is(0, "that") || Is(0, "it");
            var claim = anaphoric && _previousSentence is { } previous ? previous : Span(0, v - 1);
            return Credit(v - 1, by + 1, npEnd, npEnd, claim);
        }
        return false;
    }

    // "It is reported that …", "it was reported that …", "It also became known that …", "There were reports of …".
    private bool Impersonal()
    {
        for (int i = 0; i + 2 < _t.Length; i++)
        {
            if (!Is(i, "it") && !Is(i, "there")) continue;
            int j = i + 1;
            if (Is(j, "also")) j++;
            bool cue = (Is(j, "is") || Is(j, "was") || Is(j, "has") || Is(j, "became")) &&
                       (Is(j + 1, "reported") || Is(j + 1, "noted") || Is(j + 1, "known") || Is(j + 1, "been") && Is(j + 2, "reported"));
            bool reports = Is(i, "there") && (Is(j, "were") || Is(j, "are")) && (Is(j + 1, "reports") || Is(j + 1, "unconfirmed"));
            if (!cue && !reports) continue;
            int claimStart = j + 2;
            while (claimStart < _t.Length && (Is(claimStart, "that") || Is(claimStart, "reported") || Is(claimStart, "of"))) claimStart++;
            var range = new TextRange(_t[i].Start, _t[Math.Min(j + 1, _t.Length - 1)].End);
            _found.Add(new Documents.Attribution(range, "unnamed", SourceType.Unnamed, Span(Math.Min(claimStart, _t.Length - 1), _t.Length)));
            return true;
        }
        return false;
    }

    // "X said (that) CLAIM", "CLAIM, X said.", "“CLAIM,” said X."
    private void ReportingVerb()
    {
        for (int v = 0; v < _t.Length; v++)
        {
            if (!IsReportingVerb(v)) continue;
            if (v > 0 && (Is(v - 1, "was") || Is(v - 1, "were") || Is(v - 1, "is") || Is(v - 1, "be"))) continue; // passive: "was said to"
            bool afterQuoteOrComma = v > 0 && (Is(v - 1, ",") || IsQuote(v - 1));
            int nameEnd = NamedSubjectWithAside(v);
            if (afterQuoteOrComma && v + 1 < _t.Length && !Is(v + 1, "that") && nameEnd < 0 && LooksLikeSource(v + 1, EndOfSentence()))
            {
                // Inverted: "…,” said the presenter on the air of “Khabar 24”."
                int npEnd = EndOfSentence();
                int claimEnd = v - 1;
                while (claimEnd > 0 && (Is(claimEnd, ",") || IsQuote(claimEnd))) claimEnd--;
                int claimStart = IsQuote(0) ? 1 : 0;
                if (Credit(v, v + 1, npEnd, npEnd, Span(claimStart, claimEnd + 1))) return;
                continue;
            }
            if (nameEnd > 0 && v + 1 < _t.Length)
            {
                int claimAt = Is(v + 1, "that") ? v + 2 : v + 1;
                if (claimAt < _t.Length && Credit(0, 0, nameEnd, v + 1, Span(claimAt, _t.Length), classifyNameOnly: true)) return;
            }
            int subjectStart = SubjectStart(v);
            if (subjectStart < 0 || subjectStart >= v) continue;
            int claimFrom = Is(v + 1, "that") || Is(v + 1, ":") ? v + 2 : v + 1;
            if (subjectStart > 0 && Is(subjectStart - 1, ",") && claimFrom == v + 1)
            {
                // "CLAIM, police said." — the claim is what comes before the subject.
                if (Credit(subjectStart, subjectStart, v, v + 1, Span(0, subjectStart - 1))) return;
                continue;
            }
            if (claimFrom >= _t.Length) continue;
            if (Credit(subjectStart, subjectStart, v, v + 1, Span(claimFrom, _t.Length))) return;
        }
    }

    // "Prime Minister Theresa May, speaking outside Downing Street ..., said the attack ...": a name, then an aside
    // ("speaking ...", "who ...") closed by the comma before the verb, is the verb's subject, not a claim before an inverted source.
    // The name's end (the aside's comma), or -1.
    private readonly int NamedSubjectWithAside(int verb)
    {
        int comma = 1;
        while (comma < verb && !Is(comma, ",")) comma++;
        if (comma >= verb - 1 || !Is(verb - 1, ",")) return -1;
        for (int i = 0; i < comma; i++)
            if (_t[i].Kind != TokenKind.Word || !char.IsUpper(_text[_t[i].Start])) return -1;
        var aside = Word(comma + 1);
        return aside is "who" or "whose" || aside.EndsWith("ing", StringComparison.Ordinal) && char.IsLower(aside[0]) ? comma : -1;
    }

    // The subject of a reporting verb: the start of the sentence, or the words after the last comma
    // when they are the whole subject ("…, police said"). Appositives and relative clauses between
    // the subject and the verb ("Pashinyan, who holds …, noted") stay inside.
    private readonly int SubjectStart(int verb)
    {
        int lastComma = -1;
        for (int i = verb - 1; i >= 0; i--)
        {
            if (Is(i, ",")) { lastComma = i; break; }
        }
        if (lastComma < 0) return 0;
        if (lastComma == verb - 1) return 0; // "X, who …, noted": the subject opens the sentence
        // "…, a police officer at the scene told reporters": a short subject after the comma.
        return verb - lastComma <= 8 && LooksLikeSource(lastComma + 1, verb) ? lastComma + 1 : 0;
    }

    // A noun phrase, not a clause: short, no auxiliary verb, not a relative pronoun.
    private readonly bool LooksLikeSource(int start, int end)
    {
        if (end <= start || Is(start, "which") || Is(start, "who") || Is(start, "that") || Is(start, "in")) return false;
        if (end - start > 1 && AttributionLexicon.Pronouns.Contains(Word(start))) return false; // "He blamed the group, which said"
        for (int i = start; i < end; i++)
        {
            if (Is(i, "who") || Is(i, "which") || Is(i, "that")) return true; // "Residents who fled …": the clause is trimmed later
            if (AttributionLexicon.ClauseWords.Contains(Word(i)) || (i > start && IsReportingVerb(i))) return false;
        }
        return end - start <= 12;
    }

    // Reduces the noun phrase [npStart, npEnd) to a source name, classifies it and records the attribution.
    private bool Credit(int cueStart, int npStart, int npEnd, int cueEnd, TextRange claim, bool classifyNameOnly = false)
    {
        npEnd = Math.Min(npEnd, _t.Length);
        if (!LooksLikeSource(npStart, npEnd)) return false;
        while (npStart < npEnd && (Is(npStart, "and") || Is(npStart, "but"))) npStart++;
        for (int i = npStart + 1; i < npEnd; i++)
            if (Is(i, "who") || Is(i, "which") || Is(i, "that")) { npEnd = Is(i - 1, ",") ? i - 1 : i; break; }
        // "a statement by the state's security commissioner" → the commissioner
        for (int i = npStart; i < Math.Min(npEnd - 1, npStart + 3); i++)
            if (Is(i, "statement") && Is(i + 1, "by")) { npStart = i + 2; break; }
        while (npEnd > npStart && (Is(npEnd - 1, ".") || Is(npEnd - 1, ",") || IsQuote(npEnd - 1))) npEnd--;
        if (npEnd <= npStart) return false;
        var (name, person) = SourceName(npStart, npEnd);
        if (string.IsNullOrWhiteSpace(name)) return false;
        SourceType type = Classify(npStart, classifyNameOnly ? npEnd : Math.Max(npEnd, Math.Min(cueEnd, _t.Length)));
        if (TryResolve(npStart, npEnd, ref name, ref type, ref person) is false) return false;
        _memory.Remember(name, type, person, Text(npStart, npEnd));
        int last = Math.Min(Math.Max(npEnd, cueEnd), _t.Length) - 1;
        var range = new TextRange(_t[Math.Min(cueStart, npStart)].Start, _t[Math.Max(last, npStart)].End);
        _found.Add(new Documents.Attribution(range, name, type, claim));
        return true;
    }

    // "the TV channel" → the source described with "channel" earlier; "he" → the last person; "Joseph" → "Claude Joseph".
    private readonly bool TryResolve(int npStart, int npEnd, ref string name, ref SourceType type, ref bool person)
    {
        if (npEnd - npStart == 1 && AttributionLexicon.Pronouns.Contains(Word(npStart)))
        {
            if (_memory.LastPerson() is not { } who) return false;
            (name, type) = who;
            person = true;
            return true;
        }
        if (npEnd - npStart == 1 && IsNameRun(npStart, npEnd) && _memory.FullName(name) is { } full)
        {
            (name, type) = full;
            person = true;
            return true;
        }
        // Only a short definite description refers back: "the TV channel", not "the ombudsman's office".
        int first = Is(npStart, "the") ? npStart + 1 : npStart;
        if (first == npStart || npEnd - npStart > 4 || HasCapitalised(first, npEnd, allowAcronymTv: true)) return true;
        for (int i = first; i < npEnd; i++) if (_t[i].Kind == TokenKind.Clitic) return true;
        int head = npEnd - 1;
        while (head > first && !AttributionLexicon.AnaphoricHeads.Contains(Word(head))) head--;
        if (!AttributionLexicon.AnaphoricHeads.Contains(Word(head))) return true;
        if (_memory.Antecedent(Word(head).ToString(), type) is { } earlier) (name, type) = earlier;
        return true;
    }

    private readonly (string Name, bool Person) SourceName(int npStart, int npEnd)
    {
        int first = npStart;
        while (first < npEnd && (Is(first, "the") || Is(first, "a") || Is(first, "an"))) first++;
        if (first >= npEnd) return ("", false);

        // Appositive: "The President of Kazakhstan, Kassym-Zhomart Tokayev" → the name after the comma.
        int comma = -1;
        for (int i = first; i < npEnd; i++) if (Is(i, ",")) { comma = i; break; }
        if (comma > 0)
        {
            int appositiveEnd = comma + 1;
            while (appositiveEnd < npEnd && !Is(appositiveEnd, ",")) appositiveEnd++;
            if (IsNameRun(comma + 1, appositiveEnd)) return (Text(comma + 1, appositiveEnd), true);
            npEnd = comma;
        }

        // A role speaking for a named body: "the presenter on the air of “Khabar 24”" → "Khabar 24".
        if (AttributionLexicon.Speakers.Contains(Word(first)) && LastCapitalisedRun(first + 1, npEnd) is (int s, int e))
            return (Text(s, e), false);

        // A titled person: "Armenian Prime Minister Nikol Pashinyan" → "Nikol Pashinyan".
        int afterTitle = -1;
        for (int i = first; i < npEnd; i++) if (AttributionLexicon.Titles.Contains(Word(i))) afterTitle = i + 1;
        if (afterTitle > first && afterTitle < npEnd && IsNameRun(afterTitle, npEnd)) return (Text(afterTitle, npEnd), true);

        // An organisation or outlet: the capitalised run with its lowercase head ("CSTO secretariat"),
        // without media descriptors ("the Khabar 24 TV channel" → "Khabar 24").
        int end = npEnd;
        while (end > first + 1 && IsMediaDescriptor(end - 1)) end--;
        bool allLower = !HasCapitalised(first, end, allowAcronymTv: false);
        bool looksPerson = IsNameRun(first, end) && end - first is 2 or 3 && !HasOrgWord(first, end);
        return (Text(first, end), !allLower && looksPerson);
    }

    private readonly bool IsMediaDescriptor(int i) =>
        Is(i, "channel") || Is(i, "TV") || Is(i, "television") || Is(i, "newspaper") || Is(i, "website") || Is(i, "radio") || Is(i, "daily");

    private readonly bool HasOrgWord(int start, int end)
    {
        for (int i = start; i < end; i++)
            if (AttributionLexicon.Government.Contains(Word(i)) || AttributionLexicon.Security.Contains(Word(i)) || AttributionLexicon.Media.Contains(Word(i)) || AttributionLexicon.Ngo.Contains(Word(i)))
                return true;
        return false;
    }

    private readonly SourceType Classify(int start, int end)
    {
        bool witness = false, media = false, security = false, ngo = false, government = false;
        for (int i = start; i < end; i++)
        {
            var w = Word(i);
            witness |= AttributionLexicon.Witnesses.Contains(w);
            media |= AttributionLexicon.Media.Contains(w);
            security |= AttributionLexicon.Security.Contains(w);
            ngo |= AttributionLexicon.Ngo.Contains(w);
            government |= AttributionLexicon.Government.Contains(w);
        }
        return witness ? SourceType.Witness : media ? SourceType.Media : security ? SourceType.Security : ngo ? SourceType.Ngo : government ? SourceType.Government : SourceType.Other;
    }

    private readonly bool IsNameRun(int start, int end)
    {
        if (end <= start) return false;
        for (int i = start; i < end; i++)
        {
            var t = _t[i];
            if (t.Kind != TokenKind.Word || !char.IsUpper(_text[t.Start]) || AttributionLexicon.Titles.Contains(Word(i))) return false;
        }
        return true;
    }

    private readonly (int Start, int End)? LastCapitalisedRun(int start, int end)
    {
        int runEnd = -1, runStart = -1;
        for (int i = end - 1; i >= start; i--)
        {
            bool part = _t[i].Kind == TokenKind.Number || (_t[i].Kind == TokenKind.Word && char.IsUpper(_text[_t[i].Start]));
            if (part)
            {
                if (runEnd < 0) runEnd = i + 1;
                runStart = i;
            }
            else if (runEnd > 0)
            {
                break;
            }
        }
        return runEnd > 0 && char.IsUpper(_text[_t[runStart].Start]) ? (runStart, runEnd) : null;
    }

    private readonly bool HasCapitalised(int start, int end, bool allowAcronymTv)
    {
        for (int i = start; i < end; i++)
        {
            if (_t[i].Kind != TokenKind.Word || !char.IsUpper(_text[_t[i].Start])) continue;
            if (allowAcronymTv && Is(i, "TV")) continue;
            return true;
        }
        return false;
    }

    private readonly bool IsReportingVerb(int i) => _t[i].Kind == TokenKind.Word && AttributionLexicon.ReportingVerbs.Contains(Word(i));

    private readonly bool IsQuote(int i) => i >= 0 && i < _t.Length && _t[i].Length == 1 && _text[_t[i].Start] is '"' or '\u201C' or '\u201D' or '\u00AB' or '\u00BB';

    private readonly int UntilComma(int from)
    {
        int i = from;
        while (i < _t.Length && !Is(i, ",") && !Is(i, ".")) i++;
        return i;
    }

    private readonly int EndOfSentence()
    {
        int end = _t.Length;
        while (end > 0 && (Is(end - 1, ".") || Is(end - 1, "!") || Is(end - 1, "?"))) end--;
        return end;
    }

    private readonly int TrimComma(int end)
    {
        while (end > 0 && Is(end - 1, ",")) end--;
        return end;
    }

    private readonly int Find(string a, string b)
    {
        for (int i = 0; i + 1 < _t.Length; i++) if (Is(i, a) && Is(i + 1, b)) return i;
        return -1;
    }

    // Text range of tokens [start, end), without trailing sentence punctuation.
    private readonly TextRange Span(int start, int end)
    {
        end = Math.Min(end, _t.Length);
        while (end > start + 1 && (Is(end - 1, ".") || IsQuote(end - 1))) end--;
        start = Math.Clamp(start, 0, _t.Length - 1);
        if (end <= start) end = start + 1;
        return new TextRange(_t[start].Start, _t[end - 1].End);
    }

    private readonly string Text(int start, int end) =>
        _text.AsSpan(_t[start].Start, _t[end - 1].End - _t[start].Start).Trim(QuotesAndSpaces).ToString();

    // Trimmed off a source's name (a constant: Trim's params array was one allocation a call, and the scanner asks per candidate).
    private const string QuotesAndSpaces = "\"\u201C\u201D ";

    private readonly ReadOnlySpan<char> Word(int i) => _text.AsSpan(_t[i].Start, _t[i].Length);

    private readonly bool Is(int i, string word) => i >= 0 && i < _t.Length && Word(i).Equals(word, StringComparison.OrdinalIgnoreCase);
}
