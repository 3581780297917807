using Sitrep.Documents;
using Sitrep.Reading;
using Sitrep.Text;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Text;

public class SentenceSplitterTests
{
    private static Document Annotate(string text)
    {
        var document = new Document(text, new DateOnly(2022, 1, 6), new SourceLocation("test"));
        new TextStage().Process(document);
        return document;
    }

    private static List<string> Sentences(string text)
    {
        var d = Annotate(text);
        return [.. d.Sentences.ToArray().Select(s => d.TextOf(s.Range))];
    }

    [Fact]
    public void Split_AfterTitleAbbreviation_DoesNotBreak()
    {
        Assert.Equal(["Gen. Smith and Dr. Jones met on Jan. 5 in St. Petersburg.", "They left."],
            Sentences("Gen. Smith and Dr. Jones met on Jan. 5 in St. Petersburg. They left."));
    }

    [Fact]
    public void Split_AfterCountryAbbreviation_BreaksOnlyBeforeSentenceOpener()
    {
        Assert.Equal(["U.S. President Joe Biden spoke."], Sentences("U.S. President Joe Biden spoke."));
        Assert.Equal(["Talks were held in the U.S.", "The next round is in May."],
            Sentences("Talks were held in the U.S. The next round is in May."));
    }

    [Fact]
    public void Split_InitialsAndDecimals_DoNotBreak()
    {
        Assert.Equal(["John F. Kennedy won 2.5 million more votes.", "It was close."],
            Sentences("John F. Kennedy won 2.5 million more votes. It was close."));
    }

    [Fact]
    public void Split_ClosingQuote_StaysWithItsSentence()
    {
        Assert.Equal(["He said: “Stop the fire.”", "Then they left."], Sentences("He said: “Stop the fire.” Then they left."));
        Assert.Equal(["\"We will return.\"", "The crowd cheered."], Sentences("\"We will return.\" The crowd cheered."));
    }

    [Fact]
    public void Split_QuestionInsideQuoteFollowedByLowerCase_DoesNotBreak()
    {
        Assert.Equal(["“Why now?” he asked.", "Nobody answered."], Sentences("“Why now?” he asked. Nobody answered."));
    }

    [Fact]
    public void Split_ParagraphWithoutFinalPeriod_StillEndsTheSentence()
    {
        Assert.Equal(["Headline without a period", "Body text here."], Sentences("Headline without a period\n\nBody text here."));
    }

    [Fact]
    public void Split_SingleLineBreak_DoesNotBreak()
    {
        Assert.Equal(["A report wrapped\nacross two lines."], Sentences("A report wrapped\nacross two lines."));
    }

    [Fact]
    public void Split_Seed_FindsEverySentenceOfTheReport()
    {
        var read = TextReportReader.Read(File.OpenRead(TestPaths.SeedReport), TestPaths.SeedReport, ReaderOptions.Default);
        var document = read.Report!.ToDocument();
        new TextStage().Process(document);
        var sentences = document.Sentences.ToArray().Select(s => document.TextOf(s.Range)).ToList();

        Assert.Equal(33, sentences.Count);
        Assert.Equal(17, document.Paragraphs.Length);
        Assert.Equal("In the Kazakh city of Aktau, which is one of the centers of ongoing protests, protesters began to disperse from the central square.", sentences[0]);
        Assert.Contains("“In general, the situation in these areas is under control,” said the presenter on the air of “Khabar 24”.", sentences);
        Assert.Contains("Fuel has risen in price from 60 tenge (10 rubles) to 120 (20 rubles) per liter.", sentences);
        Assert.Equal("The government of Kazakhstan has resigned.", sentences[^1]);
        foreach (var s in document.Sentences)
        {
            Assert.True(char.IsUpper(document.Text[s.Range.Start]) || document.Text[s.Range.Start] == '“');
            Assert.Contains(document.Paragraphs.ToArray(), p => p.Contains(s.Range));
        }
    }

    [Fact]
    public void Split_SentenceTokens_MatchSentenceRange()
    {
        var d = Annotate("One two. Three four five! Six?");
        Assert.Equal(3, d.Sentences.Length);
        foreach (var s in d.Sentences)
        {
            Assert.Equal(s.Range.Start, d.Tokens[s.FirstToken].Start);
            Assert.Equal(s.Range.End, d.Tokens[s.EndToken - 1].End);
        }
        Assert.Equal(d.Tokens.Length, d.Sentences[^1].EndToken);
    }
}
