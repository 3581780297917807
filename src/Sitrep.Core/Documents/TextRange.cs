namespace Sitrep.Documents;

/// <summary>A half-open range <c>[Start, End)</c> of UTF-16 offsets into a document's text.</summary>
public readonly record struct TextRange
{
    /// <summary>Creates a range; throws when <paramref name="start"/> is negative or after <paramref name="end"/>.</summary>
    public TextRange(int start, int end)
    {
        if (start < 0 || end < start)
            throw new ArgumentOutOfRangeException(nameof(start), $"Invalid text range [{start}, {end}).");
        Start = start;
        End = end;
    }

    /// <summary>Offset of the first char in the range.</summary>
    public int Start { get; }

    /// <summary>Offset just past the last char in the range.</summary>
    public int End { get; }

    /// <summary>Number of chars covered.</summary>
    public int Length => End - Start;

    /// <summary>True when <paramref name="other"/> lies wholly inside this range.</summary>
    public bool Contains(TextRange other) => other.Start >= Start && other.End <= End;

    /// <inheritdoc/>
    public override string ToString() => $"[{Start}, {End})";
}
