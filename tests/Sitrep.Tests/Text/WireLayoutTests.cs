using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Tests.Text;

/// <summary>The headline and dateline of wire copy, which tell where and when a report was filed, not what happened.</summary>
public class WireLayoutTests
{
    private static Document Annotate(string text)
    {
        var document = new Document(text, new DateOnly(2023, 3, 9), new SourceLocation("test"));
        new TextStage().Process(document);
        return document;
    }

    private static string? DatelineOf(string text)
    {
        var d = Annotate(text);
        return WireLayout.Dateline(d) is { } range ? d.TextOf(range) : null;
    }

    [Theory]
    [InlineData("HARARE - Farmers blocked a highway on Thursday.", "HARARE - ")]
    [InlineData("BENI, Democratic Republic of Congo, March 9 - Farmers blocked a road.", "BENI, Democratic Republic of Congo, March 9 - ")]
    [InlineData("LUSAKA/JOHANNESBURG, Nov 2 - Miners walked out.", "LUSAKA/JOHANNESBURG, Nov 2 - ")]
    [InlineData("PORT-AU-PRINCE, 9 March — Gangs set up roadblocks.", "PORT-AU-PRINCE, 9 March — ")]
    [InlineData("LA PAZ, March 9 - Truckers struck.", "LA PAZ, March 9 - ")]
    [InlineData("Harare (Reuters) - Farmers blocked a highway.", "Harare (Reuters) - ")]
    public void Dateline_PlacesCountryAndDateBeforeADash(string text, string dateline) => Assert.Equal(dateline, DatelineOf(text));

    [Theory]
    [InlineData("Farmers blocked a highway near Harare on Thursday - the third time this month.")]
    [InlineData("UN peacekeepers left the town on Thursday.")]
    [InlineData("NATO, the alliance - which has 31 members - met.")]
    public void NoDateline_InOrdinaryProse(string text) => Assert.Null(DatelineOf(text));

    [Fact]
    public void Headline_AShortFirstLineWithNoStop_ThenTheDatelineOpensTheBody()
    {
        var d = Annotate("Farmers block highway over fuel prices\n\nHARARE, March 9 - Farmers blocked a highway on Thursday.");
        Assert.Equal("Farmers block highway over fuel prices", d.TextOf(WireLayout.Headline(d)!.Value).TrimEnd());
        Assert.Equal("HARARE, March 9 - ", d.TextOf(WireLayout.Dateline(d)!.Value));
        Assert.NotNull(WireLayout.Headline(Annotate("Farmers block highway to demand \"fair prices\"\n\nFarmers blocked a highway on Thursday.")));
        // A first paragraph that ends as a sentence does is the story, not a headline.
        Assert.Null(WireLayout.Headline(Annotate("Farmers blocked a highway on Thursday.\n\nThey left at noon.")));
        Assert.Null(WireLayout.Headline(Annotate("\"We will stay,\" a farmer said.\n\nThey left at noon.")));
    }
}
