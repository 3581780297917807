using System.Collections.Frozen;
using Sitrep.Text;

namespace Sitrep.Time;

/// <summary>Month, weekday, part-of-day, unit and season words the time scanner knows (<c>time-words.tsv</c>; holidays, which are rules, here).</summary>
internal static class TimeLexicon
{
    private static readonly Lexicon Words = Lexicon.Embedded("time-words.tsv");

    private static int Number(string value) => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    private static FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> Lookup<T>(Dictionary<string, T> pairs, StringComparer comparer) =>
        pairs.ToFrozenDictionary(comparer).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Month names and abbreviations (capitalised: "may" the verb is not a month).</summary>
    public static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Months = Words.Map("months", Number, StringComparer.Ordinal);

    /// <summary>Weekdays, any case.</summary>
    public static readonly FrozenDictionary<string, DayOfWeek>.AlternateLookup<ReadOnlySpan<char>> Weekdays = Words.Map("weekdays", Enum.Parse<DayOfWeek>, StringComparer.OrdinalIgnoreCase);

    /// <summary>Parts of the day and their TIMEX3 codes.</summary>
    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PartsOfDay = Words.Map("parts-of-day", v => v, StringComparer.OrdinalIgnoreCase);

    /// <summary>Calendar units, singular and plural, with their TIMEX3 duration letter.</summary>
    public static readonly FrozenDictionary<string, char>.AlternateLookup<ReadOnlySpan<char>> Units = Words.Map("units", v => v[0], StringComparer.OrdinalIgnoreCase);

    /// <summary>Seasons and their TIMEX3 codes.</summary>
    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Seasons = Words.Map("seasons", v => v, StringComparer.OrdinalIgnoreCase);

    /// <summary>Ordinals used for quarters.</summary>
    public static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Ordinals = Words.Map("ordinals", Number, StringComparer.OrdinalIgnoreCase);

    /// <summary>Single words with a fixed reference value.</summary>
    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> References = Words.Map("references", v => v, StringComparer.OrdinalIgnoreCase);

    /// <summary>Frequency words (TIMEX3 SET).</summary>
    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Frequencies = Words.Map("frequencies", v => v, StringComparer.OrdinalIgnoreCase);

    /// <summary>Words other than months, weekdays and numbers that a temporal expression can begin with.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Starters = Words.Set("starters", StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that put a clause in the future: a bare weekday then means the next one.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FutureMarkers = Words.Set("future-markers", StringComparer.OrdinalIgnoreCase);

    /// <summary>Verbs of saying: the tense of the clause they report is not theirs.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReportingVerbs = Words.Set("reporting-verbs", StringComparer.OrdinalIgnoreCase);

    /// <summary>Words before a date that make it a deadline, normally ahead of the report.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DeadlineWords = Words.Set("deadline-words", StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after which a past participle is passive or an adjective, not a past tense.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BeforeAdjectivalParticiple = Words.Set("before-adjectival-participle", StringComparer.OrdinalIgnoreCase);

    /// <summary>Irregular past forms that put a clause in the past (regular "-ed" forms are recognised by their ending).</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PastMarkers = Words.Set("past-markers", StringComparer.OrdinalIgnoreCase);

    /// <summary>Time-zone abbreviations that may follow a clock time.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TimeZones = Words.Set("time-zones", StringComparer.Ordinal);

    /// <summary>Words before a hyphen that place a time within a period: "mid-November", "late-1990s".</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PeriodEdges = Words.Set("period-edges", StringComparer.OrdinalIgnoreCase);

    /// <summary>Decades named in words, by their tens within a century.</summary>
    public static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> DecadeWords = Words.Map("decade-words", Number, StringComparer.OrdinalIgnoreCase);

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
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UnitModifiers = Words.Set("unit-modifiers", StringComparer.OrdinalIgnoreCase);

    /// <summary>Prepositions that put the capitalised word after them in time: "in May", "since March".</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TimePrepositions = Words.Set("time-prepositions", StringComparer.OrdinalIgnoreCase);
}
