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
            if (sentence.Range.Contains(t.Range) && !(dateline is { } d && d.Contains(t.Range)) && t.Value.Length == 13 && t.Value[10] == 'T')
                return t.Value[11..];
        return null;
    }

    /// <summary>
    /// The sentence's own day (precision 1), else the day of its telling or the report date (precision
    /// 2: not the event's own). The day of the telling ("the president said on Sunday that … on
    /// Saturday") gives way to the day of the event, and the dateline's day ("KINSHASA, Jan 22 -") is
    /// when the report was filed, not the event's.
    /// </summary>
    internal static (DateOnly Date, int Precision) When(Document document, int s, TextRange? dateline)
    {
        var sentence = document.Sentences[s];
        DateOnly? telling = null, other = null, clock = null;
        foreach (var t in document.Times)
        {
            if (!sentence.Range.Contains(t.Range) || dateline is { } d && d.Contains(t.Range) || !IsoDate.TryParseDay(t.Value, out var day)) continue;
            // "Saturday's car bombings": the day that owns the event word.
            var after = document.Text.AsSpan(t.Range.End);
            if (after.StartsWith("'s", StringComparison.Ordinal) || after.StartsWith("’s", StringComparison.Ordinal)) return (day, 1);
            // A clock time is resolved against the report's day; a day named beside it says which ("9 p.m. on Wednesday").
            if (t.Type == TimexType.Time) clock ??= day;
            else if (AfterReportingVerb(document, t.Range)) telling ??= day;
            else other ??= day;
        }
        // "The ministry said on Sunday that 32 people had died": the day of the telling is no day of the event's own.
        if ((other ?? clock) is { } found) return (found, 1);
        return (telling ?? document.Date, 2);
    }

    internal static bool AfterReportingVerb(Document document, TextRange time)
    {
        var before = document.Text.AsSpan(Math.Max(0, time.Start - 24), time.Start - Math.Max(0, time.Start - 24)).TrimEnd();
        if (before.EndsWith(" on", StringComparison.Ordinal)) before = before[..^3].TrimEnd();
        foreach (var verb in ReportingVerbs)
            if (before.EndsWith(verb, StringComparison.Ordinal)) return true;
        return false;
    }

    internal static readonly string[] ReportingVerbs = ["said", "told reporters", "announced", "reported", "stated", "added", "confirmed"];
}
