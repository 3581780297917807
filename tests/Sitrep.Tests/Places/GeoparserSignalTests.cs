using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Pipeline;
using Sitrep.Places;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Places;

/// <summary>
/// Each of the geoparser's signals, alone, on the fixture gazetteer (every name here has exactly the
/// namesakes its files list): the same name goes one way without the signal and the other way with it.
/// </summary>
public class GeoparserSignalTests
{
    private static readonly Gazetteer Gazetteer = FixtureGazetteer.Default;

    private static readonly DocumentPipeline Pipeline =
        new PipelineBuilder().UseText().UseEntities(EntityModel.Default!).UsePlaces(Gazetteer).Build();

    private static PlaceMention Place(string text, string mention)
    {
        var document = Pipeline.Process(text, new DateOnly(2024, 3, 3));
        return document.Places.First(p => document.TextOf(p.Range) == mention);
    }

    [Fact]
    public void WithNothingSaidAroundIt_TheLargerNamesakeWins() =>
        Assert.Equal("FR", Place("Thousands marched in Paris on Saturday.", "Paris").Country);

    [Fact]
    public void ExplicitContainment_OutweighsSize()
    {
        var paris = Place("A tornado damaged homes in Paris, Texas, on Sunday.", "Paris");
        Assert.Equal(("US", "Texas"), (paris.Country, paris.Admin1));
    }

    [Fact]
    public void TheCountryTheReportIsAbout_Decides()
    {
        Assert.Equal("CL", Place("Chilean police fired tear gas at students in Santiago on Thursday.", "Santiago").Country);
        Assert.Equal("DO", Place("Police in the Dominican Republic said two men were shot dead in Santiago on Thursday.", "Santiago").Country);
    }

    [Fact]
    public void ACueNamingTheCountry_Decides()
    {
        Assert.Equal("ES", Place("Tourists crowded the beaches of Palma on Sunday.", "Palma").Country);
        Assert.Equal("MZ", Place("Insurgents attacked the Mozambican town of Palma on Sunday.", "Palma").Country);
    }

    [Fact]
    public void ADivisionTheReportNames_Decides()
    {
        Assert.Equal("Missouri", Place("Workers went on strike in Springfield on Monday.", "Springfield").Admin1);
        Assert.Equal("Illinois", Place("Lawmakers of Illinois met in Springfield on Monday.", "Springfield").Admin1);
    }

    [Fact]
    public void ANamesOtherNameInSquareBrackets_DoesNotHideItsContainer()
    {
        // Idlib holds no Palma: the Spanish and Mozambican ones are ruled out, with or without an aside between.
        foreach (var text in new[] { "Shells hit Palma (Idlib) on Sunday.", "Shells hit Palma [the old quarter] (Idlib) on Sunday." })
        {
            var document = Pipeline.Process(text, new DateOnly(2024, 3, 3));
            Assert.DoesNotContain(document.Places, p => document.TextOf(p.Range) == "Palma");
            Assert.Contains(document.Places, p => p.Country == "SY");
        }
    }

    [Fact]
    public void AfterAWordOfNearness_AVillageTheTaggerLeftUntagged_IsAPlace()
    {
        // The tagger leaves "Shyrokyne" untagged, and a village of no recorded population is no place on its own word...
        var inIt = Pipeline.Process("Monitors counted five explosions along the frontline in Shyrokyne.", new DateOnly(2024, 3, 3));
        Assert.Empty(inIt.Places);
        // ...but "near" takes a place, as it seldom takes a time or an institution.
        Assert.Equal("UA", Place("Monitors counted five explosions along the frontline near Shyrokyne.", "Shyrokyne").Country);
    }

    [Fact]
    public void AContainerTheGazetteerCannotCheckAPlaceAgainst_DoesNotRuleItOut()
    {
        // The gazetteer does not say which province Kafr Nabl is in; Paris, Texas is known not to be in Missouri.
        Assert.Equal("SY", Place("Government forces shelled the town of Kafr Nabl in Idlib province on Monday.", "Kafr Nabl").Country);
        var document = Pipeline.Process("Storms hit Paris in Missouri on Monday.", new DateOnly(2024, 3, 3));
        Assert.DoesNotContain(document.Places, p => document.TextOf(p.Range) == "Paris");
    }

    [Fact]
    public void AContainerThatHoldsNoSuchPlace_LeavesItUnplaced_RatherThanOnAnotherContinent()
    {
        var document = Pipeline.Process("Protesters gathered in Springfield, Kenya, on Monday.", new DateOnly(2024, 3, 3));
        Assert.DoesNotContain(document.Places, p => document.TextOf(p.Range) == "Springfield");
        Assert.Contains(document.Places, p => p.Country == "KE" && p.Level == PlaceLevel.Country);
    }
}
