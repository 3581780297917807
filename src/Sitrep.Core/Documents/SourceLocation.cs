namespace Sitrep.Documents;

/// <summary>Where a record came from: the file as the user named it and, for line-based formats, the 1-based line.</summary>
public readonly record struct SourceLocation(string File, int? Line = null)
{
    /// <inheritdoc/>
    public override string ToString() => Line is { } line ? $"{File}:{line}" : File;
}
