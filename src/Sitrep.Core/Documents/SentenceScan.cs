namespace Sitrep.Documents;

/// <summary>Reads one sentence's tokens (the sentence at <paramref name="sentenceIndex"/>) and appends what it finds.</summary>
internal delegate void SentenceScanner<T>(ReadOnlySpan<Token> sentenceTokens, int sentenceIndex, List<T> found);

/// <summary>The loop the sentence-level stages share: run a scanner over every sentence, in order, collecting one list.</summary>
internal static class SentenceScan
{
    /// <summary>Runs <paramref name="scanner"/> over each sentence of <paramref name="document"/> and returns everything found.</summary>
    public static List<T> Run<T>(Document document, SentenceScanner<T> scanner)
    {
        var found = new List<T>();
        var sentences = document.Sentences;
        for (int s = 0; s < sentences.Length; s++)
            scanner(document.Tokens.Slice(sentences[s].FirstToken, sentences[s].TokenCount), s, found);
        return found;
    }
}
