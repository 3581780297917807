using System.Globalization;

namespace Sitrep.Reading;

/// <summary>Parses report dates: <c>YYYY-MM-DD</c> or an ISO 8601 date-time (with offset, or taken as written).</summary>
public static class ReportDates
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd' 'HH:mmK", "yyyy-MM-dd' 'HH:mm:ssK", "yyyy-MM-dd' 'HH:mm:ss.FFFFFFFK",
    ];

    private static readonly DateOnly Earliest = new(1800, 1, 1);

    /// <summary>
    /// Parses <paramref name="value"/>. The report date of a date-time is its calendar date in its own
    /// offset (the publisher's local day). Dates before 1800 or more than a day after today are rejected.
    /// </summary>
    public static bool TryParse(string value, TimeProvider clock, out DateOnly date, out DateTimeOffset? published, out string error)
    {
        date = default;
        published = null;
        var s = value.Trim();
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            // a plain date
        }
        else if (DateTimeOffset.TryParseExact(s, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
        {
            published = dto;
            date = DateOnly.FromDateTime(dto.DateTime);
        }
        else
        {
            error = LooksLikeIsoDate(s)
                ? $"impossible date '{Shorten(s)}'"
                : $"invalid date '{Shorten(s)}' (expected YYYY-MM-DD or an ISO 8601 date-time)";
            return false;
        }

        var latest = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);
        if (date < Earliest || date > latest)
        {
            error = $"date {date:yyyy-MM-dd} is out of range (1800-01-01 to {latest:yyyy-MM-dd})";
            return false;
        }
        error = "";
        return true;
    }

    private static bool LooksLikeIsoDate(string s) =>
        s.Length >= 10 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[3]) && s[4] == '-' && s[7] == '-';

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
