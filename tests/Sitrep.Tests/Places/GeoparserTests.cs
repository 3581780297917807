using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Pipeline;
using Sitrep.Places;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Places;

/// <summary>
/// The geoparser on the real gazetteer (compiled from the packages the build installs). Each
/// disambiguation signal has a case where it, and nothing else, decides the answer.
/// </summary>
public class GeoparserTests
{
    private static readonly Gazetteer Gazetteer = TestGazetteer.Default;

    private static readonly DocumentPipeline WithEntities =
        new PipelineBuilder().UseText().UseEntities(EntityModel.Default!).UsePlaces(Gazetteer).Build();

    private static readonly DocumentPipeline GazetteerOnly = new PipelineBuilder().UseText().UsePlaces(Gazetteer).Build();

    private static List<(string Text, PlaceMention Place)> Places(string text, DocumentPipeline? pipeline = null, DateOnly? date = null)
    {
        var document = new Document(text, date ?? new DateOnly(2022, 1, 6), new SourceLocation("test"));
        (pipeline ?? WithEntities).Process(document);
        return document.Places.Select(p => (document.TextOf(p.Range), p)).ToList();
    }

    private static PlaceMention Place(string text, string mention, DocumentPipeline? pipeline = null, DateOnly? date = null) =>
        Places(text, pipeline, date).First(p => p.Text == mention).Place;

    [Fact]
    public void ANameTheTaggerTookForAPerson_AfterInAndADirectionOrRural_IsAPlace()
    {
        // The tagger reads "Ein Issa" here as a person; "in rural" (as "in northern") takes a place.
        Assert.Equal("SY", Place("Turkish forces shelled a village in rural Ein Issa with rockets on Monday.", "Ein Issa").Country);
    }

    [Fact]
    public void APersianNameJoinedByI_IsOneName()
    {
        // Not a "Qala" in Azerbaijan: "Qala i Naw" is the town in Afghanistan.
        var place = Places("Gunmen attacked a checkpoint in Qala i Naw on Monday.").Single().Place;
        Assert.Equal(("Qala i Naw", "AF"), (place.Name, place.Country));
    }

    [Fact]
    public void AnArmedUnitCalledADivision_IsNoPlace()
    {
        // "Hamza Division" is an armed group in Syria, not Iraq's Hamza District.
        var places = Places("Rebels of the Hamza Division clashed with a rival faction in Al Bab on Monday.");
        Assert.DoesNotContain(places, p => p.Text.StartsWith("Hamza", StringComparison.Ordinal));
        Assert.Equal("SY", Assert.Single(places).Place.Country);
    }

    [Fact]
    public void ATownAndItsDivisionTaggedAsOnePlace_AreEachAPlace()
    {
        // The tagger reads "Blaj of the Alba county" as one name: the town is not lost to its county.
        var places = Places("Police broke up a brawl in Blaj of the Alba county on Friday.");
        Assert.Equal(["Blaj", "Alba county"], places.Select(p => p.Text));
        Assert.Equal("RO", places[0].Place.Country);
    }

    [Fact]
    public void ATownTheTaggerLeftOut_FollowedByItsDivision_IsAPlace()
    {
        // The article "As" is left out of the tagger's "Sawadiyah": the name the gazetteer holds, before a division, is the town.
        var town = Place("Fighters repelled attacks in As Sawadiyah, Al Bayda, on Friday.", "As Sawadiyah");
        Assert.Equal("YE", town.Country);
    }

    [Fact]
    public void ADistrictTheContainerDoesNotHold_IsTheTownOfItsNameThatItDoes()
    {
        // The gazetteer's only Poonch district is Pakistan's; "J&K" says the Indian one, whose town stands for it.
        var poonch = Place("Troops exchanged fire across the Line of Control near Poonch district, J&K, on Friday.", "Poonch district");
        Assert.Equal(("IN", "Jammu and Kashmir"), (poonch.Country, poonch.Admin1));
    }

    [Fact]
    public void Santiago_TheCountriesTheReportIsAbout_Decide()
    {
        Assert.Equal("CL", Place("Chilean police fired tear gas at students in Santiago on Thursday.", "Santiago").Country);
        Assert.Equal("DO", Place("Police in the Dominican Republic said two men were shot dead in Santiago on Thursday.", "Santiago").Country);
    }

    [Fact]
    public void AnArabicArticleInLowerCase_OpensThePlaceName_AfterAWordOfPlace()
    {
        Assert.Equal("IQ", Place("Gunmen attacked a checkpoint in al-Qaim on Friday.", "al-Qaim").Country);
        Assert.Equal("SY", Place("Shells fell near al Bab on Friday.", "al Bab").Country);
        // A small town the tagger took for a person ("Hermel") once its article is left out.
        Assert.Equal("LB", Place("Protesters blocked a road in el Hermel on Friday.", "el Hermel").Country);
        // Elsewhere the article belongs to a person's or a broadcaster's name (al Mayadeen is a town too).
        Assert.Equal(["Damascus"], Places("President Bashar al-Assad met envoys in Damascus on Friday.").Select(p => p.Text));
        Assert.Empty(Places("He told al Mayadeen television on Friday that the talks had failed."));
    }

    [Fact]
    public void Paris_ExplicitContainmentOverridesSize()
    {
        Assert.Equal("FR", Place("Thousands marched in Paris against the pension reform.", "Paris").Country);
        var texas = Place("A tornado damaged homes in Paris, Texas, on Sunday.", "Paris");
        Assert.Equal("US", texas.Country);
        Assert.Equal("Texas", texas.Admin1);
    }

    [Fact]
    public void Georgia_CountryOrStateByWhatContainsWhat()
    {
        Assert.Equal(PlaceLevel.Country, Place("Protesters gathered outside parliament in Tbilisi, Georgia.", "Georgia").Level);
        var state = Place("Police in Atlanta, Georgia, arrested twelve people.", "Georgia");
        Assert.Equal(("US", PlaceLevel.Admin1), (state.Country, state.Level));
    }

    [Fact]
    public void Demonym_BeforeCityOf_PicksTheCountry()
    {
        Assert.Equal("TT", Place("Floods hit Trinidad on Monday.", "Trinidad").Country);
        Assert.Equal("BO", Place("Floods hit the Bolivian city of Trinidad on Monday.", "Trinidad").Country);
    }

    [Fact]
    public void Nearness_ToTheReportsOtherPlaces_Decides()
    {
        // Edmonton alone is the Canadian city; beside Cairns it is the Queensland suburb.
        Assert.Equal("CA", Place("The man was arrested in Edmonton last week.", "Edmonton").Country);
        Assert.Equal("AU", Place("The man was arrested at a house in Edmonton, south of Cairns, last week.", "Edmonton").Country);
    }

    [Fact]
    public void DivisionWord_SelectsTheRegionOverTheCityOfTheSameName()
    {
        var region = Place("Protesters seized the administration building of the Zhambyl region.", "Zhambyl region");
        Assert.Equal(("KZ", PlaceLevel.Admin1, "Zhambyl"), (region.Country, region.Level, region.Name));
    }

    [Fact]
    public void HistoricName_ResolvesToTodaysEntry_KeepingTheTextAsWritten()
    {
        var place = Places("The death toll in Alma-Ata rose to 13.").Single(p => p.Text == "Alma-Ata");
        Assert.Equal(("Almaty", "KZ", PlaceLevel.City), (place.Place.Name, place.Place.Country, place.Place.Level));
        Assert.InRange(Geo.DistanceKm(place.Place.Latitude, place.Place.Longitude, 43.25, 76.92), 0, 25);
    }

    [Fact]
    public void Admin1_IsTheDivisionOfTheReportsDate()
    {
        const string text = "Protesters were cleared from the city of Semey.";
        Assert.Equal("East Kazakhstan", Place(text, "Semey", date: new DateOnly(2022, 1, 6)).Admin1);
        Assert.Equal("Abai Region", Place(text, "Semey", date: new DateOnly(2023, 1, 6)).Admin1);
    }

    [Fact]
    public void WithoutTheTagger_TheGazetteerFindsWellKnownPlaces_ButNotCommonWords()
    {
        var found = Places("Police said the government of Kazakhstan had resigned. Reports from Almaty and Moscow said so.", GazetteerOnly)
            .Select(p => p.Text).ToList();
        Assert.Equal(["Kazakhstan", "Almaty", "Moscow"], found); // "Police" is a town in Poland; not here
    }

    [Fact]
    public void Abbreviations_AndShortCodes()
    {
        Assert.Equal("US", Place("The U.S. embassy was closed.", "U.S.").Country);
        Assert.Equal("Kentucky", Place("A man was shot in Glasgow, Ky., on Friday.", "Glasgow").Admin1);
        Assert.DoesNotContain(Places("Tell us what you saw.", GazetteerOnly), p => p.Text == "us");
    }

    [Fact]
    public void PeopleAndOrganisations_AreNotPlaces_UnlessTheyOpenWithADivision()
    {
        var found = Places("Paris Hilton met Jack Johnson. The Kentucky State Police said nothing.").Select(p => p.Text).ToList();
        Assert.DoesNotContain("Paris", found);
        Assert.DoesNotContain("Johnson", found);
        Assert.Contains("Kentucky", found);
    }

    [Fact]
    public void ANameTheTaggerCallsAPersonOrClub_IsATownWhenADivisionOfItFollows()
    {
        var recife = Place("About 50 school bus drivers protested in Recife, Pernambuco, on Friday.", "Recife");
        Assert.Equal(("BR", PlaceLevel.City), (recife.Country, recife.Level));
        var ludhiana = Place("Around 70 nurses staged a protest at the Civil Hospital, Ludhiana (Punjab), on Friday.", "Ludhiana");
        Assert.Equal(("IN", PlaceLevel.City), (ludhiana.Country, ludhiana.Level));
    }

    [Fact]
    public void ATaggedPlace_ExtendsToTheLongerNameTheTaggerCut()
    {
        var found = Places("A man was shot dead in Mossoro, Rio Grande do Norte, on Saturday.");
        var state = found.Single(p => p.Place.Level == PlaceLevel.Admin1).Place;
        Assert.Equal(("Rio Grande do Norte", "BR"), (state.Name, state.Country));
        Assert.Equal("BR", found.Single(p => p.Text == "Mossoro").Place.Country);
    }

    [Fact]
    public void ATownIsNotPutInADivisionThatDoesNotHoldIt()
    {
        // "Distrito Federal" names Brazil's Federal District too, so it holds Brasília.
        Assert.Equal("BR", Place("Health workers protested in Brasilia, Distrito Federal, on Friday.", "Brasilia").Country);
        // Kharkiv names a division of Ukraine that holds no Kramatorsk: the town is not put there.
        Assert.DoesNotContain(Places("Shells fell on Kramatorsk, Kharkiv, overnight."), p => p.Text == "Kramatorsk");
        // Nor is a village the gazetteer lacks put on a namesake abroad, whatever stands in the bracket before its container.
        Assert.DoesNotContain(Places("Residents of Bule (Djugu, Ituri) demonstrated on Friday."), p => p.Text == "Bule");
        Assert.All(Places("Gunmen attacked Mabai (Kankara LGA, Katsina) on Friday."), p => Assert.Equal("NG", p.Place.Country));
        // And one name is one place in a report: its later mentions do not go abroad either.
        Assert.All(Places("Insurgents attacked the town of Palma in northern Mozambique last week. The group claimed control of Palma on Monday."),
            p => Assert.Equal("MZ", p.Place.Country));
    }

    [Fact]
    public void AnOrganisationNamedOfAPlace_NamesThePlace()
    {
        var found = Places("Relatives of detainees held a vigil outside the Cathedral of Managua on Sunday.");
        Assert.Equal(("Managua", "NI"), (found.Single().Text, found.Single().Place.Country));
        // Not a small namesake a tagger never called a place, nor a generic word.
        Assert.DoesNotContain(Places("She thanked the Ministry of Justice and the Friends of Liberty."), p => p.Text is "Justice" or "Liberty");
    }

    [Fact]
    public void TheSourcesCountry_DecidesBetweenNamesakesInAReportThatNamesNone()
    {
        const string text = "Police fired tear gas at traders protesting against power cuts in Hyderabad on Monday.";
        PlaceMention Hyderabad(string? source)
        {
            var document = new Document(text, new DateOnly(2024, 3, 5), new SourceLocation("test")) { SourceCountry = source };
            WithEntities.Process(document);
            return document.Places.Single(p => document.TextOf(p.Range) == "Hyderabad");
        }
        Assert.Equal("IN", Hyderabad(null).Country);   // the larger namesake
        Assert.Equal("PK", Hyderabad("PK").Country);   // a Pakistani feed's
        // A country the report names outweighs the feed's.
        var named = new Document("Protesters in Hyderabad, India, blocked a road.", new DateOnly(2024, 3, 5), new SourceLocation("test")) { SourceCountry = "PK" };
        WithEntities.Process(named);
        Assert.Equal("IN", named.Places.First(p => named.TextOf(p.Range) == "Hyderabad").Country);
    }

    [Fact]
    public void AGenericWordClosingABracketOfContainers_IsTheDivision()
    {
        // Analysts' notes give a town's district and province in brackets; "Western" is Sri Lanka's Western Province,
        // which holds this Colombo and not Brazil's (the larger namesake district is Brazil's own "Colombo").
        var found = Places("Nurses staged a sit-in at a hospital in Colombo (Colombo, Western) over unpaid wages.");
        Assert.All(found, p => Assert.Equal("LK", p.Place.Country));
        Assert.Contains(found, p => p.Text == "Western" && p.Place.Level == PlaceLevel.Admin1);
        // Elsewhere the word stays a direction.
        Assert.DoesNotContain(Places("Fighting spread to Western and Central districts of Colombo."), p => p.Text == "Western");
    }

    [Fact]
    public void ADivisionHoldingAPlaceNamedWithIt_IsTheDivisionNotItsSeat()
    {
        var division = Place("Forces fired mortars north of Hays district (Al Hudaydah) on Friday.", "Al Hudaydah");
        Assert.Equal((PlaceLevel.Admin1, "YE"), (division.Level, division.Country));
        // Named alone, it is the city, as before.
        Assert.Equal(PlaceLevel.City, Place("Protesters gathered in Al Hudaydah on Friday.", "Al Hudaydah").Level);
    }

    [Fact]
    public void ACountryNamingACurrency_IsNotAPlace()
    {
        var found = Places("Protesters in Beirut denounced the rise of the US dollar against the Lebanese pound.").Select(p => p.Text).ToList();
        Assert.DoesNotContain("US", found);
        Assert.Contains("Beirut", found);
        Assert.Contains("US", Places("Troops from the US arrived on Friday.").Select(p => p.Text));
    }

    [Fact]
    public void DivisionsAreFoundUnderTheSpellingsMonitorsWrite_AsContainers()
    {
        var kivu = Place("Armed men attacked a mine in Rubaya (Masisi, Nord-Kivu) on Saturday.", "Nord-Kivu");
        Assert.Equal(("North Kivu", "CD", PlaceLevel.Admin1), (kivu.Name, kivu.Country, kivu.Level));
        var idleb = Place("Thousands marched in the town of Haranbush in Idleb province.", "Idleb province");
        Assert.Equal(("SY", PlaceLevel.Admin1), (idleb.Country, idleb.Level));
        // A span the tagger ran across a comma is two names: "LGA, Borno".
        var borno = Place("Troops shelled positions in Buk (Damboa LGA, Borno) on Saturday.", "Borno");
        Assert.Equal(("NG", PlaceLevel.Admin1), (borno.Country, borno.Level));
    }

    [Fact]
    public void ADivisionWithoutState_NamedInBrackets_IsTheContainer()
    {
        var places = Places("Militias clashed in Donga LGA (Taraba) on Monday.");
        Assert.Contains(places, p => p.Text == "Taraba" && p.Place is { Name: "Taraba State", Level: PlaceLevel.Admin1 });
        Assert.Contains(places, p => p.Text == "Donga LGA" && p.Place.Country == "NG");
    }

    [Fact]
    public void ADivisionTheTaggerTakesForAPersonWithItsDivisionWord_IsThePlace()
    {
        // The tagger reads "Konduga LGA" as a person's name.
        var konduga = Place("Boko Haram attacked soldiers in Auno (Konduga LGA, Borno) on Monday.", "Konduga LGA");
        Assert.Equal(("Konduga", "NG", PlaceLevel.Admin2), (konduga.Name, konduga.Country, konduga.Level));
    }

    [Theory]
    [InlineData("Kupiansk, the district's largest town, came under fire on Monday.", "Kupiansk", "UA")]
    [InlineData("Rumbek, a cattle town near the Nile, was cut off by floods.", "Rumbek", "SS")]
    public void ANameOpeningTheSentence_IsAPlace_WhenAnAppositiveCallsItASettlement(string text, string name, string country) =>
        Assert.Equal(country, Place(text, name, GazetteerOnly).Country);

    [Theory]
    [InlineData("Jackson, the town's mayor, said the road would reopen.")]
    [InlineData("Jackson, the city council leader, said the road would reopen.")]
    public void APersonDescribedByTheirTownsOffice_IsNoPlace(string text) =>
        Assert.DoesNotContain(Places(text, GazetteerOnly), p => p.Text == "Jackson");

    [Fact]
    public void ASurnameTheReportGivesAsAPerson_IsNoPlace_ThoughAPrepositionPrecedesIt() =>
        Assert.DoesNotContain(Places("Thousands marched against interim President Manuel Merino on Saturday. Most of Merino's cabinet resigned overnight."),
            p => p.Text == "Merino");

    [Fact]
    public void AFirstWordThatANameWithAnArabicArticleGoesOnFrom_IsNoPlaceOfItsOwn()
    {
        var places = Places("Troops sealed off the Wadi al-Sahel area outside Hebron on Monday.");
        Assert.DoesNotContain(places, p => p.Text == "Wadi");
        Assert.Contains(places, p => p.Text == "Hebron");
    }

    [Theory]
    [InlineData("Police fired on crowds near the junction of Abancay and Nicolas de Pierola avenues in Lima.", "Abancay")]
    [InlineData("Marchers gathered at the corner of Kano and Broad streets in central Lagos.", "Kano")]
    public void StreetsNamedAfterTowns_AreNoPlaces(string text, string street)
    {
        var places = Places(text);
        Assert.DoesNotContain(places, p => p.Text == street);
        Assert.Contains(places, p => p.Place.Level == PlaceLevel.City); // the city the streets are in
    }

    [Fact]
    public void ANameSomeoneIsIdentifiedAs_IsNoPlace() =>
        Assert.DoesNotContain(Places("Troops killed a militant commander, identified by police as Usman, in a gun battle in Srinagar on Saturday."),
            p => p.Text == "Usman");

    [Fact]
    public void ACitysStreets_AreTheCity() => Assert.Contains(Places("Crowds filled Tehran streets on Monday."), p => p.Text == "Tehran");

    [Fact]
    public void ADivisionUnderAnotherSpelling_IsKept_InAReportOnOtherCountries()
    {
        var idleb = Place("Turkey and Russia conducted a joint patrol on the M4 highway in Idleb on Monday.", "Idleb");
        Assert.Equal(("SY", "Idlib"), (idleb.Country, idleb.Admin1 ?? idleb.Name));
    }

    [Fact]
    public void ADistrictNamedAsContainer_IsTheDistrict()
    {
        var lga = Place("Troops shelled positions in Buk (Damboa LGA, Borno) on Saturday.", "Damboa LGA");
        Assert.Equal((PlaceLevel.Admin2, "NG"), (lga.Level, lga.Country));
        // Named without its "Territory", held by the division that follows it.
        var masisi = Place("Armed men attacked a mine in Rubaya (Masisi, Nord-Kivu) on Saturday.", "Masisi");
        Assert.Equal(("Masisi Territory", PlaceLevel.Admin2), (masisi.Name, masisi.Level));
    }

    [Fact]
    public void ATownMatchedByAnotherOfItsNames_InACountryNothingElsePointsTo_IsLeftOut()
    {
        // "Bala" is another name of Basel; the report is about Afghanistan.
        Assert.All(Places("Taliban militants ambushed policemen in Bala Duri village of Nahrin district, Baghlan."),
            p => Assert.Equal("AF", p.Place.Country));
        // Another name of a town is kept where the report points to its country, or nowhere else.
        Assert.Equal("UA", Place("Ukrainian police detained protesters in Kiev on Monday.", "Kiev").Country);
        Assert.Equal("UA", Place("Protesters marched in Kiev on Monday.", "Kiev").Country);
    }

    [Fact]
    public void AThreeLetterTown_NotWrittenAsACode_IsATown()
    {
        var nis = Place("Citizens protested from their balconies in Nis, Serbia, on Friday.", "Nis");
        Assert.Equal(("RS", PlaceLevel.City), (nis.Country, nis.Level));
        var providencia = Place("Nearly 50 Peruvian citizens protested in Providencia, Metropolitana, on Friday.", "Providencia");
        Assert.Equal("CL", providencia.Country);
    }

    [Fact]
    public void AThreeLetterTownTheTaggerCallsAPlace_IsFoundBeforeAComma()
    {
        // Nothing else in the report names Russia: the spelling alone must find the town.
        var ufa = Place("Workers protested in Ufa, demanding unpaid wages.", "Ufa");
        Assert.Equal(("RU", PlaceLevel.City), (ufa.Country, ufa.Level));
        // Still not a code written in lower case.
        Assert.DoesNotContain(Places("Tell us what you saw, then leave.", GazetteerOnly), p => p.Text == "us");
    }

    [Fact]
    public void ABracketedContainerThatIsNoPlace_RulesNothingOut()
    {
        var kanpur = Place("A crowd attacked police officers in Kanpur (UP) on Tuesday.", "Kanpur");
        Assert.Equal(("IN", "Uttar Pradesh"), (kanpur.Country, kanpur.Admin1));
        // A container that is a place still leaves a namesake elsewhere unresolved.
        Assert.DoesNotContain(Places("Shelling was reported in Pisky, Donetsk, overnight."), p => p.Text == "Pisky" && p.Place.Country != "UA");
    }

    [Fact]
    public void ADistrictTheGazetteerLacks_IsPutAtTheTownOfItsNameInItsContainer()
    {
        var (text, qaysar) = Places("Soldiers were ambushed in Qaysar district, Faryab, on Monday.").Single(p => p.Text.StartsWith("Qaysar", StringComparison.Ordinal));
        Assert.Equal(("Qaysar district", "AF", "Faryab", PlaceLevel.Admin2), (text, qaysar.Country, qaysar.Admin1, qaysar.Level));
    }

    [Fact]
    public void ADistrictTheGazetteerLacks_WithNoContainer_IsPutAtTheTownOfItsName_InTheReportsCountries()
    {
        var dehloran = Place("Two soldiers were injured by a landmine in Dehloran county on Monday.", "Dehloran county");
        Assert.Equal(("IR", PlaceLevel.Admin2), (dehloran.Country, dehloran.Level));
        // Where the report names its countries, a town elsewhere does not stand for the district.
        Assert.DoesNotContain(Places("Iraqi police said two soldiers were injured by a landmine in Dehloran county on Monday."), p => p.Text == "Dehloran county");
    }

    [Fact]
    public void ASoundAlikeOfATaggedPlace_IsTakenWhenTheReportNamesNoCountry_ButNotOutsideTheCountriesItNames()
    {
        Assert.Equal("IQ", Place("Doctors in Sulaimaniyah protested on Monday over unpaid salaries.", "Sulaimaniyah").Country);
        Assert.DoesNotContain(Places("Doctors in Sulaimaniyah protested on Monday, Turkish media said."), p => p.Text == "Sulaimaniyah");
    }

    [Fact]
    public void ADivisionNamedAsSuch_IsMappedAtTheTownOfItsNameItHolds()
    {
        var district = Place("Police dispersed a rally in Thatta district (Sindh) on Friday.", "Thatta district");
        var town = Place("Police dispersed a rally in Thatta, Sindh, on Friday.", "Thatta");
        Assert.Equal((PlaceLevel.Admin2, PlaceLevel.City), (district.Level, town.Level));
        Assert.True(Geo.DistanceKm(district.Latitude, district.Longitude, town.Latitude, town.Longitude) < 1);
        // A division with no town of its name keeps its own point.
        var state = Place("Farmers blocked roads across Michoacan state on Friday.", "Michoacan state");
        Assert.Equal(PlaceLevel.Admin1, state.Level);
    }

    [Fact]
    public void ANameCalledACityOrTown_IsTheTownOfThatName()
    {
        // Not the strip, not the province of the same name, not a bigger city once spelt alike.
        var gaza = Place("Artillery hit a post in the east of Gaza city on Thursday.", "Gaza");
        Assert.Equal(("PS", PlaceLevel.City), (gaza.Country, gaza.Level));
        var puno = Place("Residents of Puno city banged pots on Wednesday.", "Puno");
        Assert.Equal(("PE", PlaceLevel.City), (puno.Country, puno.Level));
        // Without the word, the name is the province.
        Assert.Equal(PlaceLevel.Admin1, Place("Residents of Puno banged pots on Wednesday.", "Puno").Level);
    }

    [Fact]
    public void ANameTheTaggerTakesForSomethingElse_IsAPlaceWhenCalledATownOrVillage()
    {
        var town = Places("Residents blocked a road in Radhan town (Larkana, Sindh) on Monday.").Single(p => p.Text == "Radhan").Place;
        Assert.Equal(("PK", PlaceLevel.City), (town.Country, town.Level));
    }

    [Fact]
    public void Seed_AllThirteenPlacesResolveWithinTolerance()
    {
        var found = Places(Seed.Text());
        using var expected = System.Text.Json.JsonDocument.Parse(File.ReadAllText(TestPaths.SeedExpected));
        foreach (var place in expected.RootElement.GetProperty("places").EnumerateArray())
        {
            var mention = place.GetProperty("mention").GetString()!;
            var country = place.GetProperty("country").GetString();
            var match = found.Where(f => f.Text.Contains(mention, StringComparison.Ordinal) || mention.Contains(f.Text, StringComparison.Ordinal))
                .Where(f => f.Place.Country == country)
                .Where(f => !place.TryGetProperty("lat", out var lat)
                    || Geo.DistanceKm(lat.GetDouble(), place.GetProperty("lon").GetDouble(), f.Place.Latitude, f.Place.Longitude) <= place.GetProperty("tolerance_km").GetDouble());
            Assert.True(match.Any(), $"{mention} ({country}) not resolved within tolerance");
        }
    }
}
