using System.Globalization;
using Sitrep.Storage;

namespace Sitrep.Server;

/// <summary>The event filters of a request's query string, checked one by one.</summary>
internal sealed record Filters(EventQuery Query, int Page, int PageSize)
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 500;

    /// <summary>The filters, or null with <paramref name="problem"/> set to a 400 naming the bad parameter.</summary>
    public static Filters? Parse(IQueryCollection q, out IResult? problem, bool paged = true)
    {
        problem = null;
        string? country = Text(q, "country"), type = Text(q, "type"), words = Text(q, "q");
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
            return Fail(out problem, "country", "must be an ISO 3166-1 alpha-2 code, e.g. KZ");
        if (type is { Length: > 100 }) return Fail(out problem, "type", "is longer than 100 characters");
        if (words is { Length: > 500 }) return Fail(out problem, "q", "is longer than 500 characters");
        if (!TryDate(q, "from", out var from)) return Fail(out problem, "from", "must be a date as yyyy-MM-dd");
        if (!TryDate(q, "to", out var to)) return Fail(out problem, "to", "must be a date as yyyy-MM-dd");
        if (from > to) return Fail(out problem, "from", "is after 'to'");
        GeoBox? box = null;
        if (Text(q, "bbox") is { } bbox && (box = GeoBox.Parse(bbox)) is null)
            return Fail(out problem, "bbox", "must be west,south,east,north in degrees");
        int page = 1, size = DefaultPageSize;
        if (paged)
        {
            if (Text(q, "page") is { } p && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > 1_000_000))
                return Fail(out problem, "page", "must be a whole number from 1");
            if (Text(q, "page_size") is { } s && (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxPageSize))
                return Fail(out problem, "page_size", $"must be between 1 and {MaxPageSize}");
        }
        return new Filters(new EventQuery(country, from, to, type, Box: box, Words: words), page, size);
    }

    private static string? Text(IQueryCollection q, string name) => q[name].ToString() is { Length: > 0 } value ? value : null;

    private static bool TryDate(IQueryCollection q, string name, out DateOnly? date)
    {
        date = null;
        if (Text(q, name) is not { } text) return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        date = d;
        return true;
    }

    private static Filters? Fail(out IResult? problem, string parameter, string what)
    {
        problem = ApiEndpoints.BadRequest(parameter, what);
        return null;
    }
}
