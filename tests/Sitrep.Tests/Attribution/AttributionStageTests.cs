using Sitrep.Documents;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Attribution;

public class AttributionStageTests
{
    private static List<(string Source, string Type, string Claim)> Attributions(string text)
    {
        var d = TestDocuments.Make(text, Layer.Attributions);
        return [.. d.Attributions.Select(a => (a.Source, SourceTypes.Name(a.SourceType), d.TextOf(a.Claim)))];
    }

    [Fact]
    public void AccordingTo_AtStart_CreditsTheRestOfTheSentence()
    {
        var (source, type, claim) = Assert.Single(Attributions("According to the Ministry of Health, over a thousand people were injured."));
        Assert.Equal(("Ministry of Health", "government"), (source, type));
        Assert.Equal("over a thousand people were injured", claim);
    }

    [Fact]
    public void AccordingTo_AtEnd_CreditsWhatCameBefore()
    {
        var (source, _, claim) = Assert.Single(Attributions("Five people died in the clashes, according to witnesses."));
        Assert.Equal("witnesses", source);
        Assert.Equal("Five people died in the clashes", claim);
    }

    [Fact]
    public void SaidThat_CreditsTheNamedPersonNotTheirTitle()
    {
        var (source, type, claim) = Assert.Single(Attributions("Armenian Prime Minister Nikol Pashinyan, who holds the post of CSTO chairman, noted that troops would be sent."));
        Assert.Equal(("Nikol Pashinyan", "government"), (source, type));
        Assert.Equal("troops would be sent", claim);
    }

    [Fact]
    public void ANamedSubjectWithAnAsideBeforeSaid_IsTheSource_NotWhatFollowsSaid()
    {
        var (source, type, claim) = Assert.Single(Attributions(
            "Governor Amina Bello, speaking outside the state house in Kano after an emergency security meeting, said the attack was an act of cowardice."));
        Assert.Equal(("Amina Bello", "government"), (source, type)); // not "security" from the meeting in the aside
        Assert.Equal("the attack was an act of cowardice", claim);
    }

    [Fact]
    public void Appositive_GivesThePersonsName()
    {
        var (source, _, _) = Assert.Single(Attributions("The President of Kazakhstan, Kassym-Zhomart Tokayev, said that terrorists seized buildings."));
        Assert.Equal("Kassym-Zhomart Tokayev", source);
    }

    [Fact]
    public void TrailingSaid_CreditsTheShortSubjectAfterTheComma()
    {
        var (source, type, claim) = Assert.Single(Attributions("Six people were killed in Cali since Wednesday, police said."));
        Assert.Equal(("police", "security"), (source, type));
        Assert.Equal("Six people were killed in Cali since Wednesday", claim);
    }

    [Fact]
    public void InvertedQuote_CreditsTheOutletTheSpeakerSpeaksFor()
    {
        var (source, type, claim) = Assert.Single(Attributions("“The situation is under control,” said the presenter on the air of “Khabar 24”."));
        Assert.Equal(("Khabar 24", "media"), (source, type));
        Assert.Equal("The situation is under control", claim);
    }

    [Fact]
    public void AsExplained_CreditsThePersonAndClassifiesByTheirRole()
    {
        var (source, type, claim) = Assert.Single(Attributions("As Saltanat Azirbek, an official representative of the city police department, explained, the operation is under way."));
        Assert.Equal(("Saltanat Azirbek", "security"), (source, type));
        Assert.Equal("the operation is under way", claim);
    }

    [Fact]
    public void ReportedBy_CreditsThePreviousSentenceToTheOutlet()
    {
        var found = Attributions("Protesters began to leave the square. This was reported by the Khabar 24 TV channel.");
        var (source, type, claim) = Assert.Single(found);
        Assert.Equal(("Khabar 24", "media"), (source, type));
        Assert.Equal("Protesters began to leave the square.", claim);
    }

    [Fact]
    public void DefiniteDescription_ResolvesToTheSourceNamedEarlier()
    {
        var found = Attributions("This was reported by the Khabar 24 TV channel. According to the TV channel, many people stayed. " +
                                 "According to the Ministry of Health, 62 are in intensive care. The department emphasized that doctors were attacked.");
        Assert.Equal(["Khabar 24", "Khabar 24", "Ministry of Health", "Ministry of Health"], found.Select(f => f.Source));
    }

    [Fact]
    public void Pronoun_ResolvesToTheLastPerson()
    {
        var found = Attributions("President Kassym-Zhomart Tokayev said that order was restored. He noted that the bandits were trained abroad.");
        Assert.Equal(["Kassym-Zhomart Tokayev", "Kassym-Zhomart Tokayev"], found.Select(f => f.Source));
        Assert.All(found, f => Assert.Equal("government", f.Type));
    }

    [Fact]
    public void Surname_ResolvesToTheFullName()
    {
        var found = Attributions("Interim Prime Minister Claude Joseph said the attackers fled. Joseph said the army was in control.");
        Assert.Equal(["Claude Joseph", "Claude Joseph"], found.Select(f => f.Source));
    }

    [Theory]
    [InlineData("It is reported that shops are closed.")]
    [InlineData("It also became known that the buildings were freed.")]
    [InlineData("There were reports of shootings in the city.")]
    public void Impersonal_IsUnnamed(string sentence)
    {
        var (source, type, _) = Assert.Single(Attributions(sentence));
        Assert.Equal(("unnamed", "unnamed"), (source, type));
    }

    [Theory]
    [InlineData("Witnesses said the troops fired.", "witness")]
    [InlineData("The Kurdish rights group Hengaw said three protesters died.", "ngo")]
    [InlineData("The army said its forces struck bases.", "security")]
    [InlineData("Reuters reported that the airport closed.", "media")]
    public void SourceType_IsClassified(string sentence, string type)
    {
        Assert.Equal(type, Assert.Single(Attributions(sentence)).Type);
    }

    [Theory]
    [InlineData("Protesters stormed the palace on Saturday.")]
    [InlineData("He blamed the militant group, which later said nothing.")]
    [InlineData("Hospitals, already full, said nothing.")]
    public void NoCreditedSource_GivesNoAttributionOrOnlyANounPhrase(string sentence)
    {
        Assert.All(Attributions(sentence), a => Assert.DoesNotContain(" said", a.Source));
    }

    [Fact]
    public void Seed_EverySourceOfTheReferenceIsFound()
    {
        var sources = Attributions(Seed.Text()).Select(a => a.Source).ToHashSet();
        foreach (var expected in new[] { "Khabar 24", "journalists", "Saltanat Azirbek", "Ministry of Health of Kazakhstan", "Kassym-Zhomart Tokayev", "Nikol Pashinyan", "CSTO secretariat" })
            Assert.Contains(expected, sources);
    }
}
