using Sitrep.Documents;

namespace Sitrep.Reading;

/// <summary>A report as read from its input, before any processing.</summary>
public sealed record RawReport(string Text, DateOnly Date, SourceLocation Origin)
{
    /// <summary>Full publication time, when the input gave one.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>Publisher or outlet.</summary>
    public string? Source { get; init; }

    /// <summary>Address of the report.</summary>
    public string? Url { get; init; }

    /// <summary>Headline.</summary>
    public string? Title { get; init; }

    /// <summary>The input's own id for the record.</summary>
    public string? ExternalId { get; init; }

    /// <summary>ISO 3166 alpha-2 code of the country the source reports from, when known.</summary>
    public string? SourceCountry { get; init; }

    /// <summary>Creates the document (computing its content id); call on a worker thread.</summary>
    public Document ToDocument() => new(Text, Date, Origin)
    {
        Published = Published,
        Source = Source,
        Url = Url,
        Title = Title,
        ExternalId = ExternalId,
        SourceCountry = SourceCountry,
    };
}

/// <summary>One record of input: a report, or the reason it was skipped.</summary>
public readonly record struct ReadItem
{
    private ReadItem(RawReport? report, Diagnostic? error) => (Report, Error) = (report, error);

    /// <summary>The report, when the record was read.</summary>
    public RawReport? Report { get; }

    /// <summary>Why the record was skipped, when it was.</summary>
    public Diagnostic? Error { get; }

    /// <summary>A record that was read.</summary>
    public static ReadItem Ok(RawReport report) => new(report, null);

    /// <summary>A record that was skipped.</summary>
    public static ReadItem Failed(SourceLocation at, string code, string reason) => new(null, new Diagnostic(at, code, reason));
}
