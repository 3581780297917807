using Sitrep.Documents;
using Sitrep.Time;

namespace Sitrep.Events;

/// <summary>When a sentence's event happened.</summary>
internal static class EventDating
{
    /// <summary>The part of the day the sentence names for its event ("TNI" in "on the night of January 6", "TMO"), or null.</summary>
    internal static string? PartOfDay(Document document, int s, TextRange? dateline)
    {
        var sentence = document.Sentences[s];
        foreach (var t in document.Times)
            if (sentence.Range.Contains(t.Range) && !(dateline is { } d && d.Contains(t.Range)) && t.Value.TimeOfDay is { } partOfDay)
                return partOfDay;
        return null;
    }

    /// <summary>
    /// The sentence's own day (precision 1), else the day of its telling or the report date (precision
    /// 2: not the event's own). The day of the telling ("the president said on Sunday that … on
    /// Saturday", "the minister told reporters on Monday": outside what is <paramref name="told"/>) gives way to the day of the event, and the dateline's day ("KINSHASA, Jan 22 -") is
    /// when the report was filed, not the event's.
    /// </summary>
    internal static (DateOnly Date, int Precision) When(Document document, int s, TextRange told, TextRange? dateline)
    {
        var sentence = document.Sentences[s];
        DateOnly? telling = null, other = null, clock = null;
        foreach (var t in document.Times)
        {
            if (!sentence.Range.Contains(t.Range) || dateline is { } d && d.Contains(t.Range) || !t.Value.TryGetDay(out var day)) continue;
            // "Saturday's car bombings": the day that owns the event word.
            var after = document.Text.AsSpan(t.Range.End);
            if (after.StartsWith("'s", StringComparison.Ordinal) || after.StartsWith("’s", StringComparison.Ordinal)) return (day, 1);
            // A clock time is resolved against the report's day; a day named beside it says which ("9 p.m. on Wednesday").
            if (t.Type == TimexType.Time) clock ??= day;
            else if (!told.Contains(t.Range) || AfterReportingVerb(document, t.Range) || OfAClauseBeforeTheAct(document, sentence, t.Range)) telling ??= day;
            else other ??= day;
        }
        // "The ministry said on Sunday that 32 people had died": the day of the telling is no day of the event's own.
        if ((other ?? clock) is { } found) return (found, 1);
        return (telling ?? document.Date, 2);
    }

    /// <summary>
    /// Whether the day belongs to a clause with no event word, and the sentence's event words all come after a relative
    /// pronoun that follows it in that clause: "the military was hunting on Wednesday for an officer who dropped grenades on the court".
    /// </summary>
    private static bool OfAClauseBeforeTheAct(Document document, Sentence sentence, TextRange day)
    {
        // The pronoun first: most days have none after them, and then no word need be looked up.
        int pronoun = -1;
        for (int t = sentence.FirstToken; t < sentence.EndToken && pronoun < 0; t++)
        {
            var token = document.Tokens[t];
            if (token.Range.Start < day.End) continue;
            var word = document.Text.AsSpan(token.Start, token.Length);
            // "on Saturday afternoon, members of a militia who recovered the bodies said": past a comma the day's clause has ended.
            if (word is "," or ";") return false;
            if (word.Equals("who", StringComparison.OrdinalIgnoreCase) || word.Equals("which", StringComparison.OrdinalIgnoreCase)) pronoun = t;
        }
        if (pronoun < 0) return false;
        for (int t = sentence.FirstToken; t < pronoun; t++)
            if (!day.Contains(document.Tokens[t].Range) && IsActWord(document, sentence, t)) return false;
        return true;
    }

    // An event word, not in capitals: one in capitals is a name or a dateline's month ("CARACAS, March 10 -").
    private static bool IsActWord(Document document, Sentence sentence, int t)
    {
        var text = document.TextOf(document.Tokens[t].Range);
        return !(t > sentence.FirstToken && char.IsUpper(text[0])) && (EventLexicon.Of(text.ToLowerInvariant()) & EventCue.Trigger) != 0;
    }

    /// <summary>
    /// The day that the sentences after an undated lead name for it: the first day of their own (not
    /// of a telling) in the rest of its paragraph or the next, in sentences that tell no event of their
    /// own (<paramref name="tellsNoEvent"/>), no later than the report and within the news of the week
    /// or within the month or year the lead names ("last month ... on July 11"). Null when there is none.
    /// </summary>
    internal static DateOnly? FollowingDay(Document document, int lead, int[] paragraphs, Func<int, bool> tellsNoEvent, TextRange? dateline)
    {
        var sentences = document.Sentences;
        string? period = PeriodNamed(document, sentences[lead].Range);
        for (int s = lead + 1; s < sentences.Length && paragraphs[s] <= paragraphs[lead] + 1; s++)
        {
            if (!tellsNoEvent(s)) break;
            var (day, precision) = When(document, s, sentences[s].Range, dateline);
            if (precision != 1) continue;
            bool recent = day <= document.Date && day >= document.Date.AddDays(-NewsOfTheWeek);
            bool inPeriod = period is not null && day <= document.Date && day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).StartsWith(period, StringComparison.Ordinal);
            return recent || inPeriod ? day : null;
        }
        return null;
    }

    private const int NewsOfTheWeek = 7;

    // The month or year a sentence names ("last month": "2016-07", "last year": "2020"), or null.
    private static string? PeriodNamed(Document document, TextRange range)
    {
        foreach (var t in document.Times)
            if (range.Contains(t.Range) && t.Type == TimexType.Date && (t.Precision is TimePrecision.Month or TimePrecision.Year)) return t.Value.Text;
        return null;
    }

    internal static bool AfterReportingVerb(Document document, TextRange time)
    {
        var before = document.Text.AsSpan(Math.Max(0, time.Start - 32), time.Start - Math.Max(0, time.Start - 32)).TrimEnd();
        if (before.EndsWith(" on", StringComparison.Ordinal)) before = before[..^3].TrimEnd();
        foreach (var verb in ReportingVerbs)
            if (before.EndsWith(verb, StringComparison.Ordinal)) return true;
        return false;
    }

    internal static readonly string[] ReportingVerbs = ["said", "told reporters", "announced", "reported", "stated", "added", "confirmed", "claimed", "claimed responsibility", "denied"];
}
