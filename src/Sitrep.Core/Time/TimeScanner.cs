using System.Globalization;
using Sitrep.Documents;
using Sitrep.Numbers;

namespace Sitrep.Time;

/// <summary>What a report has said about time so far: the day, month and year that "the same day",
/// "the following month" and "later that year" refer back to.</summary>
internal sealed class TimeContext(DateOnly reportDate)
{
    public DateOnly ReportDate { get; } = reportDate;

    public DateOnly LastDay { get; set; } = reportDate;

    public (int Year, int Month)? LastMonth { get; set; }

    public int? LastYear { get; set; }

    public (int Year, int Quarter)? LastQuarter { get; set; }
}

/// <summary>
/// Finds and resolves the temporal expressions of one sentence against the report date, TIMEX3
/// style: calendar dates in every common order, weekdays (the last one before the report, or the
/// next one in a future-tense clause), relative days, weeks, months, quarters and years, parts of
/// the day, "ago" phrases, durations, frequencies, clock times and "now"-type references.
/// </summary>
internal ref struct TimeScanner
{
    private readonly string _text;
    private readonly ReadOnlySpan<Token> _t;
    private readonly TimeContext _context;
    private readonly List<TimeExpression> _found;

    private TimeScanner(string text, ReadOnlySpan<Token> tokens, TimeContext context, List<TimeExpression> found)
    {
        _text = text;
        _t = tokens;
        _context = context;
        _found = found;
    }

    private readonly DateOnly Dct => _context.ReportDate;

    /// <summary>A match: tokens <c>[Start, End)</c> and the resolved value.</summary>
    private readonly record struct Match(int Start, int End, string Value, TimePrecision Precision, TimexType Type = TimexType.Date)
    {
        /// <summary>True for a quarter named in the text, which later "the quarter" and "a year earlier" refer to.</summary>
        public bool NamesQuarter { get; init; }
    }

    /// <summary>Appends the temporal expressions among <paramref name="tokens"/> (one sentence) to <paramref name="found"/>.</summary>
    public static void Scan(string text, ReadOnlySpan<Token> tokens, TimeContext context, List<TimeExpression> found) =>
        new TimeScanner(text, tokens, context, found).Run();

    private void Run()
    {
        int i = 0;
        while (i < _t.Length)
        {
            if (TryAt(i) is { } m)
            {
                _found.Add(new TimeExpression(new TextRange(_t[m.Start].Start, _t[m.End - 1].End), m.Value, m.Precision, m.Type));
                Remember(m);
                i = m.End;
            }
            else
            {
                i++;
            }
        }
    }

    // The day, month, quarter and year an expression names, for "the same day", "the following month",
    // "that quarter" and "later that year" after it.
    private void Remember(Match m)
    {
        if (m.Precision == TimePrecision.Day && TimexValue.TryParseDay(m.Value, out var day)
            || m.Precision == TimePrecision.PartOfDay && m.Value.Length > 10 && TimexValue.TryParseDay(m.Value.AsSpan(0, 10), out day))
            _context.LastDay = day;
        if (m.Precision is not (TimePrecision.Day or TimePrecision.Month or TimePrecision.Year or TimePrecision.Quarter or TimePrecision.Season)
            || m.Value.Length < 4 || !int.TryParse(m.Value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year))
            return;
        _context.LastYear = year;
        // A quarter still ahead ("into the fourth quarter", "through the third quarter of 1990") is a
        // forecast, not the quarter whose results "a year earlier" and "the year-ago period" compare with.
        if (m.NamesQuarter && QuarterIsReported(year, m.Value[6] - '0', m))
            _context.LastQuarter = (year, m.Value[6] - '0');
        if (m.Value.Length >= 7 && m.Value[4] == '-' && int.TryParse(m.Value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int month))
            _context.LastMonth = (year, month);
    }

    // A quarter over by the report date, or begun and told in the past (a fiscal quarter: "reported a
    // decline in fourth-quarter earnings" on 2 November).
    private readonly bool QuarterIsReported(int year, int quarter, Match m)
    {
        var first = new DateOnly(year, quarter * 3 - 2, 1);
        return first.AddMonths(3) <= _context.ReportDate || (first <= _context.ReportDate && ClauseTense(m.Start, m.End) == Tense.Past);
    }

    private Match? TryAt(int i) => !CanStart(i) || IsTitle(i) ? null : Expression(i);

    // A programme or film named in quotes ("60 Minutes", ABC's "This Week"), and the idiom "high noon".
    private readonly bool IsTitle(int i)
    {
        if (Is(i, "noon") && Is(i - 1, "high")) return true;
        if (i == 0 || !IsQuote(i - 1)) return false;
        int unit = _t[i].Kind == TokenKind.Number || Is(i, "this") ? i + 1 : i;
        return unit < _t.Length && char.IsUpper(_text[_t[unit].Start]) && TimeLexicon.Units.ContainsKey(W(unit));
    }

    private readonly bool IsQuote(int i) => W(i) is "\"" or "``" or "`" or "''" or "'" or "\u201C" or "\u2018";

    private Match? Expression(int i) =>
        PartOfDayOf(i) ?? DayBeside(i) ?? SameDay(i) ?? CalendarDate(i) ?? CoordinatedDay(i) ?? Weekday(i) ?? Holiday(i) ?? Quarter(i) ?? Relative(i) ?? PartOfDayAlone(i) ?? Season(i) ?? Ago(i)
        ?? Duration(i) ?? Year(i) ?? Frequency(i) ?? Clock(i);

    // One lookup rules out most tokens: numbers, months, weekdays, number words, parts of the day and the starter words.
    private readonly bool CanStart(int i)
    {
        if (_t[i].Kind == TokenKind.Number) return true;
        if (_t[i].Kind is not (TokenKind.Word or TokenKind.Abbreviation)) return false;
        var w = W(i);
        return TimeLexicon.Starters.Contains(w) || TimeLexicon.Months.ContainsKey(w) || TimeLexicon.Weekdays.ContainsKey(w)
               || TimeLexicon.PartsOfDay.ContainsKey(w) || TimeLexicon.Units.ContainsKey(w) || CountWord(w) is not null || TimeLexicon.HolidayNames.ContainsKey(w)
               || Decade(i) is not null || w.Contains('-') || Is(i + 1, "century"); // "a 20th century democrat"
    }

    // "the night of January 6" → 2022-01-06TNI
    private Match? PartOfDayOf(int i)
    {
        int j = Is(i, "the") ? i + 1 : i;
        if (j + 1 >= _t.Length || !TimeLexicon.PartsOfDay.TryGetValue(W(j), out var code) || !Is(j + 1, "of")) return null;
        if ((CalendarDate(j + 2) ?? Weekday(j + 2)) is not { Precision: TimePrecision.Day } day) return null;
        return new Match(i, day.End, day.Value + "T" + code, TimePrecision.PartOfDay);
    }

    // "the day before last Tuesday", "the day after Jan. 6": a day from the day named.
    private Match? DayBeside(int i)
    {
        if (!Is(i, "the") || !Is(i + 1, "day") || !(Is(i + 2, "before") || Is(i + 2, "after"))) return null;
        if ((Weekday(i + 3) ?? CalendarDate(i + 3) ?? Relative(i + 3)) is not { Precision: TimePrecision.Day } named || !TimexValue.TryParseDay(named.Value, out var day))
            return null;
        return new Match(i, named.End, Iso(day.AddDays(Is(i + 2, "before") ? -1 : 1)), TimePrecision.Day);
    }

    // "earlier on the same day", "that day", "hours later": the day last mentioned, else the report date.
    private Match? SameDay(int i)
    {
        if ((Is(i, "hours") || Is(i, "minutes") || Is(i, "moments")) && (Is(i + 1, "later") || Is(i + 1, "earlier")))
            return new Match(i, i + 2, Iso(_context.LastDay), TimePrecision.Day);
        int j = i;
        if (Is(j, "earlier") || Is(j, "later")) j++;
        if (Is(j, "on") || Is(j, "in")) j++;
        int end;
        if (Is(j, "the") && Is(j + 1, "same") && Is(j + 2, "day")) end = j + 3;
        else if (Is(j, "that") && Is(j + 1, "same") && Is(j + 2, "day")) end = j + 3;
        else if (Is(j, "that") && Is(j + 1, "day")) end = j + 2;
        else return AnaphoricPeriod(i, j);
        return new Match(i, end, Iso(_context.LastDay), TimePrecision.Day);
    }

    // "later that year", "the following year", "the following month", "that month", "that quarter":
    // the year, month or quarter last named in the report.
    private readonly Match? AnaphoricPeriod(int start, int j)
    {
        int shift = Is(j, "the") && (Is(j + 1, "following") || Is(j + 1, "next")) ? 1 : Is(j, "that") || (Is(j, "the") && Is(j + 1, "same")) ? 0 : -1;
        if (shift < 0) return null;
        int unitAt = Is(j, "that") ? j + 1 : j + 2;
        if (Is(unitAt, "year") && _context.LastYear is int year && !Is(unitAt + 1, "'s"))
            return new Match(start, unitAt + 1, $"{year + shift:D4}", TimePrecision.Year);
        if (Is(unitAt, "month") && _context.LastMonth is var (y, m))
        {
            var month = new DateOnly(y, m, 1).AddMonths(shift);
            return new Match(start, unitAt + 1, $"{month:yyyy-MM}", TimePrecision.Month);
        }
        if (Is(unitAt, "quarter") && shift == 0 && _context.LastQuarter is var (qy, q))
            return new Match(start, unitAt + 1, $"{qy:D4}-Q{q}", TimePrecision.Quarter);
        return null;
    }

    // "January 6", "Jan. 6, 2022", "6 January 2022", "January 2022", "January".
    private Match? CalendarDate(int i)
    {
        if (i >= _t.Length) return null;
        int start = i;
        if ((Is(i, "early") || Is(i, "late") || Is(i, "mid")) && i + 1 < _t.Length && TimeLexicon.Months.TryGetValue(W(i + 1), out _)) i++;
        int shift = Is(i, "last") ? -1 : Is(i, "next") ? 1 : Is(i, "this") ? 0 : int.MinValue;
        if (shift != int.MinValue && i + 1 < _t.Length && TimeLexicon.Months.TryGetValue(W(i + 1), out int shifted) && DayNumber(i + 2) is null)
        {
            int year = shift < 0 ? (shifted < Dct.Month ? Dct.Year : Dct.Year - 1) : shift > 0 ? (shifted > Dct.Month ? Dct.Year : Dct.Year + 1) : Dct.Year;
            return new Match(start, i + 2, $"{year:D4}-{shifted:D2}", TimePrecision.Month);
        }
        if (MonthWithEdge(i) is int edged) // "mid-November", "late-November"
            return new Match(start, i + 1, $"{YearOfMonth(edged, ClauseTense(start, i + 1)):D4}-{edged:D2}", TimePrecision.Month);
        if (TimeLexicon.Months.TryGetValue(W(i), out int month))
        {
            // "in May for", "since March": a preposition of time makes a capitalised month a month.
            bool afterTimePreposition = start == i && TimeLexicon.TimePrepositions.Contains(W(i - 1));
            if (!afterTimePreposition && IsMayTheVerb(i, month)) return null;
            // "Jan Kavan", "the March for Life": an abbreviation needs a number; a month is not followed by "of"/"for".
            bool abbreviated = W(i).Length <= 4 && W(i)[^1] != '.' && month != 5 && month != 6 && month != 7;
            if (abbreviated && DayNumber(i + 1) is null && YearNumber(i + 1) is null) return null;
            if ((Is(i + 1, "for") && !afterTimePreposition) || (Is(i + 1, "of") && YearNumber(i + 2) is null)) return null;
            if (DayNumber(i + 1) is int day)
            {
                int end = i + 2;
                int? year = null;
                if (Is(end, ",") && YearNumber(end + 1) is int y1) { year = y1; end += 2; }
                else if (YearNumber(end) is int y2) { year = y2; end += 1; }
                else if (RelativeYear(end) is (int y3, int yearEnd)) { year = y3; end = yearEnd; }
                var date = year is int yy ? SafeDate(yy, month, day) : InferYear(month, day, ClauseTense(start, end));
                return date is { } d ? new Match(start, end, Iso(d), TimePrecision.Day) : null;
            }
            if (YearNumber(i + 1) is int year2)
                return new Match(start, i + 2, $"{year2:D4}-{month:D2}", TimePrecision.Month);
            if (Is(i + 1, ",") && YearNumber(i + 2) is int year3)
                return new Match(start, i + 3, $"{year3:D4}-{month:D2}", TimePrecision.Month);
            if (SpelledYear(i + 1) is (int spelledYear, int spelledEnd))
                return new Match(start, spelledEnd, $"{spelledYear:D4}-{month:D2}", TimePrecision.Month);
            if (RelativeYear(i + 1) is (int year4, int end4))
                return new Match(start, end4, $"{year4:D4}-{month:D2}", TimePrecision.Month);
            return new Match(start, i + 1, $"{YearOfMonth(month, ClauseTense(start, i + 1)):D4}-{month:D2}", TimePrecision.Month);
        }
        if (DayNumber(i) is int d2 && i + 1 < _t.Length && TimeLexicon.Months.TryGetValue(W(i + 1), out int m2))
        {
            int end = i + 2;
            var date = YearNumber(end) is int y ? SafeDate(y, m2, d2) : InferYear(m2, d2, ClauseTense(start, end));
            if (YearNumber(end) is not null) end++;
            return date is { } d ? new Match(start, end, Iso(d), TimePrecision.Day) : null;
        }
        return null;
    }

    // "April 24 and 25", "May 3 through 5": the second day is in the month and year of the first (not
    // after "to": "rose on May 3 to 15 million").
    private Match? CoordinatedDay(int i)
    {
        if (i < 3 || DayNumber(i) is not int day || !(Is(i - 1, "and") || Is(i - 1, "or") || Is(i - 1, "through") || Is(i - 1, "-"))
            || DayNumber(i - 2) is null || !TimeLexicon.Months.TryGetValue(W(i - 3), out _)
            || CalendarDate(i - 3) is not { Precision: TimePrecision.Day } first || !TimexValue.TryParseDay(first.Value, out var firstDay))
            return null;
        return SafeDate(firstDay.Year, firstDay.Month, day) is { } d && d > firstDay ? new Match(i, i + 1, Iso(d), TimePrecision.Day) : null;
    }

    private readonly int? MonthWithEdge(int i)
    {
        var w = W(i);
        int hyphen = w.IndexOf('-');
        return hyphen > 0 && TimeLexicon.PeriodEdges.Contains(w[..hyphen]) && TimeLexicon.Months.TryGetValue(w[(hyphen + 1)..], out int month) ? month : null;
    }

    // "this year", "last year", "of next year" after a month: the year it names, and where it ends.
    private readonly (int Year, int End)? RelativeYear(int i)
    {
        if (Is(i, "of")) i++;
        if (!Is(i + 1, "year")) return null;
        if (Is(i, "this")) return (Dct.Year, i + 2);
        if (Is(i, "last")) return (Dct.Year - 1, i + 2);
        if (Is(i, "next")) return (Dct.Year + 1, i + 2);
        return null;
    }

    // "may" is a month only when capitalised inside a sentence and not followed by a verb.
    private readonly bool IsMayTheVerb(int i, int month) =>
        month == 5 && (i == 0 || (i + 1 < _t.Length && _t[i + 1].Kind == TokenKind.Word && char.IsLower(_text[_t[i + 1].Start])));

    // "Monday", "Monday night", "last Monday", "next Friday".
    private Match? Weekday(int i) => Weekday(i, i);

    // A weekday at i whose clause tense is read from tenseStart: a clock time before it ("until 9 a.m. Tuesday").
    private Match? Weekday(int i, int tenseStart)
    {
        int start = i;
        int direction = 0;
        // "the previous Friday", "the following Monday": counted from the day the report last named.
        if (Is(i, "the") && (Is(i + 1, "previous") || Is(i + 1, "preceding") || Is(i + 1, "following") || Is(i + 1, "next"))
            && TimeLexicon.Weekdays.TryGetValue(W(i + 2), out var narrated))
        {
            var from = _context.LastDay;
            var day = Is(i + 1, "previous") || Is(i + 1, "preceding") ? LastOnOrBefore(narrated, from.AddDays(-1)) : NextAfter(narrated, from);
            return new Match(start, i + 3, Iso(day), TimePrecision.Day);
        }
        if (Is(i, "last") || Is(i, "past")) { direction = -1; i++; }
        else if (Is(i, "next") || Is(i, "coming")) { direction = 1; i++; }
        if (i >= _t.Length || !TimeLexicon.Weekdays.TryGetValue(W(i), out var weekday)) return null;
        // "Monday, Oct. 26": the date says which Monday.
        if (start == i && CalendarDate(Is(i + 1, ",") ? i + 2 : i + 1) is { Precision: TimePrecision.Day } dated)
            return dated with { Start = start };
        // "Wednesday's ruling" names an event, which the clause's modal ("would look for ways around") does not move.
        bool possessive = i + 1 < _t.Length && _t[i + 1].Kind == TokenKind.Clitic;
        if (direction == 0) direction = !possessive && ClauseTense(Math.Min(start, tenseStart), i + 1) == Tense.Future ? 1 : -1;
        // "last Monday" is never the report's own day.
        var date = direction < 0 ? (start < i && Is(start, "last") ? LastOnOrBefore(weekday, Dct.AddDays(-1)) : LastOnOrBefore(weekday)) : NextAfter(weekday);
        if (i + 1 < _t.Length && TimeLexicon.PartsOfDay.TryGetValue(W(i + 1), out var code))
            return new Match(start, i + 2, Iso(date) + "T" + code, TimePrecision.PartOfDay);
        return new Match(start, i + 1, Iso(date), TimePrecision.Day);
    }

    private enum Tense { Unknown, Past, Future }

    // The tense of the clause around tokens [start, end): a deadline ("by", "until", "payable") is
    // ahead unless a past verb follows; otherwise the nearest cue before the expression ("will",
    // "is to", "as soon as", "was", a past participle; a reporting verb ends the search), else a
    // modal after it.
    private readonly Tense ClauseTense(int start, int end)
    {
        if (TimeLexicon.DeadlineWords.Contains(W(start - 1)))
            return PastCueAfter(start - 1, end) || PluperfectBefore(start - 1) ? Tense.Past : Tense.Future;
        int before = Is(start - 1, "on") ? start - 2 : start - 1;
        if (TimeLexicon.ReportingVerbs.Contains(W(before))) return Tense.Past; // "said Monday": when it was said
        for (int k = start - 1; k >= 0 && k >= start - 10; k--)
        {
            if (Is(k, ";") || TimeLexicon.ReportingVerbs.Contains(W(k))) break;
            if (CueAt(k) is var cue and not Tense.Unknown) return cue;
        }
        // After the expression, a modal ("On Tuesday, the league will ..."); when the expression opens the
        // sentence, any cue of the clause it opens ("In March, the company received ...").
        bool opening = before < 0 || (before == 0 && (Is(0, "in") || Is(0, "on") || Is(0, "since") || Is(0, "by")));
        for (int k = end; k < _t.Length && k < end + 8; k++)
        {
            if (Is(k, ";") || (Is(k, ",") && !(opening && k == end))) break;
            if (IsModalFuture(k)) return Tense.Future;
            if (opening && CueAt(k) == Tense.Past) return Tense.Past;
        }
        return Tense.Unknown;
    }

    // "until Thursday, they had ...", "not until Tuesday that Castro revealed"; past the comma only
    // when the deadline opens the sentence ("talks to conclude by May, invited Sinn Fein" stays ahead).
    private readonly bool PastCueAfter(int deadline, int end)
    {
        bool sameClause = true;
        bool opensSentence = deadline <= 1;
        int near = Is(end, ",") ? end + 5 : end + 4; // "by Monday, officials hardened": the clause the phrase opens
        for (int k = end; k < _t.Length && k < end + 8; k++)
        {
            if (Is(k, ";")) break;
            if (Is(k, ",") && (k > end || !opensSentence)) sameClause = false;
            if (Is(k, "was") || Is(k, "were") || Is(k, "had") || Is(k, "did")) return true;
            if (sameClause && k < near && CueAt(k) == Tense.Past) return true;
        }
        return false;
    }

    // "had been due to expire Friday", "had been scheduled to expire": a deadline already past when reported.
    private readonly bool PluperfectBefore(int deadline)
    {
        for (int k = deadline - 1; k >= 0 && k >= deadline - 5; k--)
        {
            if (Is(k, ",") || Is(k, ";") || TimeLexicon.ReportingVerbs.Contains(W(k))) return false;
            if (Is(k, "had") && Is(k + 1, "been")) return true;
        }
        return false;
    }

    private readonly bool IsModalFuture(int k) =>
        Is(k, "will") || Is(k, "'ll") || Is(k, "’ll") || Is(k, "shall") || (Is(k, "to") && (Is(k - 1, "is") || Is(k - 1, "are")));

    private readonly Tense CueAt(int k)
    {
        // "plans to", "planned for", "planned a rally": the noun ("a cooperation plan") and the past ("as planned") are no cue.
        if (Is(k, "plan") || Is(k, "plans") || Is(k, "planned") || Is(k, "planning"))
            return Is(k + 1, "to") || (Is(k, "planned") && Is(k + 1, "for")) || Is(k + 1, "a") || Is(k + 1, "an") ? Tense.Future : Tense.Unknown;
        // "had been scheduled to expire Friday": a plan already past.
        if (TimeLexicon.FutureMarkers.Contains(W(k))) return Is(k - 1, "been") && Is(k - 2, "had") ? Tense.Past : Tense.Future;
        if ((Is(k, "soon") || Is(k, "early")) && Is(k - 1, "as") && Is(k + 1, "as")) return Tense.Future; // "as soon as Tuesday"
        if (Is(k, "to") && (Is(k - 1, "is") || Is(k - 1, "are") || Is(k - 1, "set"))) return Tense.Future; // "is to resume", "set to open"
        if (Is(k, "was") || Is(k, "were") || Is(k, "had") || Is(k, "did") || Is(k, "ago")) return Tense.Past;
        // "killed", "held"; not "United", "need", a passive ("to be completed") nor an adjective ("an unspecified date").
        bool participle = TimeLexicon.PastMarkers.Contains(W(k))
            || (_t[k].Kind == TokenKind.Word && W(k).Length > 4 && char.IsLower(W(k)[0]) && W(k).EndsWith("ed", StringComparison.Ordinal)
                && !W(k).EndsWith("eed", StringComparison.Ordinal));
        return participle && !TimeLexicon.BeforeAdjectivalParticiple.Contains(W(k - 1)) ? Tense.Past : Tense.Unknown;
    }

    // "the weekend" in a report: the one just past, or this one when the report is from a weekend.
    private readonly string LastWeekend() => IsoWeek(LastOnOrBefore(DayOfWeek.Saturday)) + "-WE";

    private readonly DateOnly LastOnOrBefore(DayOfWeek day) => LastOnOrBefore(day, Dct);

    private static DateOnly LastOnOrBefore(DayOfWeek day, DateOnly limit) => limit.AddDays(-(((int)limit.DayOfWeek - (int)day + 7) % 7));

    private readonly DateOnly NextAfter(DayOfWeek day) => NextAfter(day, Dct);

    private static DateOnly NextAfter(DayOfWeek day, DateOnly from)
    {
        int ahead = ((int)day - (int)from.DayOfWeek + 7) % 7;
        return from.AddDays(ahead == 0 ? 7 : ahead);
    }

    // "in the morning", "by mid-afternoon", "overnight": a part of the day last mentioned.
    private readonly Match? PartOfDayAlone(int i)
    {
        if (Is(i, "overnight")) return new Match(i, i + 1, Iso(_context.LastDay.AddDays(-1)) + "TNI", TimePrecision.PartOfDay);
        if (!(Is(i - 1, "in") || Is(i - 1, "by") || Is(i - 1, "during") || Is(i - 1, "until"))) return null;
        int j = i;
        if (Is(j, "the")) j++;
        if (Is(j, "mid") || Is(j, "late") || Is(j, "early")) j++;
        var w = W(j);
        int hyphen = w.IndexOf('-');
        if (hyphen > 0 && TimeLexicon.PeriodEdges.Contains(w[..hyphen])) w = w[(hyphen + 1)..];
        if (j == i && hyphen < 0 && !Is(i, "mid")) return null; // a bare "morning" is not enough
        return j < _t.Length && TimeLexicon.PartsOfDay.TryGetValue(w, out var code) && !Is(j + 1, "of")
            ? new Match(i, j + 1, Iso(_context.LastDay) + "T" + code, TimePrecision.PartOfDay)
            : null;
    }

    // "today", "yesterday morning", "last night", "this week", "earlier this year", "next month", "now".
    private Match? Relative(int i)
    {
        var w = W(i);
        if (Is(i, "today")) return new Match(i, i + 1, Iso(Dct), TimePrecision.Day);
        if (Is(i, "tonight")) return new Match(i, i + 1, Iso(Dct) + "TNI", TimePrecision.PartOfDay);
        if (Is(i, "yesterday") || Is(i, "tomorrow"))
        {
            var day = Dct.AddDays(Is(i, "yesterday") ? -1 : 1);
            if (i + 1 < _t.Length && TimeLexicon.PartsOfDay.TryGetValue(W(i + 1), out var code))
                return new Match(i, i + 2, Iso(day) + "T" + code, TimePrecision.PartOfDay);
            return new Match(i, i + 1, Iso(day), TimePrecision.Day);
        }
        // "recent years", "recent weeks": a stretch of time reaching up to the report, of unknown length.
        if (Is(i, "recent") && i + 1 < _t.Length && TimeLexicon.Units.TryGetValue(W(i + 1), out char recentUnit) && recentUnit != 'K' && W(i + 1)[^1] == 's')
            return new Match(i, i + 2, DurationValue(null, recentUnit), TimePrecision.Unspecified, TimexType.Duration);
        if (Is(i, "year-earlier") || Is(i, "year-ago"))
        {
            // "the year-earlier quarter", "year-earlier profit": the same period a year before.
            int periodEnd = Is(i + 1, "quarter") || Is(i + 1, "period") ? i + 2 : i + 1;
            int periodStart = periodEnd == i + 2 && i > 0 && Is(i - 1, "the") ? i - 1 : i;
            var yearBefore = _context.LastQuarter is { } q ? $"{q.Year - 1:D4}-Q{q.Quarter}" : $"{Dct.Year - 1:D4}";
            return new Match(periodStart, periodEnd, yearBefore, _context.LastQuarter is null ? TimePrecision.Year : TimePrecision.Quarter);
        }
        if (Is(i, "soon") && i > 0 && Is(i - 1, "as")) return null; // "as soon as"
        // "current" and "recent" are times only before nouns that are not periods ("current realities", "the recent closing").
        bool beforePeriod = i + 1 < _t.Length && (TimeLexicon.Units.TryGetValue(W(i + 1), out _) || Is(i + 1, "fiscal"));
        if ((Is(i, "current") || Is(i, "recent")) && (i + 1 >= _t.Length || Is(i + 1, "account") || (Is(i, "recent") && beforePeriod)))
            return null;
        if (!(Is(i, "current") && beforePeriod) && TimeLexicon.References.TryGetValue(w, out var reference))
            return new Match(i, i + 1, reference, TimePrecision.Unspecified);
        if (TheYear(i) is { } year) return year;
        if (Is(i, "the") && Is(i + 1, "week") && Is(i + 2, "of") && CalendarDate(i + 3) is { Precision: TimePrecision.Day } weekOf
            && TimexValue.TryParseDay(weekOf.Value, out var weekDay))
            return new Match(i, weekOf.End, IsoWeek(weekDay), TimePrecision.Week);
        if (HalfYear(i) is { } half) return half;
        if (Is(i, "the") && (Is(i + 1, "near") || Is(i + 1, "short")) && (Is(i + 2, "future") || Is(i + 2, "term")))
            return new Match(i, i + 3, "FUTURE_REF", TimePrecision.Unspecified);
        if (Is(i, "the") && Is(i + 1, "weekend")) return new Match(i, i + 2, LastWeekend(), TimePrecision.Week);
        if (Is(i, "the") && (Is(i + 1, "past") || Is(i + 1, "future") || Is(i + 1, "present")) && !IsCountOrUnit(i + 2))
            return new Match(i, i + 2, Is(i + 1, "past") ? "PAST_REF" : Is(i + 1, "future") ? "FUTURE_REF" : "PRESENT_REF", TimePrecision.Unspecified);

        int start = i;
        if (Is(i, "the") && (Is(i + 1, "current") || Is(i + 1, "last") || Is(i + 1, "past") || Is(i + 1, "previous"))) i++;
        else if (Is(i, "earlier") || Is(i, "later") || Is(i, "early") || Is(i, "late") || Is(i, "mid")) i++;
        int shift;
        if (Is(i, "this") || Is(i, "current")) shift = 0;
        else if (Is(i, "last") || Is(i, "previous") || (Is(i, "past") && i > 0 && TimeLexicon.Units.TryGetValue(W(i + 1), out _))) shift = -1;
        else if (Is(i, "next")) shift = 1;
        else return null;
        if (Is(i + 1, "fiscal")) i++; // "the current fiscal year"
        if (i + 1 >= _t.Length) return null;
        if (Is(i + 1, "night") && shift <= 0) return new Match(start, i + 2, Iso(Dct.AddDays(shift == 0 ? 0 : -1)) + "TNI", TimePrecision.PartOfDay);
        if (shift == 0 && TimeLexicon.PartsOfDay.TryGetValue(W(i + 1), out var part))
            return new Match(start, i + 2, Iso(Dct) + "T" + part, TimePrecision.PartOfDay);
        if (TimeLexicon.Seasons.TryGetValue(W(i + 1), out var season))
            return new Match(start, i + 2, $"{Dct.Year + shift:D4}-{season}", TimePrecision.Season);
        if (!TimeLexicon.Units.TryGetValue(W(i + 1), out char unit) || W(i + 1)[^1] == 's') return null;
        string? value = unit switch
        {
            'W' => IsoWeek(Dct.AddDays(7 * shift)),
            'K' => IsoWeek(Dct.AddDays(7 * shift)) + "-WE",
            'M' => $"{Dct.AddMonths(shift):yyyy-MM}",
            'Y' => $"{Dct.Year + shift:D4}",
            'Q' => QuarterOf(Dct.AddMonths(3 * shift)),
            'D' => Iso(Dct.AddDays(shift)),
            _ => null,
        };
        if (value is null) return null;
        var precision = unit switch { 'W' or 'K' => TimePrecision.Week, 'M' => TimePrecision.Month, 'Y' => TimePrecision.Year, 'Q' => TimePrecision.Quarter, _ => TimePrecision.Day };
        return new Match(start, i + 2, value, precision);
    }

    // "Thanksgiving Day", "last Christmas", "Easter": the holiday's date in the year the clause points to.
    private Match? Holiday(int i)
    {
        int start = i;
        int direction = Is(i, "last") ? -1 : Is(i, "next") ? 1 : 0;
        if (direction != 0) i++;
        if (i >= _t.Length || !TimeLexicon.HolidayNames.TryGetValue(W(i), out var holiday)) return null;
        int end = i + 1;
        if (holiday.Second is { } second) // a two-word name: "Election Day", "New Year's Day"
        {
            if (Is(end, "year") && end + 1 < _t.Length && _t[end + 1].Kind == TokenKind.Clitic) end += 2;
            else if (!Is(end, second)) return null;
            else end++;
        }
        if (Is(end, "week")) // "Easter week": the week of the nearest one
            return holiday.Date(Dct.Year) is { } d0 ? new Match(start, end + 1, IsoWeek(d0), TimePrecision.Week) : null;
        if (Is(end, "Day") || Is(end, "Eve") || Is(end, "Sunday")) end++;
        bool eve = Is(end - 1, "Eve");
        DateOnly? On(int year) => holiday.Date(year) is { } d ? (eve ? d.AddDays(-1) : d) : null;
        var tense = direction < 0 ? Tense.Past : direction > 0 ? Tense.Future : ClauseTense(start, end);
        DateOnly? before = null, after = null;
        for (int year = Dct.Year - 1; year <= Dct.Year + 1; year++)
        {
            if (On(year) is not { } d) continue;
            if (d < Dct || (d == Dct && direction == 0)) before = d;
            if (d > Dct && after is null) after = d;
        }
        DateOnly? chosen = tense switch
        {
            Tense.Past => before,
            Tense.Future => after,
            _ => before is { } b && after is { } a ? (Dct.DayNumber - b.DayNumber <= a.DayNumber - Dct.DayNumber ? b : a) : before ?? after,
        };
        return chosen is { } day ? new Match(start, end, Iso(day), TimePrecision.Day) : null;
    }

    // "the summer", "the early summer", "this past spring", "the winter of 1994": the season
    // begun most recently (or, in a future clause, the next one), unless a year is named.
    private Match? Season(int i)
    {
        int start = i;
        if (Is(i, "this") && Is(i + 1, "past")) i += 2;
        else if (Is(i, "the")) i++;
        else return null;
        if (Is(i, "early") || Is(i, "late")) i++;
        if (i >= _t.Length || !TimeLexicon.Seasons.TryGetValue(W(i), out var code)) return null;
        int end = i + 1;
        int startMonth = code switch { "SP" => 3, "SU" => 6, "FA" => 9, _ => 12 };
        int year;
        if (Is(end, "of") && YearNumber(end + 1) is int named) (year, end) = (named, end + 2);
        else if (Is(end, "of") && SpelledYear(end + 1) is (int spelled, int spelledEnd)) (year, end) = (spelled, spelledEnd);
        else if (ClauseTense(start, end) == Tense.Future) year = Dct.Month < startMonth ? Dct.Year : Dct.Year + 1;
        else year = Dct.Month >= startMonth ? Dct.Year : Dct.Year - 1;
        return new Match(start, end, $"{year:D4}-{code}", TimePrecision.Season);
    }

    // "the year", "the full year", "the fiscal year", "the end of the year", "year-end": in news,
    // the report's year; "the year ended Sept. 30" is a year's length ending on that date.
    private readonly Match? TheYear(int i)
    {
        int start = i;
        if (Is(i, "the") && Is(i + 1, "end") && Is(i + 2, "of") && (Is(i + 3, "the") || Is(i + 3, "this")) && Is(i + 4, "year"))
            return new Match(start, i + 5, $"{Dct.Year:D4}", TimePrecision.Year);
        if ((Is(i, "year-end") || (Is(i, "year") && (Is(i + 1, "end") || (Is(i + 1, "'s") && Is(i + 2, "end"))))) && !Is(i - 1, "the"))
            return new Match(start, Is(i, "year-end") ? i + 1 : Is(i + 1, "end") ? i + 2 : i + 3, $"{Dct.Year:D4}", TimePrecision.Year);
        if (!Is(i, "the")) return null;
        i++;
        if (Is(i, "full") || Is(i, "fiscal")) i++;
        if (!Is(i, "year") || i + 1 < _t.Length && _t[i + 1].Kind is TokenKind.Number or TokenKind.Clitic) return null;
        if (Is(i + 1, "ended") || Is(i + 1, "ending"))
            return new Match(start, i + 1, "P1Y", TimePrecision.Unspecified, TimexType.Duration);
        if (Is(i + 1, "before") || Is(i + 1, "after") || Is(i + 1, "earlier") || Is(i + 1, "later") || Is(i + 1, "two")) return null;
        return new Match(start, i + 1, $"{Dct.Year:D4}", TimePrecision.Year);
    }

    // "the first half of 1990", "the last half of this year", "the first two quarters of 1990": TIMEX3 H1/H2.
    private readonly Match? HalfYear(int i)
    {
        int j = Is(i, "the") ? i + 1 : i;
        int half;
        if (Is(j, "first") && Is(j + 1, "half")) (half, j) = (1, j + 2);
        else if ((Is(j, "second") || Is(j, "last") || Is(j, "latter")) && Is(j + 1, "half")) (half, j) = (2, j + 2);
        else if ((Is(j, "first") || Is(j, "last")) && Is(j + 1, "two") && Is(j + 2, "quarters")) (half, j) = (Is(j, "first") ? 1 : 2, j + 3);
        else return null;
        if (!Is(j, "of")) return null;
        if (YearNumber(j + 1) is int year) return new Match(i, j + 2, $"{year:D4}-H{half}", TimePrecision.Unspecified);
        if (RelativeYear(j) is (int relative, int end)) return new Match(i, end, $"{relative:D4}-H{half}", TimePrecision.Unspecified);
        return null;
    }

    // "two years ago", "a week ago", "a year earlier".
    private Match? Ago(int i)
    {
        if (Count(i) is not (int n, int afterCount) || afterCount + 1 >= _t.Length) return null;
        if (!TimeLexicon.Units.TryGetValue(W(afterCount), out char unit)) return null;
        int sign;
        if (Is(afterCount + 1, "ago") || Is(afterCount + 1, "earlier") || Is(afterCount + 1, "before")) sign = -1;
        else if (Is(afterCount + 1, "later") || Is(afterCount + 1, "hence")) sign = 1;
        else return null;
        // "A day later", "two days earlier" count from the day the story last named (TimeML's anaphoric
        // reference time); "ago" and "hence" from the report's.
        var from = Is(afterCount + 1, "ago") || Is(afterCount + 1, "hence") ? Dct : _context.LastDay;
        int end = afterCount + 2;
        int k = sign * n;
        // In a report about a quarter, "a year earlier" is that quarter a year before, unless the
        // sentence is about a longer stretch ("the first nine months, compared with 40% a year earlier").
        if (unit == 'Y' && _context.LastQuarter is { } quarter && !NamesLongerPeriodBefore(i))
            return new Match(i, end, $"{quarter.Year + k:D4}-Q{quarter.Quarter}", TimePrecision.Quarter);
        return unit switch
        {
            'D' => new Match(i, end, Iso(from.AddDays(k)), TimePrecision.Day),
            'W' => new Match(i, end, IsoWeek(from.AddDays(7 * k)), TimePrecision.Week),
            'M' => new Match(i, end, $"{Dct.AddMonths(k):yyyy-MM}", TimePrecision.Month),
            'Y' => new Match(i, end, $"{Dct.Year + k:D4}", TimePrecision.Year),
            'Q' => new Match(i, end, QuarterOf(Dct.AddMonths(3 * k)), TimePrecision.Quarter),
            'E' => new Match(i, end, $"{Dct.Year + 10 * k:D4}", TimePrecision.Year), // "a decade ago"
            _ => null,
        };
    }

    // "nine months", "six months", "the first half", "the year", "fiscal year" before token i in the sentence.
    private readonly bool NamesLongerPeriodBefore(int i)
    {
        for (int k = 1; k < i; k++)
        {
            if (Is(k, "months") && (Is(k - 1, "nine") || Is(k - 1, "six") || Is(k - 1, "9") || Is(k - 1, "6"))) return true;
            if (Is(k, "half") && (Is(k - 1, "first") || Is(k - 1, "second"))) return true;
            if (Is(k, "year") && (Is(k - 1, "the") || Is(k - 1, "fiscal") || Is(k - 1, "full"))) return true;
        }
        return false;
    }

    // "the third quarter", "third-quarter", "the third quarter of 1984", "this year's third quarter",
    // "the 1988 third quarter", "the year-earlier third quarter", "the latest quarter", "the quarter".
    private Match? Quarter(int i)
    {
        int j = Is(i, "the") ? i + 1 : i;
        if (j >= _t.Length) return null;
        int? year = null;
        bool yearBefore = false;
        if (YearNumber(j) is int named) { year = named; j++; }
        else if (Is(j + 1, "year") && j + 2 < _t.Length && _t[j + 2].Kind == TokenKind.Clitic && RelativeYear(j) is (int relative, _)) { year = relative; j += 3; }
        else if (j > i && (Is(j, "year-earlier") || Is(j, "year-ago"))) { yearBefore = true; j++; }
        if (j >= _t.Length) return null;
        var w = W(j);
        if (w.StartsWith("fiscal-", StringComparison.OrdinalIgnoreCase)) w = w[7..]; // "the fiscal-first quarter"
        int hyphen = w.IndexOf('-');
        int quarter, end;
        if (hyphen > 0 && w[(hyphen + 1)..].Equals("quarter", StringComparison.OrdinalIgnoreCase) && TimeLexicon.Ordinals.TryGetValue(w[..hyphen], out int q1))
            (quarter, end) = (q1, j + 1);
        else if (TimeLexicon.Ordinals.TryGetValue(w, out int q) && Is(j + 1, "quarter"))
            (quarter, end) = (q, j + 2);
        else if (year is int y0 && Is(j, "quarter") && _context.LastQuarter is { } last) // "the 1988 quarter": the quarter under discussion
            return new Match(i, j + 1, $"{y0:D4}-Q{last.Quarter}", TimePrecision.Quarter);
        else if (year is null && !yearBefore && j > i && (Is(j, "latest") || Is(j, "recent") || Is(j, "past")) && (Is(j + 1, "quarter") || (Is(j, "latest") && Is(j + 1, "period"))))
            return new Match(i, j + 2, QuarterOf(Dct.AddMonths(-3)), TimePrecision.Quarter);
        else if (year is null && !yearBefore && j > i && Is(j, "quarter") && !Is(j + 1, "of"))
        {
            var (qYear, qNumber) = _context.LastQuarter ?? QuarterParts(Dct.AddMonths(-3));
            // "the quarter a year ago": the quarter under discussion, a year before.
            if ((Is(j + 1, "a") || Is(j + 1, "one")) && Is(j + 2, "year") && (Is(j + 3, "ago") || Is(j + 3, "earlier")))
                return new Match(i, j + 4, $"{qYear - 1:D4}-Q{qNumber}", TimePrecision.Quarter);
            return new Match(i, j + 1, $"{qYear:D4}-Q{qNumber}", TimePrecision.Quarter);
        }
        else return null;
        if (year is null && Is(end, "of") && YearNumber(end + 1) is int after) { year = after; end += 2; }
        else if (year is null && RelativeYear(end) is (int relativeAfter, int relativeEnd) && Is(end, "of")) { year = relativeAfter; end = relativeEnd; }
        string value = year is int y ? $"{y:D4}-Q{quarter}" : QuarterValue(quarter);
        if (yearBefore) value = $"{int.Parse(value[..4], CultureInfo.InvariantCulture) - 1:D4}{value[4..]}";
        return new Match(i, end, value, TimePrecision.Quarter) { NamesQuarter = true };
    }

    // The quarter of this year when it has begun, else of last year.
    private readonly string QuarterValue(int quarter)
    {
        int current = (Dct.Month - 1) / 3 + 1;
        return $"{(quarter <= current ? Dct.Year : Dct.Year - 1):D4}-Q{quarter}";
    }

    // "three days", "the past two months", "the first nine months", "a six-month state", "48 hours".
    private Match? Duration(int i)
    {
        int start = i;
        if (Is(i, "the")) i++;
        if (Is(i, "past") || Is(i, "last") || Is(i, "next") || Is(i, "first") || Is(i, "coming") || Is(i, "previous") || Is(i, "following")) i++;
        if (i >= _t.Length) return null;
        // One hyphenated word: "six-month", "30-day", "five-year" (not "22-year-old").
        var w = W(i);
        int hyphen = w.IndexOf('-');
        if (hyphen > 0 && w.LastIndexOf('-') == hyphen && w[^1] != 's' && TimeLexicon.Units.TryGetValue(w[(hyphen + 1)..], out char unit1)
            && CountWord(w[..hyphen]) is int n1)
            return new Match(start, i + 1, DurationValue(n1, unit1), TimePrecision.Unspecified, TimexType.Duration);

        int? n;
        int afterCount;
        bool vague = false;
        if (Is(i, "a") && Is(i + 1, "few")) { n = null; afterCount = i + 2; vague = true; }
        else if (Count(i) is (int counted, int after)) { n = counted; afterCount = after; }
        else if (Is(i, "several") || Is(i, "few") || Is(i, "many")) { n = null; afterCount = i + 1; vague = true; }
        else if (i > start && TimeLexicon.Units.TryGetValue(W(i), out _) && W(i)[^1] == 's') { n = null; afterCount = i; }
        else if (i == start && IsBarePluralUnit(i)) { n = null; afterCount = i; } // "for years", "within weeks"
        else return null;
        bool half = false;
        if (n is not null && Is(afterCount, "1/2")) { half = true; afterCount++; } // "2 1/2 years"
        if (n is not null && TimeLexicon.UnitModifiers.Contains(W(afterCount))) afterCount++; // "20 more years", "eight trading days"
        if (afterCount >= _t.Length || !TimeLexicon.Units.TryGetValue(W(afterCount), out char unit) || unit == 'K') return null;
        int end = afterCount + 1;
        if (Is(end, "old") || (unit == 'Q' && Is(end, "of"))) return null; // "37 years old", "a quarter of the market"
        if (vague && Is(end, "ago")) return new Match(start, end + 1, "PAST_REF", TimePrecision.Unspecified); // "several years ago"
        if (Is(start, "one") && unit == 'D' && end == start + 2 && TimeLexicon.FutureMarkers.Contains(W(start - 1)))
            return new Match(start, end, "FUTURE_REF", TimePrecision.Unspecified); // "Islam will one day be"
        if (n is not null && Is(end, "and") && Is(end + 1, "a") && Is(end + 2, "half")) { half = true; end += 3; } // "a minute and a half"
        // "four flights a week", "$500 million a year": a rate, not a length of time.
        if (Is(i, "a") && start == i && i > 0 && (_t[i - 1].Kind == TokenKind.Number || NumberLexicon.Scales.TryGetValue(W(i - 1), out _)
            || (_t[i - 1].Kind == TokenKind.Word && char.IsLower(_text[_t[i - 1].Start]) && W(i - 1).Length > 3 && W(i - 1)[^1] == 's')))
            return null;
        return new Match(start, end, half && n is int whole ? HalfDurationValue(whole, unit) : DurationValue(n, unit), TimePrecision.Unspecified, TimexType.Duration);
    }

    // A plural unit after "for", "within", "in" or "over" that names a stretch of time by itself.
    private readonly bool IsBarePluralUnit(int i) =>
        TimeLexicon.Units.TryGetValue(W(i), out char unit) && unit != 'K' && W(i)[^1] == 's'
        && (Is(i - 1, "for") || Is(i - 1, "within") || Is(i - 1, "in") || Is(i - 1, "over"))
        && !Is(i + 1, "of") && !Is(i + 1, "ago") && !Is(i + 1, "old") && !Is(i + 1, "later") && !Is(i + 1, "earlier");

    // "2 1/2 years" → P2Y6M, "5 1/2 hours" → PT5H30M; units without a finer one keep the whole.
    private static string HalfDurationValue(int whole, char unit) => unit switch
    {
        'Y' => $"P{whole}Y6M",
        'D' => $"P{whole}DT12H",
        'H' => $"PT{whole}H30M",
        'm' => $"PT{whole}M30S",
        _ => DurationValue(whole, unit),
    };

    private static string DurationValue(int? n, char unit)
    {
        string count = n?.ToString(CultureInfo.InvariantCulture) ?? "X";
        return unit switch
        {
            'H' => $"PT{count}H",
            'm' => $"PT{count}M",
            'E' => n is int d ? $"P{d * 10}Y" : "PXE",
            'Q' => n is int q ? $"P{q * 3}M" : "PXM", // ISO 8601 has no quarter unit
            'C' => n is int c ? $"P{c * 100}Y" : "PXC",
            _ => $"P{count}{unit}",
        };
    }

    // "1998", "fiscal 1989", "mid-1996", "the 1990s", "the nineties", "nineteen ninety-six", "the year two thousand".
    private Match? Year(int i)
    {
        int start = i;
        if (Is(i, "fiscal")) i++;
        if (Century(i) is { } century) return century;
        if (Is(i, "the") && Is(i + 1, "year") && SpelledYear(i + 2) is (int named, int namedEnd))
            return new Match(start, namedEnd, $"{named:D4}", TimePrecision.Year);
        if (Is(i, "the") && i + 1 < _t.Length && (Is(i + 1, "early") || Is(i + 1, "late") || Is(i + 1, "mid")) && Decade(i + 2) is { } early)
            return new Match(start, i + 3, early, TimePrecision.Decade);
        if (Is(i, "the") && i + 1 < _t.Length && Decade(i + 1) is { } decade) return new Match(start, i + 2, decade, TimePrecision.Decade);
        if (i < _t.Length && Decade(i) is { } bare) return new Match(start, i + 1, bare, TimePrecision.Decade);
        if (SpelledYear(i) is (int spelled, int spelledEnd) && Is(i, "nineteen")) return new Match(start, spelledEnd, $"{spelled:D4}", TimePrecision.Year);
        if (i < _t.Length && PrefixedYear(i) is int prefixed) return new Match(start, i + 1, $"{prefixed:D4}", TimePrecision.Year);
        if (YearNumber(i) is not int year) return null;
        // "Kopp's 1987 Chevrolet" is a model year; "the company's 1989 operating results" a year.
        if (i > 0 && _t[i - 1].Kind == TokenKind.Clitic && (i + 1 >= _t.Length || !IsLowerWord(i + 1))) return null;
        if (i > 0 && _t[i - 1].Kind == TokenKind.Word && char.IsUpper(_text[_t[i - 1].Start]) && !TimeLexicon.Months.TryGetValue(W(i - 1), out _)
            && i - 1 > 0 && !Is(i - 1, "fiscal")) return null; // "Orion 1980"
        return new Match(start, i + 1, $"{year:D4}", TimePrecision.Year);
    }

    // "the 20th century" → 19, "the eleventh century" → 10 (TIMEX3 writes a century as its first two digits).
    private readonly Match? Century(int i)
    {
        int start = i;
        if (Is(i, "the")) i++;
        if (!Is(i + 1, "century") || i >= _t.Length) return null;
        var w = W(i);
        int n = TimeLexicon.Ordinals.TryGetValue(w, out int word) ? word
            : w.Length >= 3 && int.TryParse(w[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out int digits) && w[^2..].IndexOfAny("tsnr") == 0 ? digits : 0; // "20th", "21st", "2nd", "3rd"
        return n is >= 1 and <= 21 ? new Match(start, i + 2, (n - 1).ToString("D2", CultureInfo.InvariantCulture), TimePrecision.Unspecified) : null;
    }

    // "nineteen ninety-six" → 1996, "two thousand" → 2000, "two thousand and one" → 2001.
    private readonly (int Year, int End)? SpelledYear(int i)
    {
        if (Is(i, "nineteen") && i + 1 < _t.Length && CountWord(W(i + 1)) is int tens and >= 10 and <= 99)
            return (1900 + tens, i + 2);
        if (Is(i, "two") && Is(i + 1, "thousand"))
        {
            int end = Is(i + 2, "and") ? i + 3 : i + 2;
            return end < _t.Length && CountWord(W(end)) is int ones and >= 1 and <= 99 ? (2000 + ones, end + 1) : (2000, i + 2);
        }
        return null;
    }

    // "mid-1996", "early-2020", "late-1989".
    private readonly int? PrefixedYear(int i)
    {
        var w = W(i);
        int hyphen = w.IndexOf('-');
        if (hyphen < 0 || !TimeLexicon.PeriodEdges.Contains(w[..hyphen])) return null;
        var rest = w[(hyphen + 1)..];
        return rest.Length == 4 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= 1800 and <= 2100 ? y : null;
    }

    // A decade in TIMEX3 form, its first three digits: "1990s", "mid-1990s", "nineties" (the last such decade).
    private readonly string? Decade(int i)
    {
        var w = W(i);
        int hyphen = w.IndexOf('-');
        if (hyphen > 0 && TimeLexicon.PeriodEdges.Contains(w[..hyphen])) w = w[(hyphen + 1)..];
        if (w.Length == 5 && w[4] == 's' && w[3] == '0' && int.TryParse(w[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= 1800 and <= 2090)
            return w[..3].ToString();
        if (TimeLexicon.DecadeWords.TryGetValue(w, out int tens))
        {
            int century = (Dct.Year / 100) * 100;
            int year = century + tens <= Dct.Year ? century + tens : century - 100 + tens;
            return (year / 10).ToString(CultureInfo.InvariantCulture);
        }
        return null;
    }

    // "daily", "every week".
    private Match? Frequency(int i)
    {
        if (TimeLexicon.Frequencies.TryGetValue(W(i), out var every)) return new Match(i, i + 1, every, TimePrecision.Unspecified, TimexType.Set);
        if ((Is(i, "every") || Is(i, "each")) && i + 1 < _t.Length && TimeLexicon.Units.TryGetValue(W(i + 1), out char unit) && W(i + 1)[^1] != 's')
            return new Match(i, i + 2, DurationValue(1, unit), TimePrecision.Unspecified, TimexType.Set);
        return null;
    }

    // "9:30", "3 p.m.", "noon", "midnight".
    private Match? Clock(int i)
    {
        if (Is(i, "noon") || Is(i, "midday")) return OnDay(i, i + 1, "T12:00");
        if (Is(i, "midnight")) return OnDay(i, i + 1, "T24:00");
        if (_t[i].Kind != TokenKind.Number) return null;
        var w = W(i);
        int hour, minute = 0;
        int colon = w.IndexOf(':');
        if (colon > 0)
        {
            if (!int.TryParse(w[..colon], out hour) || !int.TryParse(w[(colon + 1)..], out minute) || hour > 24 || minute > 59) return null;
        }
        else if (!int.TryParse(w, out hour) || hour is < 1 or > 12)
        {
            return null;
        }
        int end = i + 1;
        if (Is(end, "a.m.") || Is(end, "am")) { if (hour == 12) hour = 0; end++; }
        else if (Is(end, "p.m.") || Is(end, "pm")) { if (hour < 12) hour += 12; end++; }
        else if (colon < 0 && Is(end, "in") && Is(end + 1, "the") && TimeLexicon.PartsOfDay.TryGetValue(W(end + 2), out var part) && hour <= 12)
        {
            if (part is "AF" or "EV" or "NI" && hour < 12) hour += 12; // "4 in the morning", "8 in the evening"
            end += 3;
        }
        else if (colon < 0) return null;
        return OnDay(i, end, $"T{hour:D2}:{minute:D2}");
    }

    // A clock time [start, end) on the day named right after it ("10 p.m. Wednesday", "noon
    // Thursday", "5 p.m. EST, Nov. 6", "10:35 a.m. (0735 GMT) Friday"), else on the day last mentioned.
    private Match OnDay(int start, int end, string clock)
    {
        int k = end;
        if (TimeLexicon.TimeZones.Contains(W(k))) k++;
        if (Is(k, "("))
        {
            int close = k + 1;
            while (close < _t.Length && close < k + 6 && !Is(close, ")")) close++;
            if (Is(close, ")")) k = close + 1;
        }
        if (Is(k, ",")) k++;
        if (k < _t.Length && (Weekday(k, start) ?? CalendarDate(k) ?? Relative(k)) is { Precision: TimePrecision.Day } day)
            return new Match(start, day.End, day.Value + clock, TimePrecision.Time, TimexType.Time);
        return new Match(start, end, Iso(_context.LastDay) + clock, TimePrecision.Time, TimexType.Time);
    }

    // A count before a unit: "two", "48", "twenty-five", "a"/"an" (one).
    private readonly (int Value, int End)? Count(int i)
    {
        if (i >= _t.Length) return null;
        if ((Is(i, "a") || Is(i, "the")) && Is(i + 1, "couple") && Is(i + 2, "of")) return (2, i + 3);
        if (Is(i, "couple") && Is(i + 1, "of")) return (2, i + 2); // "the next couple of years"
        if (Is(i, "a") && (Is(i + 1, "hundred") || Is(i + 1, "thousand"))) return (Is(i + 1, "hundred") ? 100 : 1000, i + 2);
        if (Is(i, "a") || Is(i, "an") || Is(i, "one")) return (1, i + 1);
        if (_t[i].Kind == TokenKind.Number && int.TryParse(W(i), NumberStyles.None, CultureInfo.InvariantCulture, out int digits)) return (digits, i + 1);
        if (CountWord(W(i)) is int n)
            return n is >= 20 and <= 90 && n % 10 == 0 && i + 1 < _t.Length && CountWord(W(i + 1)) is int ones and >= 1 and <= 9 ? (n + ones, i + 2) : (n, i + 1);
        return null;
    }

    private static int? CountWord(ReadOnlySpan<char> word)
    {
        if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out int digits)) return digits;
        if (NumberLexicon.Units.TryGetValue(word, out int n) && n > 0) return n;
        int hyphen = word.IndexOf('-');
        if (hyphen > 0 && NumberLexicon.Units.TryGetValue(word[..hyphen], out int tens) && NumberLexicon.Units.TryGetValue(word[(hyphen + 1)..], out int ones))
            return tens + ones;
        return null;
    }

    private readonly bool IsCountOrUnit(int i) =>
        i < _t.Length && (Count(i) is not null || TimeLexicon.Units.TryGetValue(W(i), out _) || Is(i, "few") || Is(i, "several"));

    private readonly int? DayNumber(int i)
    {
        if (i >= _t.Length) return null;
        var w = W(i);
        if (_t[i].Kind == TokenKind.Word && w.Length >= 3 && (w.EndsWith("st") || w.EndsWith("nd") || w.EndsWith("rd") || w.EndsWith("th"))) w = w[..^2];
        return int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out int d) && d is >= 1 and <= 31 ? d : null;
    }

    private readonly int? YearNumber(int i) =>
        i < _t.Length && _t[i].Kind == TokenKind.Number && W(i).Length == 4
        && int.TryParse(W(i), NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= 1800 and <= 2100 ? y : null;

    // A day and month without a year: the nearest such day (ties go to the past), unless that is
    // more than a month on the wrong side of the report date for the clause's tense.
    private readonly DateOnly? InferYear(int month, int day, Tense tense)
    {
        DateOnly? nearest = null, before = null, after = null;
        for (int year = Dct.Year - 1; year <= Dct.Year + 1; year++)
        {
            if (SafeDate(year, month, day) is not { } d) continue;
            if (nearest is not { } n || Math.Abs(d.DayNumber - Dct.DayNumber) < Math.Abs(n.DayNumber - Dct.DayNumber)) nearest = d;
            if (d <= Dct) before = d;
            if (d >= Dct && after is null) after = d;
        }
        if (nearest is not { } near) return null;
        if (tense == Tense.Past && near.DayNumber - Dct.DayNumber > 31) return before ?? near;
        if (tense == Tense.Future && Dct.DayNumber - near.DayNumber > 31) return after ?? near;
        return near;
    }

    // A bare month, chosen as a day is.
    private readonly int YearOfMonth(int month, Tense tense)
    {
        int delta = month - Dct.Month;
        int year = delta > 6 ? Dct.Year - 1 : delta < -6 ? Dct.Year + 1 : Dct.Year;
        int ahead = (year - Dct.Year) * 12 + delta;
        if (tense == Tense.Past && ahead > 1) return year - 1;
        if (tense == Tense.Unknown && ahead > 4) return year - 1; // news looks back: a month near half a year ahead is more often the last one
        if (tense == Tense.Future && ahead < -1) return year + 1;
        return year;
    }

    private static DateOnly? SafeDate(int year, int month, int day) =>
        day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string IsoWeek(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}";
    }

    private static (int Year, int Quarter) QuarterParts(DateOnly d) => (d.Year, (d.Month - 1) / 3 + 1);

    private static string QuarterOf(DateOnly d) => $"{d.Year:D4}-Q{QuarterParts(d).Quarter}";

    private readonly ReadOnlySpan<char> W(int i) => i >= 0 && i < _t.Length ? _text.AsSpan(_t[i].Start, _t[i].Length) : default;

    private readonly bool IsLowerWord(int i) => i >= 0 && i < _t.Length && _t[i].Kind == TokenKind.Word && char.IsLower(_text[_t[i].Start]);

    private readonly bool Is(int i, string word) => i >= 0 && i < _t.Length && W(i).Equals(word, StringComparison.OrdinalIgnoreCase);
}
