using System.Collections.Frozen;
using Sitrep.Documents;

namespace Sitrep.Numbers;

/// <summary>The words the quantity parser knows: number words, scales, vague amounts, qualifiers and currencies.</summary>
internal static class NumberLexicon
{
    private static FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> Lookup<T>(IEnumerable<KeyValuePair<string, T>> pairs) =>
        pairs.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"zero" … "ninety-nine" by their parts; compounds ("twenty-five") are read by splitting at the hyphen.</summary>
    public static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Units = Lookup(new Dictionary<string, int>
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["dozen"] = 12,
    });

    /// <summary>Multipliers after a number ("1.5 million", "two hundred").</summary>
    public static readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> Scales = Lookup(new Dictionary<string, double>
    {
        ["hundred"] = 1e2, ["thousand"] = 1e3, ["million"] = 1e6, ["billion"] = 1e9, ["trillion"] = 1e12,
        ["mln"] = 1e6, ["bln"] = 1e9, ["bn"] = 1e9,
    });

    /// <summary>Plural scale words used alone as vague amounts, with the least they mean ("dozens" ≥ 24).</summary>
    public static readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> VagueAmounts = Lookup(new Dictionary<string, double>
    {
        ["dozens"] = 24, ["scores"] = 40, ["tens"] = 20, ["hundreds"] = 200, ["thousands"] = 2000,
        ["millions"] = 2e6, ["billions"] = 2e9,
    });

    /// <summary>Vague determiners: "several", "a few", "a handful of" — the least and most they suggest.</summary>
    public static readonly FrozenDictionary<string, (double Min, double Max)>.AlternateLookup<ReadOnlySpan<char>> VagueDeterminers = Lookup(new Dictionary<string, (double, double)>
    {
        ["several"] = (3, 9), ["few"] = (2, 5), ["handful"] = (2, 5), ["numerous"] = (10, double.NaN),
    });

    /// <summary>Words that qualify a following number, longest phrases first.</summary>
    public static readonly (string[] Words, QuantityQualifier Qualifier)[] Qualifiers =
    [
        (["no", "fewer", "than"], QuantityQualifier.AtLeast),
        (["no", "less", "than"], QuantityQualifier.AtLeast),
        (["not", "less", "than"], QuantityQualifier.AtLeast),
        (["no", "more", "than"], QuantityQualifier.AtMost),
        (["not", "more", "than"], QuantityQualifier.AtMost),
        (["as", "many", "as"], QuantityQualifier.AtMost),
        (["as", "much", "as"], QuantityQualifier.AtMost),
        (["more", "than"], QuantityQualifier.MoreThan),
        (["greater", "than"], QuantityQualifier.MoreThan),
        (["upwards", "of"], QuantityQualifier.MoreThan),
        (["in", "excess", "of"], QuantityQualifier.MoreThan),
        (["fewer", "than"], QuantityQualifier.LessThan),
        (["less", "than"], QuantityQualifier.LessThan),
        (["at", "least"], QuantityQualifier.AtLeast),
        (["a", "minimum", "of"], QuantityQualifier.AtLeast),
        (["at", "most"], QuantityQualifier.AtMost),
        (["up", "to"], QuantityQualifier.AtMost),
        (["a", "maximum", "of"], QuantityQualifier.AtMost),
        (["close", "to"], QuantityQualifier.Almost),
        (["just", "under"], QuantityQualifier.Almost),
        (["an", "estimated"], QuantityQualifier.Approximately),
        (["some"], QuantityQualifier.Approximately),
        (["about"], QuantityQualifier.Approximately),
        (["around"], QuantityQualifier.Approximately),
        (["approximately"], QuantityQualifier.Approximately),
        (["approx."], QuantityQualifier.Approximately),
        (["roughly"], QuantityQualifier.Approximately),
        (["estimated"], QuantityQualifier.Approximately),
        (["nearly"], QuantityQualifier.Almost),
        (["almost"], QuantityQualifier.Almost),
        (["over"], QuantityQualifier.MoreThan),
        (["above"], QuantityQualifier.MoreThan),
        (["exceeding"], QuantityQualifier.MoreThan),
        (["under"], QuantityQualifier.LessThan),
        (["below"], QuantityQualifier.LessThan),
        (["least"], QuantityQualifier.AtLeast),
    ];

    /// <summary>Currency symbols before a number.</summary>
    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CurrencySymbols = Lookup(new Dictionary<string, string>
    {
        ["$"] = "USD", ["US$"] = "USD", ["€"] = "EUR", ["£"] = "GBP", ["¥"] = "JPY", ["₽"] = "RUB", ["₸"] = "KZT",
        ["₹"] = "INR", ["₴"] = "UAH", ["₦"] = "NGN", ["₺"] = "TRY", ["₩"] = "KRW", ["₪"] = "ILS",
        ["USD"] = "USD", ["EUR"] = "EUR", ["GBP"] = "GBP", ["KZT"] = "KZT", ["RUB"] = "RUB", ["CNY"] = "CNY",
    });

    /// <summary>Currency names after a number ("60 tenge", "10 rubles").</summary>
    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CurrencyWords = Lookup(new Dictionary<string, string>
    {
        ["dollar"] = "USD", ["dollars"] = "USD", ["euro"] = "EUR", ["euros"] = "EUR", ["pound"] = "GBP", ["pounds"] = "GBP",
        ["sterling"] = "GBP", ["tenge"] = "KZT", ["ruble"] = "RUB", ["rubles"] = "RUB", ["rouble"] = "RUB", ["roubles"] = "RUB",
        ["yuan"] = "CNY", ["renminbi"] = "CNY", ["yen"] = "JPY", ["rupee"] = "INR", ["rupees"] = "INR",
        ["hryvnia"] = "UAH", ["hryvnias"] = "UAH", ["hryvnia's"] = "UAH", ["naira"] = "NGN", ["lira"] = "TRY", ["liras"] = "TRY",
        ["shekel"] = "ILS", ["shekels"] = "ILS", ["rand"] = "ZAR", ["birr"] = "ETB", ["cedi"] = "GHS", ["cedis"] = "GHS",
        ["kyat"] = "MMK", ["taka"] = "BDT", ["riyal"] = "SAR", ["riyals"] = "SAR", ["rial"] = "IRR", ["rials"] = "IRR",
        ["dinar"] = "IQD", ["dinars"] = "IQD", ["afghani"] = "AFN", ["afghanis"] = "AFN", ["som"] = "KGS", ["somoni"] = "TJS",
        ["lari"] = "GEL", ["dram"] = "AMD", ["drams"] = "AMD", ["manat"] = "AZN", ["peso"] = "MXN", ["pesos"] = "MXN",
        ["real"] = "BRL", ["reais"] = "BRL", ["sol"] = "PEN", ["soles"] = "PEN", ["bolivar"] = "VES", ["bolivars"] = "VES",
        ["kwacha"] = "ZMW", ["shilling"] = "KES", ["shillings"] = "KES",
    });

    /// <summary>Words that follow a count and name a container or measure of what is counted ("50 units of military equipment").</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Classifiers = new[]
    {
        "units", "pieces", "tonnes", "tons", "litres", "liters", "barrels", "rounds", "sets", "groups", "members",
        "families", "busloads", "truckloads", "boxes", "bags", "hectares", "acres", "kilograms", "kg", "kilometres",
        "kilometers", "km", "miles", "metres", "meters", "percent", "per", "cent", "batches", "convoys", "waves", "households",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words between a count and its noun that are not the noun ("200 armed men").</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Modifiers = new[]
    {
        "armed", "unarmed", "other", "more", "small", "large", "young", "local", "foreign", "suspected", "unidentified",
        "wounded", "injured", "dead", "alleged", "additional", "further", "new", "separate", "large-scale", "military",
        "civilian", "innocent", "elderly", "pro-government", "anti-government", "masked", "heavily", "lightly",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that cannot be the counted noun.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotUnits = new[]
    {
        "of", "were", "was", "are", "is", "be", "been", "to", "and", "or", "in", "on", "at", "the", "a", "an", "from", "have",
        "had", "has", "who", "which", "that", "this", "these", "those", "by", "for", "with", "as", "than", "per", "said", "says",
        "died", "killed", "others", "more", "had", "would", "will", "could", "may", "might", "also", "since", "after", "before",
        "them", "they", "their", "it", "its", "in", "into", "out", "up", "down", "over", "under", "during", "while", "when",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Month names and abbreviations: a number beside one is a day or a year, not a count.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Months = new[]
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Jan.", "Feb", "Feb.", "Mar", "Mar.", "Apr", "Apr.", "Jun", "Jun.", "Jul", "Jul.", "Aug", "Aug.", "Sep", "Sep.",
        "Sept", "Sept.", "Oct", "Oct.", "Nov", "Nov.", "Dec", "Dec.",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Every word a quantity can begin with (first words of qualifiers, number words, vague amounts),
    /// so the scanner skips all other words with one lookup.
    /// </summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Starters =
        Qualifiers.Select(q => q.Words[0])
            .Concat(["a", "an", "between", "US", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                     "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "zero", "dozen",
                     "dozens", "scores", "tens", "hundreds", "thousands", "millions", "billions", "several", "numerous"])
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words after a number that make it a time of day or an age, not a count.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TimeOfDayMarkers = new[]
    {
        "a.m.", "p.m.", "am", "pm", "GMT", "UTC", "o'clock",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
