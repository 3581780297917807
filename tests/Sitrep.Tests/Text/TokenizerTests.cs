using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Tests.Text;

public class TokenizerTests
{
    private static List<(string Text, TokenKind Kind)> Tokens(string text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, tokens);
        return tokens.Select(t => (text[t.Start..t.End], t.Kind)).ToList();
    }

    private static List<string> Words(string text) => Tokens(text).Select(t => t.Text).ToList();

    [Theory]
    [InlineData("Alma-Ata")]
    [InlineData("Kassym-Zhomart")]
    [InlineData("anti-terrorist")]
    [InlineData("al-Shabaab")]
    [InlineData("COVID-19")]
    [InlineData("O'Brien")]
    public void Tokenize_HyphenatedOrApostrophisedName_IsOneWord(string name)
    {
        Assert.Equal([(name, TokenKind.Word)], Tokens(name));
    }

    [Theory]
    [InlineData("1,000")]
    [InlineData("2.5")]
    [InlineData("1,000,000.75")]
    [InlineData("12%")]
    [InlineData("9:30")]
    [InlineData("2022-01-06")]
    public void Tokenize_Number_IsOneNumberToken(string number)
    {
        Assert.Equal([(number, TokenKind.Number)], Tokens(number));
    }

    [Fact]
    public void Tokenize_CapitalsJoinedByAnAmpersand_AreOneName()
    {
        Assert.Equal(["Poonch", "district", ",", "J&K", ")"], Words("Poonch district, J&K)"));
        Assert.Equal(["AT&T", "and", "the", "S&P", "500"], Words("AT&T and the S&P 500"));
        // Words, and capitals with spaces around the ampersand, stay apart.
        Assert.Equal(["Tom", "&", "Jerry"], Words("Tom&Jerry"));
        Assert.Equal(["R", "&", "D"], Words("R & D"));
        Assert.Equal(["AT", "&", "Tea"], Words("AT&Tea"));
    }

    [Fact]
    public void Tokenize_NumberRange_SplitsAroundHyphen()
    {
        Assert.Equal(["10", "-", "15"], Words("10-15"));
    }

    [Fact]
    public void Tokenize_ListWithCommas_DoesNotJoinNonThousandsGroups()
    {
        Assert.Equal(["3", ",", "4", "and", "5"], Words("3,4 and 5"));
    }

    [Fact]
    public void Tokenize_CurrencySymbol_IsSeparateSymbol()
    {
        Assert.Equal([("$", TokenKind.Symbol), ("5.2", TokenKind.Number), ("billion", TokenKind.Word)], Tokens("$5.2 billion"));
        Assert.Equal([("€", TokenKind.Symbol), ("30", TokenKind.Number)], Tokens("€30"));
    }

    [Theory]
    [InlineData("U.S.")]
    [InlineData("U.K.")]
    [InlineData("Jan.")]
    [InlineData("Gen.")]
    [InlineData("e.g.")]
    [InlineData("a.m.")]
    public void Tokenize_Abbreviation_KeepsItsPeriod(string abbreviation)
    {
        Assert.Equal([(abbreviation, TokenKind.Abbreviation), ("x", TokenKind.Word)], Tokens(abbreviation + " x"));
    }

    [Fact]
    public void Tokenize_OrdinaryWordBeforePeriod_SplitsPeriod()
    {
        Assert.Equal(["resigned", "."], Words("resigned."));
    }

    [Fact]
    public void Tokenize_Url_IsOneTokenWithoutTrailingPunctuation()
    {
        Assert.Equal([("see", TokenKind.Word), ("https://example.org/a?b=1", TokenKind.Url), (".", TokenKind.Punctuation)],
            Tokens("see https://example.org/a?b=1."));
    }

    [Fact]
    public void Tokenize_CurlyQuotesAndPossessive_AreSeparated()
    {
        Assert.Equal(["“", "Khabar", "24", "”", "city", "’s"], Words("“Khabar 24” city’s"));
        Assert.Equal(TokenKind.Clitic, Tokens("Tokayev’s")[1].Kind);
    }

    [Fact]
    public void Tokenize_NegativeContraction_SplitsNt()
    {
        Assert.Equal(["did", "n't", "go"], Words("didn't go"));
    }

    [Theory]
    [InlineData("10th", TokenKind.Word)]
    [InlineData("1990s", TokenKind.Word)]
    [InlineData("3-year-old", TokenKind.Word)]
    public void Tokenize_DigitsJoinedToLetters_IsOneWord(string text, TokenKind kind)
    {
        Assert.Equal([(text, kind)], Tokens(text));
    }

    [Fact]
    public void Tokenize_Seed_CoversEveryVisibleCharExactlyOnce()
    {
        var text = File.ReadAllText(Support.TestPaths.SeedReport);
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, tokens);
        int previousEnd = 0;
        foreach (var token in tokens)
        {
            Assert.True(token.Start >= previousEnd, $"token at {token.Start} overlaps the previous one");
            Assert.True(string.IsNullOrWhiteSpace(text[previousEnd..token.Start]), $"text skipped before {token.Start}");
            Assert.DoesNotContain(text[token.Start..token.End], char.IsWhiteSpace);
            previousEnd = token.End;
        }
        Assert.True(string.IsNullOrWhiteSpace(text[previousEnd..]));
        var words = tokens.Select(t => text[t.Start..t.End]).ToHashSet();
        Assert.Contains("Alma-Ata", words);
        Assert.Contains("Kassym-Zhomart", words);
        Assert.Contains("2022-01-06", words);
        Assert.Contains("Khabar", words);
    }
}
