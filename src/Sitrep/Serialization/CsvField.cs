namespace Sitrep.Serialization;

/// <summary>RFC 4180 fields: quoted when they hold a comma, a quote or a line break.</summary>
public static class CsvField
{
    /// <summary>The field as written in a CSV line; null is the empty field.</summary>
    public static string Quote(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
