namespace Sitrep.Documents;

/// <summary>A sentence: its text range and the tokens <c>[FirstToken, FirstToken + TokenCount)</c> it holds.</summary>
public readonly record struct Sentence(TextRange Range, int FirstToken, int TokenCount)
{
    /// <summary>Index just past the sentence's last token.</summary>
    public int EndToken => FirstToken + TokenCount;
}
