namespace Sitrep.Reading;

/// <summary>How input is read.</summary>
public sealed record ReaderOptions
{
    /// <summary>Defaults: 2 MiB per report, no default date or source, the system clock.</summary>
    public static ReaderOptions Default { get; } = new();

    /// <summary>Largest report accepted, in bytes of input (a JSON line, or a whole text file).</summary>
    public long MaxReportBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Date for plain-text reports without a <c>date</c> header and JSON records without <c>published</c>.</summary>
    public DateOnly? DefaultDate { get; init; }

    /// <summary>Publisher for records that do not name one.</summary>
    public string? DefaultSource { get; init; }

    /// <summary>Country (ISO 3166 alpha-2) the source reports from, for records that do not name one.</summary>
    public string? DefaultCountry { get; init; }

    /// <summary>"ng" → "NG"; null when <paramref name="code"/> is not two ASCII letters.</summary>
    public static string? CountryCode(string? code) =>
        code is { Length: 2 } && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]) ? code.ToUpperInvariant() : null;

    /// <summary>The clock used to reject report dates in the future.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
