using System.Runtime.InteropServices;
using Sitrep.Documents;

namespace Sitrep.Text;

/// <summary>The first stage: paragraphs, tokens and sentences.</summary>
public sealed class TextStage : IStage
{
    [ThreadStatic] private static List<Token>? t_tokens;

    /// <inheritdoc/>
    public string Name => "text";

    /// <inheritdoc/>
    public Layer Requires => Layer.None;

    /// <inheritdoc/>
    public Layer Provides => Layer.Paragraphs | Layer.Tokens | Layer.Sentences;

    /// <inheritdoc/>
    public void Process(Document document)
    {
        var text = document.Text.AsSpan();
        var paragraphs = ParagraphSplitter.Split(text);
        var buffer = t_tokens ??= new List<Token>(1024);
        buffer.Clear();
        Tokenizer.Tokenize(text, buffer);
        var tokens = CollectionsMarshal.AsSpan(buffer).ToArray();
        document.SetParagraphs(paragraphs);
        document.SetTokens(tokens);
        document.SetSentences(SentenceSplitter.Split(text, tokens, paragraphs));
    }
}
