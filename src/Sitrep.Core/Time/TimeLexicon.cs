using System.Collections.Frozen;

namespace Sitrep.Time;

/// <summary>Month, weekday, part-of-day, unit and season words the time scanner knows.</summary>
internal static class TimeLexicon
{
    private static FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> Lookup<T>(Dictionary<string, T> pairs, StringComparer comparer) =>
        pairs.ToFrozenDictionary(comparer).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Month names and abbreviations (capitalised: "may" the verb is not a month).</summary>
    public static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Months = Lookup(new Dictionary<string, int>
    {
        ["January"] = 1, ["February"] = 2, ["March"] = 3, ["April"] = 4, ["May"] = 5, ["June"] = 6, ["July"] = 7,
        ["August"] = 8, ["September"] = 9, ["October"] = 10, ["November"] = 11, ["December"] = 12,
        ["Jan."] = 1, ["Feb."] = 2, ["Mar."] = 3, ["Apr."] = 4, ["Jun."] = 6, ["Jul."] = 7, ["Aug."] = 8,
        ["Sep."] = 9, ["Sept."] = 9, ["Oct."] = 10, ["Nov."] = 11, ["Dec."] = 12,
        ["Jan"] = 1, ["Feb"] = 2, ["Mar"] = 3, ["Apr"] = 4, ["Jun"] = 6, ["Jul"] = 7, ["Aug"] = 8,
        ["Sep"] = 9, ["Sept"] = 9, ["Oct"] = 10, ["Nov"] = 11, ["Dec"] = 12,
    }, StringComparer.Ordinal);

    /// <summary>Weekdays, any case.</summary>
    public static readonly FrozenDictionary<string, DayOfWeek>.AlternateLookup<ReadOnlySpan<char>> Weekdays = Lookup(new Dictionary<string, DayOfWeek>
    {
        ["Monday"] = DayOfWeek.Monday, ["Tuesday"] = DayOfWeek.Tuesday, ["Wednesday"] = DayOfWeek.Wednesday,
        ["Thursday"] = DayOfWeek.Thursday, ["Friday"] = DayOfWeek.Friday, ["Saturday"] = DayOfWeek.Saturday, ["Sunday"] = DayOfWeek.Sunday,
    }, StringComparer.OrdinalIgnoreCase);

    /// <summary>Parts of the day and their TIMEX3 codes.</summary>
    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PartsOfDay = Lookup(new Dictionary<string, string>
    {
        ["morning"] = "MO", ["afternoon"] = "AF", ["evening"] = "EV", ["night"] = "NI", ["overnight"] = "NI",
    }, StringComparer.OrdinalIgnoreCase);

    /// <summary>Calendar units, singular and plural, with their TIMEX3 duration letter.</summary>
    public static readonly FrozenDictionary<string, char>.AlternateLookup<ReadOnlySpan<char>> Units = Lookup(new Dictionary<string, char>
    {
        ["day"] = 'D', ["days"] = 'D', ["week"] = 'W', ["weeks"] = 'W', ["month"] = 'M', ["months"] = 'M',
        ["year"] = 'Y', ["years"] = 'Y', ["decade"] = 'E', ["decades"] = 'E', ["century"] = 'C', ["centuries"] = 'C',
        ["quarter"] = 'Q', ["quarters"] = 'Q', ["hour"] = 'H', ["hours"] = 'H', ["minute"] = 'm', ["minutes"] = 'm',
        ["weekend"] = 'K', ["weekends"] = 'K',
    }, StringComparer.OrdinalIgnoreCase);

    /// <summary>Seasons and their TIMEX3 codes.</summary>
    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Seasons = Lookup(new Dictionary<string, string>
    {
        ["spring"] = "SP", ["summer"] = "SU", ["fall"] = "FA", ["autumn"] = "FA", ["winter"] = "WI",
    }, StringComparer.OrdinalIgnoreCase);

    /// <summary>Ordinals used for quarters.</summary>
    public static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Ordinals = Lookup(new Dictionary<string, int>
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["1st"] = 1, ["2nd"] = 2, ["3rd"] = 3, ["4th"] = 4,
    }, StringComparer.OrdinalIgnoreCase);

    /// <summary>Single words with a fixed reference value.</summary>
    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> References = Lookup(new Dictionary<string, string>
    {
        ["now"] = "PRESENT_REF", ["currently"] = "PRESENT_REF", ["nowadays"] = "PRESENT_REF", ["presently"] = "PRESENT_REF",
        ["recently"] = "PAST_REF", ["lately"] = "PAST_REF", ["formerly"] = "PAST_REF", ["soon"] = "FUTURE_REF",
        ["current"] = "PRESENT_REF", ["recent"] = "PAST_REF",
    }, StringComparer.OrdinalIgnoreCase);

    /// <summary>Frequency words (TIMEX3 SET).</summary>
    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Frequencies = Lookup(new Dictionary<string, string>
    {
        ["daily"] = "P1D", ["weekly"] = "P1W", ["monthly"] = "P1M", ["annually"] = "P1Y", ["yearly"] = "P1Y", ["hourly"] = "PT1H",
    }, StringComparer.OrdinalIgnoreCase);

    /// <summary>Words other than months, weekdays and numbers that a temporal expression can begin with.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Starters = new[]
    {
        "the", "a", "an", "one", "early", "late", "mid", "last", "next", "this", "past", "coming", "previous", "current",
        "earlier", "later", "on", "in", "that", "today", "year-earlier", "year-ago", "latest", "recent", "tonight", "yesterday", "tomorrow", "fiscal", "every", "each",
        "noon", "midday", "midnight", "several", "few", "many", "first", "second", "third", "fourth",
        "now", "currently", "nowadays", "presently", "recently", "lately", "formerly", "previously", "soon",
        "daily", "weekly", "monthly", "annually", "yearly", "hourly",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that put a clause in the future: a bare weekday then means the next one.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FutureMarkers = new[]
    {
        "will", "'ll", "’ll", "shall", "would", "plans", "planned", "plan", "scheduled", "expected", "due", "going", "upcoming",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Verbs of saying: the tense of the clause they report is not theirs.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReportingVerbs = new[]
    {
        "said", "says", "say", "told", "tells", "added", "stated",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words before a date that make it a deadline, normally ahead of the report.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DeadlineWords = new[]
    {
        "by", "until", "till", "payable", "record", "effective", "expire", "expires",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words after which a past participle is passive or an adjective, not a past tense.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BeforeAdjectivalParticiple = new[]
    {
        "be", "been", "being", "a", "an", "the", "its", "their", "his", "her", "still",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Irregular past forms that put a clause in the past (regular "-ed" forms are recognised by their ending).</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PastMarkers = new[]
    {
        "began", "came", "took", "went", "met", "led", "made", "saw", "won", "lost",
        "fell", "rose", "left", "found", "held", "became", "gave", "got", "sent", "struck", "shot", "since",
        "brought", "bought", "sold", "paid", "built", "kept", "spent", "sought", "fought", "caught", "wrote", "spoke",
        "broke", "chose", "drove", "flew", "grew", "knew", "threw", "drew", "stood", "fled", "ran", "hit",
        "agreed", "freed", "decreed", // past forms the "-eed" guard (need, proceed) leaves out
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Time-zone abbreviations that may follow a clock time.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TimeZones = new[]
    {
        "GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST", "MSK",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words before a hyphen that place a time within a period: "mid-November", "late-1990s".</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PeriodEdges = new[]
    {
        "mid", "early", "late",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Decades named in words, by their tens within a century.</summary>
    public static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> DecadeWords = Lookup(new Dictionary<string, int>
    {
        ["twenties"] = 20, ["thirties"] = 30, ["forties"] = 40, ["fifties"] = 50, ["sixties"] = 60, ["seventies"] = 70,
        ["eighties"] = 80, ["nineties"] = 90,
    }, StringComparer.OrdinalIgnoreCase);

    /// <summary>A holiday: its date in a given year, and the word that must follow its first ("Election" Day).</summary>
    public sealed record HolidayRule(Func<int, DateOnly?> Date, string? Second = null);

    /// <summary>Holidays news dates events by, keyed by their first word.</summary>
    public static readonly FrozenDictionary<string, HolidayRule>.AlternateLookup<ReadOnlySpan<char>> HolidayNames = Lookup(new Dictionary<string, HolidayRule>
    {
        ["Thanksgiving"] = new(y => NthWeekday(y, 11, DayOfWeek.Thursday, 4)),
        ["Christmas"] = new(y => new DateOnly(y, 12, 25)),
        ["Easter"] = new(EasterSunday),
        ["Halloween"] = new(y => new DateOnly(y, 10, 31)),
        ["New"] = new(y => new DateOnly(y, 1, 1), "Year"),
        ["Election"] = new(y => y % 2 == 0 ? NthWeekday(y, 11, DayOfWeek.Monday, 1).AddDays(1) : null, "Day"),
        ["Nowruz"] = new(y => new DateOnly(y, 3, 21)),
        ["Nauryz"] = new(y => new DateOnly(y, 3, 22)),
    }, StringComparer.Ordinal);

    private static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)day - (int)first.DayOfWeek + 7) % 7 + 7 * (n - 1));
    }

    // Western Easter by the anonymous Gregorian computus.
    private static DateOnly? EasterSunday(int y)
    {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(y, month, day);
    }

    /// <summary>Words between a count and its unit that leave the length as counted: "20 more years", "eight trading days".</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UnitModifiers = new[]
    {
        "more", "additional", "extra", "further", "trading", "business", "working", "full", "straight", "consecutive",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Prepositions that put the capitalised word after them in time: "in May", "since March".</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TimePrepositions = new[]
    {
        "in", "since", "by", "until", "during", "through", "before", "after",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
