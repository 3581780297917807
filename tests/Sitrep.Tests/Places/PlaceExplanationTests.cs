using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Pipeline;
using Sitrep.Places;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Places;

/// <summary>
/// The geoparser says why a place won: the entries it weighed with their features, and the rule that
/// overrode the ranker. On the fixture gazetteer, so that the entries each name has are known.
/// </summary>
public class PlaceExplanationTests
{
    private static readonly Gazetteer Gazetteer = FixtureGazetteer.Default;

    private static (Document Document, List<PlaceExplanation> Explanations) Explain(string text)
    {
        var document = new Document(text, new DateOnly(2022, 1, 6), new SourceLocation("test"));
        new PipelineBuilder().UseText().UseEntities(EntityModel.Default!).Build().Process(document);
        return (document, new Geoparser(Gazetteer).Explain(document));
    }

    [Fact]
    public void TheExplanation_ChoosesWhatTheParseChooses_AndNamesTheCueThatDecided()
    {
        const string text = "A tornado damaged homes in Paris, Texas, on Sunday.";
        var (document, explanations) = Explain(text);
        var parsed = new Geoparser(Gazetteer).Parse(document);

        var paris = Assert.Single(explanations, x => document.TextOf(x.Range) == "Paris");
        var place = Assert.Single(parsed, p => document.TextOf(p.Range) == "Paris");
        Assert.Equal(place.GeonameId, Gazetteer.GeonameId(paris.Chosen));
        Assert.Equal(place.Confidence, Math.Round(paris.Confidence, 2));
        Assert.Null(paris.Rule);
        Assert.Equal(paris.Ranked.Select(r => r.Score).OrderDescending(), paris.Ranked.Select(r => r.Score));
        Assert.Equal(2, paris.Ranked.Count); // the fixture's two Parises
        // The winner is the ranked first, and containment in Texas is what lifted it over the French capital.
        Assert.Equal(paris.Chosen, paris.Ranked[0].Entry);
        Assert.Equal(1, paris.Ranked[0].Features[RankerFeatures.Containment]);
        Assert.Equal("FR", Gazetteer.Country(paris.Ranked.First(r => Gazetteer.Country(r.Entry) == "FR").Entry));
        Assert.Equal(0, paris.Ranked.First(r => Gazetteer.Country(r.Entry) == "FR").Features[RankerFeatures.Containment]);

        var lines = paris.Describe(Gazetteer).ToList();
        Assert.StartsWith("Paris (city, Texas, US, pop. 24,782)", lines[0]);
        Assert.Contains("containment 1×", lines[1]);
    }

    [Fact]
    public void AContainerThatHoldsNoSuchPlace_LeavesItUnplaced_AndSaysWhy()
    {
        var (document, explanations) = Explain("Protesters gathered in Springfield, Kenya, on Monday.");
        var springfield = Assert.Single(explanations, x => document.TextOf(x.Range) == "Springfield");
        Assert.Equal(-1, springfield.Chosen);
        Assert.Equal(0, springfield.Confidence);
        Assert.Contains("holds no entry of this name", springfield.Rule);
        Assert.Equal(["US", "US"], springfield.Ranked.Select(r => Gazetteer.Country(r.Entry))); // Missouri's and Illinois's: the ranker chose, the rule overrode it
        Assert.DoesNotContain(springfield.Ranked, r => Gazetteer.Country(r.Entry) == "KE");
        Assert.Equal(["not placed", "  rule: " + springfield.Rule], springfield.Describe(Gazetteer).Take(2));
    }
}
