namespace Sitrep.Documents;

/// <summary>What kind of text a token covers; later stages read it instead of re-scanning chars.</summary>
public enum TokenKind : byte
{
    /// <summary>Letters, possibly with digits, inner hyphens or apostrophes ("Alma-Ata", "O'Brien", "10th").</summary>
    Word,
    /// <summary>A number with optional separators, decimals or percent sign ("1,000", "2.5", "12%", "9:30").</summary>
    Number,
    /// <summary>A word ending in a period that belongs to it ("U.S.", "Jan.", "Dr.", an initial "F.").</summary>
    Abbreviation,
    /// <summary>Sentence or clause punctuation, quotes and brackets.</summary>
    Punctuation,
    /// <summary>Currency and other symbols ("$", "€", "&amp;").</summary>
    Symbol,
    /// <summary>A web address or e-mail address.</summary>
    Url,
    /// <summary>A clitic split off a word ("’s", "n't").</summary>
    Clitic,
}

/// <summary>One token: a range of the document text and its kind. The text itself is never copied.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    /// <summary>The token's range.</summary>
    public TextRange Range => new(Start, End);

    /// <summary>Number of chars.</summary>
    public int Length => End - Start;

    /// <summary>True for tokens that count as words in statistics (not punctuation or symbols).</summary>
    public bool IsWordLike => Kind is TokenKind.Word or TokenKind.Number or TokenKind.Abbreviation or TokenKind.Url;
}
