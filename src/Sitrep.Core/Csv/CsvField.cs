namespace Sitrep.Csv;

/// <summary>RFC 4180 fields: quoted when they hold a comma, a quote or a line break.</summary>
internal static class CsvField
{
    /// <summary>The field as written in a CSV line; null is the empty field.</summary>
    public static string Quote(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    /// <summary>
    /// As <see cref="Quote"/>, for a file a spreadsheet may open: text taken from a report that begins as
    /// a formula would ("=HYPERLINK(...)", "+", "-", "@") is prefixed with an apostrophe so that it stays
    /// text (OWASP's advice on CSV injection); numbers ("-12.5") are left as they are.
    /// </summary>
    public static string Cell(string? value) =>
        Quote(value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? "'" + value : value);
}
