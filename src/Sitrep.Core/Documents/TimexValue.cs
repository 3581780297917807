using System.Globalization;

namespace Sitrep.Documents;

/// <summary>
/// A TIMEX3 value, as TimeML writes it: a day ("2022-01-06"), a part of one ("2022-01-06TMO") or an hour
/// ("2022-01-06T14"), a week ("2022-W01"), month ("2022-01"), year ("2022"), season ("2022-SU"), decade
/// ("201"), a duration ("P3D") or a reference ("PRESENT_REF"). The text is kept as written; what the
/// stages ask of it (the day it names, the last day of its period, its time of day) is read from it here.
/// </summary>
public readonly record struct TimexValue(string Text)
{
    /// <summary>A value from its TIMEX3 text.</summary>
    public static implicit operator TimexValue(string text) => new(text);

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>The day the value names, when it begins with one (yyyy-MM-dd).</summary>
    public bool TryGetDay(out DateOnly day) => TryParseDay(Text, out day);

    /// <summary>The time of day after a day: a part of it ("2022-01-06TNI" → "NI": MO, AF, EV, NI) or an hour ("2022-01-06T14" → "14"); else null.</summary>
    public string? TimeOfDay => Text is { Length: 13 } && Text[10] == 'T' ? Text[11..] : null;

    /// <summary>The last day of the period a date value names ("2017-10" → 31 October 2017, "2017" → 31 December, a day itself), or null for other values.</summary>
    public DateOnly? PeriodEnd()
    {
        var value = Text ?? "";
        if (value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1000) return null;
        if (TryParseDay(value, out var day)) return day;
        if (value.Length >= 7 && value[4] == '-' && int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int month) && month is >= 1 and <= 12)
            return new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return value.Length == 4 ? new DateOnly(year, 12, 31) : null;
    }

    /// <summary>
    /// True when <paramref name="value"/> begins with a valid yyyy-MM-dd day. The time and event stages
    /// read many of these per report; this is some twenty times cheaper than DateOnly.TryParseExact.
    /// </summary>
    internal static bool TryParseDay(ReadOnlySpan<char> value, out DateOnly day)
    {
        day = default;
        if (value.Length < 10 || value[4] != '-' || value[7] != '-') return false;
        if (!TryDigits(value[..4], out int year) || !TryDigits(value[5..7], out int month) || !TryDigits(value[8..10], out int dayOfMonth)) return false;
        if (year < 1 || month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month)) return false;
        day = new DateOnly(year, month, dayOfMonth);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (char c in digits)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
