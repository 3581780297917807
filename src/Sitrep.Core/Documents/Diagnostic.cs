namespace Sitrep.Documents;

/// <summary>Stable codes for the ways a record can be rejected; users can search for them.</summary>
public static class DiagnosticCodes
{
    /// <summary>A JSON Lines record that is not a valid JSON object.</summary>
    public const string MalformedJson = "malformed-json";
    /// <summary>No report date in the record and none given on the command line.</summary>
    public const string MissingDate = "missing-date";
    /// <summary>A date that cannot exist or is out of range.</summary>
    public const string InvalidDate = "invalid-date";
    /// <summary>A report whose text is empty or only whitespace.</summary>
    public const string EmptyText = "empty-text";
    /// <summary>A record's country is not an ISO 3166 alpha-2 code.</summary>
    public const string InvalidCountry = "invalid-country";
    /// <summary>Bytes that are not valid UTF-8.</summary>
    public const string InvalidEncoding = "invalid-utf8";
    /// <summary>A gzip stream that ends early or fails its checksum.</summary>
    public const string TruncatedGzip = "truncated-gzip";
    /// <summary>A report larger than the configured limit.</summary>
    public const string TooLarge = "too-large";
    /// <summary>A file or directory that cannot be opened or read.</summary>
    public const string Unreadable = "unreadable";
    /// <summary>A pipeline stage failed on this document.</summary>
    public const string StageFailed = "stage-failed";
    /// <summary>Not an error: the report was read but describes no event ACLED would code.</summary>
    public const string NoEvents = "no-events";
    /// <summary>Not an error: a stored report has no reading kept (stored by an older sitrep); <c>sitrep db relink</c> reads it again.</summary>
    public const string ReadingNotStored = "reading-not-stored";
}

/// <summary>Why one input record was skipped: <c>FILE:LINE: reason</c> on stderr.</summary>
public sealed record Diagnostic(SourceLocation Location, string Code, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Location}: {Reason} [{Code}]";
}
