using Sitrep.Documents;

namespace Sitrep.Text;

/// <summary>
/// Groups tokens into sentences. Breaks after ".", "!", "?" and ellipses (taking closing quotes and
/// brackets along) when the next token opens a sentence; not after abbreviations, initials or
/// decimals unless a typical sentence opener follows; always at paragraph ends.
/// </summary>
internal static class SentenceSplitter
{
    /// <summary>Returns the sentences of <paramref name="text"/> given its tokens and paragraphs.</summary>
    public static Sentence[] Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<TextRange> paragraphs)
    {
        var sentences = new List<Sentence>();
        int first = 0, paragraph = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            while (paragraph < paragraphs.Length && tokens[i].Start >= paragraphs[paragraph].End) paragraph++;
            int paragraphEnd = paragraph < paragraphs.Length ? paragraphs[paragraph].End : text.Length;

            int end = i + 1; // exclusive token index where a sentence would end
            bool breakHere;
            if (end == tokens.Length || tokens[end].Start >= paragraphEnd)
            {
                breakHere = true;
            }
            else if (TerminalKind(text, tokens[i]) is var terminal && terminal != Terminal.None)
            {
                end = AbsorbClosers(text, tokens, end);
                breakHere = end == tokens.Length || tokens[end].Start >= paragraphEnd || OpensSentence(text, tokens[end], terminal);
            }
            else
            {
                breakHere = false;
            }

            if (!breakHere) continue;
            var range = new TextRange(tokens[first].Start, tokens[end - 1].End);
            sentences.Add(new Sentence(range, first, end - first));
            first = end;
            i = end - 1;
        }
        return [.. sentences];
    }

    private enum Terminal { None, Period, Exclamation, Ellipsis, Abbreviation }

    private static Terminal TerminalKind(ReadOnlySpan<char> text, Token token)
    {
        if (token.Kind == TokenKind.Abbreviation) return Terminal.Abbreviation;
        if (token.Kind != TokenKind.Punctuation) return Terminal.None;
        var s = text[token.Start..token.End];
        if (s.SequenceEqual(".")) return Terminal.Period;
        if (s.Length > 1 && s[0] == '.' || s.SequenceEqual("\u2026")) return Terminal.Ellipsis;
        if (s.SequenceEqual("!") || s.SequenceEqual("?")) return Terminal.Exclamation;
        return Terminal.None;
    }

    // Closing quotes, brackets and further terminal marks ("?!", ".”", ".)") belong to the sentence they end.
    private static int AbsorbClosers(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int next)
    {
        while (next < tokens.Length && tokens[next].Kind == TokenKind.Punctuation)
        {
            char c = text[tokens[next].Start];
            bool adjacent = tokens[next].Start == tokens[next - 1].End;
            bool closer = c is '\u201D' or '\u2019' or '\u00BB' or ')' or ']' or '}' or '.' or '!' or '?' or '\u2026'
                          || (c is '"' or '\'' && adjacent);
            if (!closer) break;
            next++;
        }
        return next;
    }

    private static bool OpensSentence(ReadOnlySpan<char> text, Token next, Terminal after)
    {
        var word = text[next.Start..next.End];
        char c = word[0];
        if (after == Terminal.Abbreviation)
            return next.Kind == TokenKind.Word && Abbreviations.IsSentenceStarter(word);
        if (char.IsUpper(c) || char.IsDigit(c)) return true;
        if (after == Terminal.Ellipsis) return false;
        return c is '\u201C' or '\u2018' or '"' or '\'' or '(' or '[' or '\u00AB' or '-' or '\u2014';
    }
}
