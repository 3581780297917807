using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Events;

/// <summary>The coding rules of the event stage, each with a case it decides, and the cases that must yield no event.</summary>
public class EventCoderTests
{
    private static readonly DocumentPipeline Pipeline = (StandardStages.Default.Provides & Layer.Events) != 0
        ? StandardStages.Default
        : throw new InvalidOperationException("No event stage: it needs the gazetteer and models/events.bin.");

    private static readonly DateOnly Monday = new(2022, 1, 10);

    private static IReadOnlyList<CodedEvent> Events(string text, DateOnly? date = null)
    {
        var document = new Document(text, date ?? Monday, new SourceLocation("test"));
        Pipeline.Process(document);
        return document.Events;
    }

    private static CodedEvent Single(string text) => Assert.Single(Events(text));

    private static string Type(CodedEvent e) => $"{e.EventType}/{e.SubEventType}";

    [Fact]
    public void LethalForceOnProtesters_IsExcessiveForce()
    {
        var e = Single("Police opened fire on protesters in Nairobi on Monday, killing three of them.");
        Assert.Equal("Protests/Excessive force against protesters", Type(e));
        Assert.Equal(3, e.Fatalities);
        Assert.Equal("Protesters (Kenya)", e.Actor1);
        Assert.Equal("Police Forces of Kenya", e.Actor2);
    }

    [Fact]
    public void LethalForceOnMarchers_IsExcessiveForce_ThoughTheyAreNotCalledProtesters()
    {
        Assert.Equal("Protests/Excessive force against protesters",
            Type(Single("Two students were killed in Lima on Monday when police fired tear gas and pellets at people marching against the government.")));
    }

    [Fact]
    public void ShotsIntoTheAir_KillNobody_SoTheyAreNoViolenceAgainstCivilians()
    {
        Assert.NotEqual("Violence against civilians/Attack", Type(Single("Soldiers fired shots into the air to scatter a crowd in Sokoto on Monday.")));
    }

    [Theory]
    [InlineData("On Monday the unrest spread to Kaolack, where a student died during clashes with security forces.")]
    [InlineData("Police shot dead two men in Kaolack on Monday as demonstrators clashed with the police outside the court.")]
    public void ProtestersClashingWithForces_AreAViolentDemonstration_DeathsOrNot(string text) =>
        Assert.Equal("Riots/Violent demonstration", Type(Single(text)));

    [Fact]
    public void ProtestersDispersingOnTheirOwn_AreAPeacefulProtest() =>
        Assert.Equal("Protests/Peaceful protest", Type(Single("Protesters dispersed from the central square of Aktau on Monday.")));

    [Fact]
    public void Arrests_AreAStrategicDevelopment_ButAtAProtestAnIntervention()
    {
        Assert.Equal("Strategic developments/Arrests", Type(Single("Police arrested 15 opposition politicians in Minsk on Monday.")));
        Assert.Equal("Protests/Protest with intervention", Type(Single("Police dispersed the protest in Minsk on Monday and arrested 20 demonstrators.")));
    }

    [Theory]
    [InlineData("The government of Kazakhstan resigned on Monday.")]
    [InlineData("Authorities shut down the internet in Almaty on Monday.")]
    [InlineData("A curfew was imposed in Almaty on Monday.")]
    [InlineData("Russian peacekeepers were deployed to Kazakhstan on Monday.")]
    public void ResignationsShutdownsCurfewsAndDeployments_AreStrategicDevelopments(string text) =>
        Assert.Equal("Strategic developments", Single(text).EventType);

    [Fact]
    public void Looting_IsLootingOrPropertyDestruction()
    {
        var e = Single("Crowds looted shops and pharmacies in Almaty on Monday.");
        Assert.Equal("Strategic developments/Looting/property destruction", Type(e));
    }

    [Theory]
    [InlineData("Belarus will send peacekeepers to Kazakhstan.")]
    [InlineData("The CSTO includes Russia, Belarus, Armenia, Kyrgyzstan and Tajikistan.")]
    [InlineData("A magnitude 6.1 earthquake struck eastern Turkey on Monday, killing 30 people.")]
    [InlineData("The two foreign ministers met in Geneva on Monday to discuss trade.")]
    public void PlansMembershipDisastersAndMeetings_AreNotEvents(string text) => Assert.Empty(Events(text));

    [Fact]
    public void RunningToll_CountsWhatItReaches_AndVagueAmountsTakeAcledValues()
    {
        Assert.Equal(13, Single("The death toll among security officers in Almaty rose to 13 on Monday.").Fatalities);
        var dozens = Single("Dozens of rioters were killed in Almaty on Monday when they stormed the police building.");
        Assert.Equal(12, dozens.Fatalities);
        Assert.Equal("Dozens", dozens.FatalitiesText);
    }

    [Theory]
    [InlineData("Police shot dead a drug suspect during a raid in Bulacan on Monday.", "a drug suspect")]
    [InlineData("Gunmen attacked a police officer in Celaya on Monday. The officer died in hospital.", "The officer")]
    [InlineData("A man was shot dead by two armed men on a motorcycle in Teresina on Monday.", "A man")]
    public void ALoneVictim_IsOneDeath_AndTheAttackersAreNotCounted(string text, string phrase)
    {
        var e = Events(text).Single(e => e.Fatalities > 0);
        Assert.Equal((1, phrase), (e.Fatalities, e.FatalitiesText));
    }

    [Fact]
    public void TheVictims_WithoutAFigure_AreNotOneDeath()
    {
        Assert.DoesNotContain(Events("The soldiers were killed in an ambush near Kidal on Monday."), e => e.Fatalities == 1);
    }

    [Fact]
    public void ATollWithAnAsideNamingTheVictims_CountsTheToll() =>
        Assert.Equal(40, Single("Gunmen attacked a village in Zamfara on Monday in which at least 40 people, including women and children, were killed.").Fatalities);

    [Fact]
    public void Injuries_AreNotDeaths()
    {
        var e = Single("Two soldiers were killed and four were wounded in clashes with militants near Kidal on Monday.");
        Assert.Equal((2, 4), (e.Fatalities, e.Injured));
    }

    [Fact]
    public void Place_TheSentencesOwn_ElseItsParagraphs_ElseTheReportsCountry()
    {
        var events = Events("""
            Protesters rallied in Aktau on Monday.

            In Kazakhstan, the unrest spread. Police clashed with rioters there on Monday.

            The government resigned.
            """);
        Assert.Equal(("Aktau", AcledGeoPrecision.Place), (events[0].Place?.Name, events[0].GeoPrecision));
        Assert.Contains(events, e => e.EventType is "Riots" or "Battles" && e.Place?.Name == "Kazakhstan" && e.GeoPrecision == AcledGeoPrecision.Region);
        Assert.Equal(("Kazakhstan", AcledGeoPrecision.Region), (events[^1].Place?.Name, events[^1].GeoPrecision));
    }

    [Fact]
    public void Place_APlaceAfterFrom_GivesWayToAnotherTown_NotToItsOwnContainer()
    {
        // The protesters' town, whose province is named with it, is where they protested.
        Assert.Equal("Ar Rudayyif", Single("Residents from Redeyef (Gafsa) protested on Monday over water cuts.").Place?.Name);
        // Where a town is named for the event, the one they came from is not the place.
        var e = Single("Workers from Surat threw stones at police at Halol on Monday.");
        Assert.Equal("Hālol", e.Place?.Name);
        // Nor does a town they came from outrank the division the event is said to be in.
        var lima = Single("In Pasco province, neighbours protested on Monday against travellers who had come from Lima.");
        Assert.NotEqual("Lima", lima.Place?.Name);
    }

    [Fact]
    public void Place_ARegionInsideOneCountry_IsMoreSpecificThanTheCountry_ARegionAcrossBordersIsNot()
    {
        Assert.Equal("Mindanao", Single("Soldiers in Mindanao agreed on Monday to a truce with rebels, a week after the Philippines sent more troops.").Place?.Name);
        Assert.Equal("Mali", Single("Jihadists in the Sahel attacked an army post in Mali on Monday, killing four soldiers.").Place?.Name);
    }

    [Fact]
    public void Place_AnEventKnownOnlyToItsCountry_IsAtTheCapitalsPoint_AsACLEDCodesIt()
    {
        var place = Single("Thousands of teachers went on strike across Kenya on Monday over unpaid wages.").Place!;
        Assert.Equal(("Kenya", PlaceLevel.Country), (place.Name, place.Level));
        Assert.True(Sitrep.Places.Geo.DistanceKm(place.Latitude, place.Longitude, -1.286, 36.817) < 25, $"{place.Latitude}, {place.Longitude} is not Nairobi");
    }

    [Fact]
    public void Place_AnEventKnownOnlyToItsProvince_IsAtItsSeat_AsACLEDCodesIt()
    {
        var place = Single("Oil workers went on strike across Mangystau region on Monday over unpaid wages.").Place!;
        Assert.Equal(("Mangystau", PlaceLevel.Admin1), (place.Name, place.Level));
        Assert.True(Sitrep.Places.Geo.DistanceKm(place.Latitude, place.Longitude, 43.65, 51.2) < 25, $"{place.Latitude}, {place.Longitude} is not Aktau, the region's seat");
    }

    [Fact]
    public void Place_AThingNamedAfterACity_IsNotWhereTheActHappened() =>
        Assert.Equal("Kenya", Single("Gunmen attacked three of Kenya's railway depots on Monday, hours before the opening ceremony of the Nairobi Olympics.").Place?.Name);

    [Fact]
    public void Place_ACountryNamedForItsForces_IsNotWhereTheyAct()
    {
        Assert.NotEqual("US", Single("US forces prevented a Russian patrol from entering the town of Rmelan on Monday.").Place?.Country);
        Assert.NotEqual("TR", Single("Turkey backed factions shelled villages near the border on Monday.").Place?.Country);
        // A country's police act at home.
        Assert.Equal("US", Single("US police arrested 40 protesters on Monday.").Place?.Country);
    }

    [Fact]
    public void Place_ACountryNamedAsWhoActs_IsNotWhereItActs()
    {
        Assert.Equal("Haiti", Single("Kenya deployed 400 police officers to Haiti on Monday.").Place?.Name);
        Assert.Equal("Kenya", Single("Police fired tear gas at protesters in western Kenya on Monday.").Place?.Name);
        Assert.NotEqual("Uganda", Single("Rebels attacked a camp in Beni on Monday, Uganda's army said.").Place?.Name);
    }

    [Fact]
    public void Place_WhereTheSpeakerWas_IsNotWhereTheEventHappened()
    {
        Assert.Equal("Gusau", Single("The governor, speaking to reporters in Abuja, said gunmen had attacked a village near Gusau on Monday.").Place?.Name);
        // Credited after the telling, the places are the event's.
        Assert.Equal("Gusau", Single("Gunmen attacked a village near Gusau on Monday, the governor said in Abuja.").Place?.Name);
    }

    [Fact]
    public void Place_APersonsFirstName_IsNoPlace()
    {
        var e = Single("UN spokeswoman Florence Marchal said police had beaten and detained two priests on Sunday.");
        Assert.NotEqual("Florence", e.Place?.Name);
    }

    [Fact]
    public void Place_AStreetNamedAfterATown_IsInThatTown_UnlessAnotherPlaceIsNamed()
    {
        Assert.Equal("Zahlé", Single("Protesters blocked the Zahle roundabout on Monday with burning tyres.").Place?.Name);
        var e = Single("Farmers staged a protest near the Jalandhar bypass in Ludhiana on Monday.");
        Assert.Equal("Ludhiāna", e.Place?.Name);
    }

    [Fact]
    public void Date_TheSentencesOwnDay_ElseTheReportDateWithLowerPrecision()
    {
        var events = Events("Protests began in Almaty on January 2. The government resigned.", new DateOnly(2022, 1, 6));
        Assert.Equal((new DateOnly(2022, 1, 2), AcledTimePrecision.Day), (events[0].Date, events[0].TimePrecision));
        Assert.Equal((new DateOnly(2022, 1, 6), AcledTimePrecision.Week), (events[^1].Date, events[^1].TimePrecision));
    }

    [Fact]
    public void SentencesAboutOneIncident_MergeIntoOneEvent()
    {
        var e = Single("Protesters rallied in Aktau on Monday. They protested in the central square of Aktau on Monday.");
        Assert.Equal(2, e.Evidence.Count);
    }

    [Fact]
    public void Seed_NoEventIsPlacedInACountryOnlyNamedAsAnAlly_AndTheTollsAreCoded()
    {
        var events = Events(Seed.Text(), new DateOnly(2022, 1, 6));
        Assert.DoesNotContain(events, e => e.Place?.Country is "AM" or "KG" or "TJ" or "RU" or "BY");
        Assert.Contains(events, e => e.Place?.Name == "Almaty" && e.Fatalities == 13);
        Assert.Contains(events, e => e.Place?.Name == "Almaty" && e.Fatalities == 12 && e.FatalitiesText == "dozens");
        Assert.Contains(events, e => e.EventType == "Protests" && e.Date == new DateOnly(2022, 1, 2));
        Assert.Contains(events, e => e.Place?.Name == "Aktau" && e.EventType == "Protests");
    }

    [Fact]
    public void CarBomb_IsARemoteExplosive_ByAnUnidentifiedGroupOnCivilians()
    {
        var e = Single("A car bomb exploded outside a busy market in Kabul on Monday, killing six people, a police spokesman told reporters.");
        Assert.Equal("Explosions/Remote violence/Remote explosive/landmine/IED", Type(e));
        Assert.Equal(6, e.Fatalities);
        Assert.Equal("Unidentified Armed Group (Afghanistan)", e.Actor1);
        Assert.Equal("Civilians (Afghanistan)", e.Actor2);
    }

    [Fact]
    public void OneArmedSideKillingPeople_IsViolenceAgainstCivilians_TwoArmedSidesABattle()
    {
        Assert.Equal("Violence against civilians/Attack", Type(Single("Gunmen stormed a wedding in Zamfara on Monday and killed nine guests, a police spokesman said.")));
        Assert.Equal("Battles", Single("Gunmen attacked an army base in Zamfara on Monday, killing nine soldiers.").EventType);
    }

    [Theory]
    [InlineData("Rebel fighters captured the northern town of Kalemie on Monday.", "Battles/Non-state actor overtakes territory")]
    [InlineData("Government troops recaptured Kalemie from the rebels on Monday.", "Battles/Government regains territory")]
    [InlineData("The army took control of Kalemie on Monday after a week of fighting.", "Battles/Government regains territory")]
    [InlineData("Insurgents entered the town of Kalemie without a fight on Monday.", "Strategic developments/Non-violent transfer of territory")]
    public void WhoTakesAPlace_DecidesTheTerritorialSubType(string text, string label) => Assert.Equal(label, Type(Single(text)));

    [Fact]
    public void FightingBetweenArmedGroups_IsAnArmedClash() =>
        Assert.Equal("Battles/Armed clash", Type(Single("Fighting between armed groups loyal to two rival commanders killed 12 people in Misrata on Monday.")));

    [Theory]
    [InlineData("sparking")]
    [InlineData("setting off")]
    public void AnArrestThatSparksProtests_IsAnArrest_NotAnIntervention(string sparking) =>
        Assert.Equal("Strategic developments/Arrests", Type(Single($"Police arrested the opposition leader at his home in Lahore on Monday, {sparking} protests by his supporters.")));

    [Fact]
    public void VictimsSlaughtered_AreCountedDead() =>
        Assert.Equal(43, Single("Jihadists tied up and slaughtered 43 farm workers near Maiduguri on Monday.").Fatalities);

    [Fact]
    public void TheDayOfTheTellingAlone_IsNoDayOfTheEvent()
    {
        var e = Single("The health ministry said on Sunday that 30 people had been killed in fighting in Misrata.");
        Assert.Equal(AcledTimePrecision.Week, e.TimePrecision);
    }

    [Fact]
    public void BuildingsFreedFromProtesters_AreRegained_ThoughFreedStemsShort() =>
        Assert.Equal("Battles/Government regains territory", Type(Single("The buildings of the Kalemie administration were freed from the protesters on Monday.")));

    [Fact]
    public void ATakingInAnAfterClause_DoesNotTypeTheMainClausesAct() =>
        Assert.Equal("Strategic developments/Other",
            Type(Single("The cabinet declared a state of emergency in Kalemie on Monday after rebels captured two nearby towns.")));

    [Fact]
    public void FightersEnteringATown_IsAnEvent_ThoughNoEventWordIsInTheSentence() =>
        Assert.Equal("Battles/Non-state actor overtakes territory", Type(Single("Rebel fighters entered Kalemie on Monday and by nightfall held the airport.")));

    [Theory]
    [InlineData("Rebels seized 40 hostages in Kalemie on Monday.")]
    [InlineData("Protesters stormed the Kalemie city hall on Monday.")]
    public void TakingPeopleOrABuilding_IsNoTakingOfTerritory(string text) =>
        Assert.DoesNotContain("territory", Type(Single(text)), StringComparison.Ordinal);

    [Theory]
    [InlineData("A fighter jet dropped bombs on a market in the village of Kyauktaw on Monday, killing 30 people.", "Explosions/Remote violence/Air/drone strike")]
    [InlineData("Coalition aircraft carried out an air strike on the outskirts of Kyauktaw on Monday.", "Explosions/Remote violence/Air/drone strike")]
    [InlineData("A police officer in a stolen helicopter dropped grenades on the court in Kyauktaw on Monday.", "Explosions/Remote violence/Grenade")]
    [InlineData("Turkey opened a military training base in Mogadishu on Monday.", "Strategic developments/Headquarters or base established")]
    [InlineData("Government forces dropped barrels of chlorine on a village near Homs on Monday, residents said.", "Explosions/Remote violence/Chemical weapon")]
    [InlineData("A defector and his wife were poisoned with a nerve agent in Salzburg on Monday.", "Explosions/Remote violence/Chemical weapon")]
    [InlineData("The army shot down an armed drone that had crossed the border near Kidal on Monday.", "Strategic developments/Disrupted weapons use")]
    [InlineData("Militiamen raped at least ten women during a raid on a village near Bunia on Monday.", "Violence against civilians/Sexual violence")]
    [InlineData("Police carried out a controlled explosion on a suspicious package near the stadium in Kano on Monday.", "Strategic developments/Disrupted weapons use")]
    [InlineData("Soldiers defused a roadside bomb planted near a checkpoint outside Gao on Monday.", "Strategic developments/Disrupted weapons use")]
    [InlineData("Gunmen in pickup trucks stormed a hunting camp near Gao before dawn on Monday and seized at least 26 foreign nationals.", "Violence against civilians/Abduction/forced disappearance")]
    public void TwoWordsTogether_DecideTheSubType(string text, string label) => Assert.Equal(label, Type(Single(text)));

    [Fact]
    public void HeavyWeaponsWithNoCrowd_AreShellingNotARiot() =>
        Assert.Equal("Explosions/Remote violence/Shelling/artillery/missile attack", Type(Single(
            "Kupiansk, the district's largest town, came under heavy artillery fire on Monday, and residents sheltered in basements as explosions echoed through the streets into the night.")));

    [Theory]
    [InlineData("More than 40 homes were destroyed after soldiers set fire to the village of Kyauktaw on Monday, residents said.")]
    [InlineData("Police began tearing down homes in a settlement outside Kyauktaw on Monday, in the biggest demolition operation in years.")]
    public void ArmedMenBurningOrTearingDownHomes_HarmingNobody_IsPropertyDestruction(string text) =>
        Assert.Equal("Strategic developments/Looting/property destruction", Type(Single(text)));

    [Fact]
    public void HomesBurnedWhilePeopleAreKilled_IsTheViolence() =>
        Assert.NotEqual("Strategic developments/Looting/property destruction",
            Type(Single("Soldiers set fire to homes in the village of Kyauktaw on Monday and shot dead two farmers who tried to flee.")));

    [Fact]
    public void ADroneShotDownAfterItHitSomething_IsTheStrikeNotItsDisruption() =>
        Assert.NotEqual("Strategic developments/Disrupted weapons use",
            Type(Single("A drone struck a fuel depot near Kidal on Monday, killing two guards, before soldiers shot down a second drone.")));

    [Fact]
    public void ARapeOnlyAlleged_IsNotSexualViolence_TheRiotItSetOffIs() =>
        Assert.NotEqual("Violence against civilians/Sexual violence",
            Type(Single("A mob torched shops in Kayseri on Monday after rumours spread that a refugee had raped a girl.")));

    [Fact]
    public void StormingACampToSeizeHostages_IsAnAbduction_NotATakingOfGround() =>
        Assert.DoesNotContain("territory", Type(Single("Gunmen stormed a hunting camp in Muthanna on Monday and kidnapped 26 hunters.")), StringComparison.Ordinal);

    [Fact]
    public void ASuicideBomber_IsASuicideBomb_NotAnAirStrike()
    {
        Assert.Equal("Explosions/Remote violence/Suicide bomb", Type(Single("A suicide bomber blew himself up at a bus station in Quetta on Monday, killing 12 people.")));
    }

    [Fact]
    public void AReportAboutAnIndustrialAccident_YieldsNoEvent()
    {
        Assert.Empty(Events(
            "An explosion at a fuel depot in Lagos on Monday killed 12 workers, the fire service said.\n\n" +
            "Officials said the blast was caused by a gas leak and blamed negligence at the depot."));
    }

    [Fact]
    public void Background_FromYearsAgo_OrHabitual_IsNoEvent()
    {
        var events = Events(
            "Gunmen attacked a bus station in Maiduguri on Monday, killing four passengers, police said.\n\n" +
            "It was the deadliest attack in the city since a bombing in March 2015 killed 40 people. " +
            "Insurgents have frequently attacked travellers on the roads around the city.");
        var attack = Assert.Single(events);
        Assert.Equal(Monday, attack.Date);
        Assert.Equal(4, attack.Fatalities);
    }

    [Fact]
    public void ASentenceOpeningWithItsOwnRecentDay_IsNoBackground_ThoughItNamesAnOldOne()
    {
        var protest = Single("On 10 January 2022, teachers hired in 2019 held a protest in Jacobabad over unpaid salaries.");
        Assert.Equal(("Protests", Monday), (protest.EventType, protest.Date));
        // An old day that opens the sentence still makes it background.
        Assert.Empty(Events("In March 2015, a bombing in Maiduguri killed 40 people."));
    }

    [Theory]
    [InlineData("Shares rallied on Monday after the bank set a date for its listing.")]
    [InlineData("Treasuries slipped on Monday as stocks staged a late rally.")]
    [InlineData("The chip maker demonstrated a new processor on Monday.")]
    [InlineData("The bank's finance chief resigned on Monday after 23 years.")]
    [InlineData("The visitors fired three shots on goal and attacked down the left wing on Monday.")]
    [InlineData("The club fired its coach on Monday after a run of defeats.")]
    [InlineData("A new internet browser was launched on Monday to storm the market.")]
    [InlineData("Shares in Royal Dutch Shell rose on Monday after the oil major raised its dividend.")]
    [InlineData("Jockey Kevin Lynch rode three winners at Redcar on Monday.")]
    [InlineData("The state government set up free health kiosks in Kochi on Monday.")]
    public void WordsWithAnEverydaySense_WithNobodyWhoActsInEvents_AreNoEvent(string text) =>
        Assert.Empty(Events(text));

    // ACLED's training notes use "unrest" as the setting of an act told by another word ("killed during unrest", "as part of national
    // unrest"), never as the act.
    [Theory]
    [InlineData("The town is still scarred by the months of deadly unrest that followed the disputed vote.")]
    [InlineData("Unrest in the province has kept tourists away for a second year.")]
    public void Unrest_IsTheSettingOfAnEvent_NotOne(string text) => Assert.Empty(Events(text));

    [Fact]
    public void APersonLeavingAPost_IsNoEvent_AGovernmentResigningIs()
    {
        Assert.Empty(Events("The interior minister of Peru resigned on Monday, less than a week after taking office."));
        Assert.Equal("Strategic developments/Other", Type(Single("The cabinet of Peru resigned on Monday, less than a week after taking office.")));
    }

    [Fact]
    public void ASportsReport_IsNoEvent_UnlessFansFightPoliceOrPlayersProtest()
    {
        Assert.Empty(Events("The visiting striker was shot down by a late tackle in Sunday's cup clash, and the champions rallied to win the match 3-1."));
        Assert.Contains(Events("Fans clashed with police in Cairo after the league match on Sunday, and two people were killed."),
            e => e.Fatalities == 2);
        Assert.Equal("Protests", Single("Members of a university football team protested in Guadalajara on Sunday against changes to the league.").EventType);
    }

    [Fact]
    public void WordsWithAnEverydaySense_AreAnEvent_WhereSomeoneWhoActsInEventsIsNamed()
    {
        Assert.Equal("Protests", Single("Thousands of workers rallied in Dhaka on Monday.").EventType);
        Assert.Equal(1, Single("A man was shot dead in Culiacan on Monday.").Fatalities);
        Assert.Equal("Strategic developments", Single("The government of Kazakhstan resigned on Monday.").EventType);
        Assert.Equal("Protests", Single("Hundreds of teachers demonstrated against pay cuts in Dhaka on Monday.").EventType);
    }

    [Fact]
    public void AnEmergencyMeeting_IsNoEvent_ButAStateOfEmergencyIs()
    {
        Assert.Empty(Events("The prime minister chaired an emergency security meeting in Lusaka on Monday."));
        Assert.Empty(Events("Foreign ministers held emergency talks in Geneva on Monday."));
        Assert.NotEmpty(Events("The government declared a state of emergency in Lusaka on Monday."));
    }

    [Fact]
    public void ATollPutBySomeone_IsMoreOfTheIncident()
    {
        var e = Single(
            "A bomb exploded at a bus station in Maiduguri on Friday, residents said.\n\n" +
            "Governor Zulum put the toll at 15 dead and 40 injured and said he and other officials were unhurt.");
        Assert.Equal((2, 15), (e.Evidence.Count, e.Fatalities));
    }

    [Fact]
    public void ALaterToll_UpdatesTheIncident_RatherThanStartingAnother()
    {
        var e = Single(
            "Gunmen attacked the village of Kadiogo in Burkina Faso on Monday, killing five people, residents said. " +
            "Officials later said nine bodies had been recovered.");
        Assert.Equal(9, e.Fatalities);
        Assert.Equal(2, e.Evidence.Count);
    }

    [Fact]
    public void TheDayOfTheEvent_WinsOverTheDayOfTheTelling()
    {
        var said = Single("The governor said on Sunday that four people were killed when gunmen attacked a bus near Kaduna on Friday.");
        Assert.Equal(new DateOnly(2022, 1, 7), said.Date);
        var owned = Single("Funerals were held in Mogadishu on Monday for the victims of Saturday's car bombing.");
        Assert.Equal(new DateOnly(2022, 1, 8), owned.Date);
    }

    [Fact]
    public void ReferencesBack_JoinTheIncident_ThoughTheyNameADestinationOrARegion()
    {
        var e = Single(
            "The mayor of Port-au-Prince was shot dead at his home in Port-au-Prince on Monday by unidentified gunmen, police said.\n\n" +
            "His wife was wounded in the attack and was later flown to Miami for treatment.\n\n" +
            "The killing deepens a political crisis in the Caribbean nation.");
        Assert.Equal(3, e.Evidence.Count);
        Assert.Equal("Port-au-Prince", e.Place?.Name);
    }
}

/// <summary>How wire copy's layout and retellings shape the events: datelines, headlines, one event per incident.</summary>
public class WireCopyEventTests
{
    private static IReadOnlyList<CodedEvent> Events(string text, DateOnly date)
    {
        var document = new Document(text, date, new SourceLocation("test"));
        StandardStages.Default.Process(document);
        return document.Events;
    }

    private static readonly DateOnly Friday = new(2023, 3, 10);

    [Fact]
    public void TheDatelinesTownAndDay_AreNotTheEvents()
    {
        var e = Assert.Single(Events("NAIROBI, March 10 - Gunmen attacked a police post in Mandera on Thursday, killing four officers, police said.", Friday));
        Assert.Equal("Mandera", e.Place?.Name);
        Assert.Equal(new DateOnly(2023, 3, 9), e.Date);
    }

    [Fact]
    public void TheCapital_IsTheDatelinesCity_WhereTheStoryNamesNoOther()
    {
        var e = Assert.Single(Events("HARARE, March 10 - Police fired tear gas at hundreds of traders protesting in the Zimbabwean capital on Thursday.", Friday));
        Assert.Equal("Harare", e.Place?.Name);
    }

    [Fact]
    public void WithNoPlaceOfItsOwn_AnEventIsInTheDatelinesCountry_ThoughAnotherIsNamedMore()
    {
        var e = Assert.Single(Events(
            "GOMA, Democratic Republic of Congo, March 10 - Rebels attacked army positions near the border with Uganda on Thursday. " +
            "Hundreds of villagers fled into Uganda, and Uganda's army closed the crossing.", Friday));
        Assert.Equal("CD", e.Place?.Country);
    }

    [Fact]
    public void AnAccordBetweenArmedSides_IsAnAgreement_InTheCapitalItWasSigned_WithNoTollOfTheWarBehindIt()
    {
        var e = Assert.Single(Events(
            "HARARE, March 10 - The government and three rebel groups signed a peace agreement in the Zimbabwean capital on Thursday, " +
            "aiming to end a war in Matabeleland that killed 20,000 people.", Friday));
        Assert.Equal("Strategic developments/Agreement", $"{e.EventType}/{e.SubEventType}");
        Assert.Equal("Harare", e.Place?.Name);
        Assert.Equal(0, e.Fatalities);
    }

    [Fact]
    public void AnAccordWithArmedGroups_IsAnAgreement()
    {
        var e = Assert.Single(Events("The government and 14 armed groups signed a peace agreement in Lusaka on Thursday.", Friday));
        Assert.Equal("Strategic developments/Agreement", $"{e.EventType}/{e.SubEventType}");
    }

    [Fact]
    public void ACountrysCapital_IsTheDatelinesCity_AndANumberWordIsNoTown()
    {
        var e = Assert.Single(Events("NIAMEY, March 10 - Four soldiers were killed when gunmen attacked a checkpoint in Niger's capital on Thursday.", Friday));
        Assert.Equal("Niamey", e.Place?.Name);
    }

    [Fact]
    public void TheDatelinesPlaces_HaveTheDatelineRole()
    {
        var document = new Document("NAIROBI, March 10 - Gunmen attacked a police post in Mandera on Thursday.", Friday, new SourceLocation("test"));
        StandardStages.Default.Process(document);
        Assert.Equal(PlaceRole.Dateline, document.Places.Single(p => p.Name == "Nairobi").Role);
        Assert.Equal(PlaceRole.Mentioned, document.Places.Single(p => p.Name == "Mandera").Role);
    }

    [Fact]
    public void AHeadline_IsNoEventOfItsOwn()
    {
        var e = Assert.Single(Events(
            "Gunmen kill four police officers in northeast Kenya\n\n" +
            "NAIROBI, March 10 - Gunmen attacked a police post in Mandera on Thursday, killing four officers, police said.", Friday));
        Assert.Single(e.Evidence);
    }

    [Fact]
    public void AnIncidentRetoldInLaterParagraphs_IsOneEvent_WithTheMostConservativeToll()
    {
        var e = Assert.Single(Events(
            "NAIROBI, March 10 - Gunmen attacked a police post in Mandera on Thursday, killing at least six officers, a local official said.\n\n" +
            "The gunmen fired rockets at the post before storming it, residents said.\n\n" +
            "A police spokesman said four officers had been killed in Mandera.", Friday));
        Assert.Equal(3, e.Evidence.Count);
        Assert.Equal(4, e.Fatalities);
    }

    [Fact]
    public void ANegatedEvent_IsNoEvent()
    {
        Assert.Empty(Events("Police in Harare did not attack the marchers on Thursday.", Friday));
        Assert.Empty(Events("The army never said whether its jets had bombed the camp.", Friday));
        Assert.Empty(Events("A police officer in Kano said there had been no kidnapping in the town, only a robbery.", Friday));
    }

    [Fact]
    public void AnInvestigationOfAnIncident_IsNoIncident() =>
        Assert.Empty(Events("Prosecutors said on Thursday they had identified 15 people who took part in the killings in the port town of Tema.", Friday));

    [Theory]
    [InlineData("The governor said the first result of the accord should be an end to all violence against farmers in Harare.")]
    [InlineData("Officials in Harare said on Thursday that the militia might have attacked the wrong convoy.")]
    [InlineData("A spokesman said troops had been sent into the markets of Harare on Thursday to prevent looting.")]
    public void WhatShouldOrMightHappen_IsNoEvent(string text) => Assert.Empty(Events(text, Friday));

    [Theory]
    [InlineData("Before the coup, Chad was a key French partner in the fight against Islamist insurgents in the Sahel.")]
    [InlineData("His supporters in Harare say he is fighting corruption and an elite that failed the country.")]
    public void ACampaignOrAFigureOfSpeech_IsNoFight(string text) => Assert.Empty(Events(text, Friday));

    [Fact]
    public void PeopleKidnappedInTheCountry_ThenSeizedInATown_AreOneAbductionInTheTown()
    {
        var e = Assert.Single(Events(
            "NAIROBI, March 10 - Nine aid workers were kidnapped by a gang in northern Kenya on Thursday, police said.\n\n" +
            "The group - six men and three women - was seized in Mandera, a town near the Somali border, by a local gang, a police officer said.", Friday));
        Assert.Equal(("Violence against civilians/Abduction/forced disappearance", "Mandera"), ($"{e.EventType}/{e.SubEventType}", e.Place?.Name));
    }

    [Fact]
    public void AnIncidentToldInTheCountry_ThenInOneOfItsProvinces_IsOneIncidentInTheProvince()
    {
        var e = Assert.Single(Events(
            "NAIROBI, March 10 - Gunmen stormed a camp in Kenya's northern desert before dawn on Thursday and seized 14 aid workers, officials said.\n\n" +
            "The raid took place at around 3 a.m. in a remote part of Mandera county near the Somali border, a police officer said.", Friday));
        Assert.Equal(("Mandera County", 2), (e.Place?.Name, e.Evidence.Count));
    }

    [Fact]
    public void IncidentsSummedUp_AreNoEvent_ButAnIncidentToldBesideThemIs()
    {
        Assert.Empty(Events("Neighbouring Ghana has also suffered a string of deadly attacks near its northern border.", Friday));
        Assert.Equal("Violence against civilians/Attack",
            Assert.Single(Events("Gunmen killed four villagers near Bawku on Thursday, the latest in a spate of raids on the town.", Friday)) is var e ? $"{e.EventType}/{e.SubEventType}" : "");
    }

    [Fact]
    public void ANewIncident_NeedsAPlaceOrADayOfItsOwn_ElseItIsComment()
    {
        var e = Assert.Single(Events(
            "NAIROBI, March 10 - Gunmen attacked a market in Mandera on Thursday, killing four traders, police said.\n\n" +
            "Critics say that arrests of suspects rarely lead to trials, and that the troops deployed after such attacks leave within weeks.", Friday));
        Assert.Equal("Mandera", e.Place?.Name);
    }

    [Theory]
    [InlineData("A court in Accra on Thursday jailed the former commander for 20 years, ruling that he had failed to stop the killings.")]
    [InlineData("Mensah's murder led to a crackdown on the movement, which was banned months later.")]
    [InlineData("Mensah's murder led to a crackdown on the movement in Ghana.")]
    [InlineData("\"We will not let the attackers win,\" the president told a rally of supporters.")]
    public void AReferenceToAnIncidentTheReportDoesNotTell_IsNoEvent(string text) => Assert.Empty(Events(text, Friday));

    [Theory]
    [InlineData("Lusaka summoned the Malawian ambassador on Thursday and lodged a protest over the border incident.")]
    [InlineData("Opposition leaders in Lusaka demanded on Thursday that the officers be tried for the killings.")]
    [InlineData("The interior minister condemned the attacks in Lusaka on Thursday and vowed to find those responsible.")]
    [InlineData("The foreign ministry in Lusaka asked the court on Thursday to investigate the demolitions.")]
    public void ASentenceWhoseActIsVerbal_IsNoEventOfItsOwn(string text) => Assert.Empty(Events(text, Friday));

    [Fact]
    public void AVerbalActAfterAnIncident_TellsMoreOfIt()
    {
        var e = Assert.Single(Events(
            "Gunmen attacked a police post in Mandera on Thursday, killing four officers.\n\n" +
            "The interior minister condemned the attack in Mandera and vowed to find those responsible.", Friday));
        Assert.Equal(2, e.Evidence.Count);
    }

    [Fact]
    public void AnIncidentMoreThanAWeekBeforeTheReport_IsBackground()
    {
        var e = Assert.Single(Events(
            "Gunmen attacked a police post in Mandera on Thursday, killing four officers.\n\n" +
            "The officers who seized the town on February 20 have not returned to their barracks.", Friday));
        Assert.Equal(new DateOnly(2023, 3, 9), e.Date);
    }

    [Fact]
    public void AnOldYearInAnAside_DoesNotMakeTheSentencesOwnRecentDayBackground()
    {
        var e = Assert.Single(Events("Mensah, who came third in the 2019 election, was detained by gendarmes in Dakar on Thursday.", Friday));
        Assert.Equal(new DateOnly(2023, 3, 9), e.Date);
    }

    [Fact]
    public void ASentenceWithNoDayOfItsOwn_GoesOnAtTheDayTheStoryLastNamed()
    {
        var events = Events(
            "DAKAR, March 10 - Gendarmes arrested the opposition leader in Dakar on Thursday.\n\n" +
            "Within hours, his supporters burned tyres and threw stones at police in Ziguinchor.", Friday);
        Assert.All(events, e => Assert.Equal(new DateOnly(2023, 3, 9), e.Date));
        Assert.Contains(events, e => e.Place?.Name == "Ziguinchor");
    }

    [Fact]
    public void AnExplosionWhoseWeaponIsNamedLater_IsCodedByTheWeapon_AndTheTownNamedAgainIsTheSameIncident()
    {
        var e = Assert.Single(Events(
            "GOMA, March 10 - Two explosions tore through a rally in the town of Beni on Thursday, killing nine people, officials said.\n\n" +
            "Witnesses said the crowd had scattered after a man threw grenades from a motorbike in Beni.", Friday));
        Assert.Equal("Explosions/Remote violence/Grenade", $"{e.EventType}/{e.SubEventType}");
        Assert.Equal(2, e.Evidence.Count);
    }

    [Fact]
    public void AnUndatedLead_TakesTheDayALaterParagraphGivesTheSameKindOfEvent()
    {
        var e = Assert.Single(Events(
            "NAIROBI, March 10 - Gunmen attacked a police post in Mandera, officials said.\n\n" +
            "Gunmen attacked the police post at about 9 p.m. on Wednesday, a police source said.", Friday));
        Assert.Equal(new DateOnly(2023, 3, 8), e.Date);
    }

    [Fact]
    public void TheNightAndTheMorningOfOneDay_AreTwoIncidents()
    {
        var events = Events(
            "On the night of March 9, rioters looted shops in central Mandera.\n\n" +
            "On the morning of March 9, rioters looted the market in Mandera again before police arrived.", Friday);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void DemonstratorsExchangingFireWithTroops_AreInAnArmedClash()
    {
        var e = Assert.Single(Events(
            "Hundreds of demonstrators clashed with troops in Mandera on Thursday. The demonstrators opened fire on the soldiers, and a shootout followed.", Friday));
        Assert.Equal("Battles/Armed clash", $"{e.EventType}/{e.SubEventType}");
    }

    [Fact]
    public void ASentenceWithNoPlaceOfItsOwn_GoesOnAtTheTownTheStoryLastNamed()
    {
        var events = Events(
            "DAKAR, March 10 - Students protested against fee rises in Ziguinchor on Wednesday.\n\n" +
            "On Thursday, gendarmes arrested 20 students.", Friday);
        var arrests = Assert.Single(events, e => e.SubEventType == "Arrests");
        Assert.Equal(("Ziguinchor", AcledGeoPrecision.Near), (arrests.Place?.Name, arrests.GeoPrecision));
    }

    [Fact]
    public void AReferenceBackInALaterParagraph_GivesAnUndatedLeadItsDay()
    {
        var e = Assert.Single(Events(
            "MAIDUGURI, Nigeria, March 10 - Gunmen killed 20 farm workers in Borno state, officials said.\n\n" +
            "The attack took place in rice fields near Maiduguri on Wednesday, residents said.", Friday));
        Assert.Equal(new DateOnly(2023, 3, 8), e.Date);
    }

    [Fact]
    public void TheSameKindOfIncident_InTwoTownsOrOnTwoDays_IsTwoEvents()
    {
        var towns = Events("Gunmen attacked a police post in Mandera on Thursday. Gunmen also attacked a police post in Garissa on Thursday.", Friday);
        Assert.Equal(2, towns.Count);
        var days = Events("Gunmen attacked a police post in Mandera on Wednesday.\n\nGunmen attacked a police post in Mandera again on Thursday.", Friday);
        Assert.Equal([new DateOnly(2023, 3, 8), new DateOnly(2023, 3, 9)], days.Select(e => e.Date!.Value).Order());
    }

    [Fact]
    public void WhereAndWhenASourceSpoke_AreNotTheEvents()
    {
        var e = Assert.Single(Events(
            "Three lorry drivers were shot dead on a road in Mandera county, the interior minister told reporters in Nairobi on Thursday.", Friday));
        Assert.NotEqual("Nairobi", e.Place?.Name);
        Assert.Equal(AcledTimePrecision.Week, e.TimePrecision); // Thursday is when it was told: the event was by then, not that day for sure
    }

    [Fact]
    public void AnUndatedLead_TakesTheDayTheNextParagraphGives_ThoughThatSentenceTellsNoEventOfItsOwn()
    {
        var e = Assert.Single(Events(
            "HARARE, March 10 - An opposition organiser found unconscious in a park in Bulawayo had been beaten by soldiers, his lawyer said.\n\n" +
            "He was discovered by a passer-by on Tuesday evening and remains in hospital.", Friday));
        Assert.Equal(new DateOnly(2023, 3, 7), e.Date);
    }

    [Fact]
    public void ADayLongBeforeTheReport_IsNotTakenForAnUndatedLead_UnlessTheLeadNamesItsMonthOrYear()
    {
        var old = Assert.Single(Events(
            "HARARE, March 10 - An opposition organiser was beaten by soldiers in Bulawayo, his lawyer said.\n\n" +
            "He was discovered by a passer-by on January 12 and spent weeks in hospital.", Friday));
        Assert.Equal(Friday, old.Date);
        var named = Assert.Single(Events(
            "HARARE, March 10 - An opposition organiser was beaten by soldiers in Bulawayo last month, his lawyer said.\n\n" +
            "He was discovered by a passer-by on February 12 and spent weeks in hospital.", Friday));
        Assert.Equal(new DateOnly(2023, 2, 12), named.Date);
        var lastYear = Assert.Single(Events(
            "HARARE, March 10 - An opposition organiser was beaten by soldiers in Bulawayo last year, his lawyer said.\n\n" +
            "He was discovered by a passer-by on March 3, 2022 and spent weeks in hospital.", Friday));
        Assert.Equal(new DateOnly(2022, 3, 3), lastYear.Date);
    }

    [Fact]
    public void TheRiotsInTheCountry_AreTheCountrysNotTheTownsTheStoryLastNamed()
    {
        var events = Events(
            "ALMATY, March 10 - Rioters stormed the mayor's office in Almaty, the largest city in Kazakhstan, on Thursday.\n\n" +
            "According to the health ministry, more than 300 people were injured in the riots in the country.", Friday);
        Assert.Equal(2, events.Count);
        Assert.Contains(events, e => e.Place?.Level == PlaceLevel.Country && e.Injured >= 300);
    }

    [Fact]
    public void ALaterSentenceOnlyTheClassifierCallsOther_StartsNoIncident()
    {
        var e = Assert.Single(Events(
            "GAO, March 10 - Gunmen killed five herders near Ansongo on Thursday, officials said.\n\n" +
            "The town of Menaka has become a refuge for families displaced by the violence in the region, which the army patrols.", Friday));
        Assert.Equal("Ansongo", e.Place?.Name);
    }

    [Fact]
    public void TheDayAClaimOfResponsibilityWasMade_IsNotTheAttacksOwnDay()
    {
        var e = Assert.Single(Events("An armed group claimed responsibility on Thursday for an attack in which gunmen killed nine soldiers in Mandera.", Friday));
        Assert.Equal(AcledTimePrecision.Week, e.TimePrecision);
    }

    [Fact]
    public void APlaceTheSceneIsToldFrom_IsNotTheScene()
    {
        var e = Assert.Single(Events("Gunmen ambushed a bus on a desert road in Minya province, south of Cairo, on Thursday, killing seven pilgrims.", Friday));
        Assert.Equal("Minya", e.Place?.Name);
    }

    [Fact]
    public void WhereATrainWasBound_IsNotWhereTheBlastThatHitItWas()
    {
        var e = Assert.Single(Events(
            "QUETTA, Pakistan, March 10 - A bomb exploded at the railway station in Quetta on Thursday, killing 20 people.\n\n" +
            "The blast ripped through a platform shortly before a train was due to depart for Peshawar at 9 a.m.", Friday));
        Assert.Equal("Quetta", e.Place?.Name);
    }

    [Fact]
    public void AKidnappingReport_ThatRecallsAnEarthquake_IsNoDisasterReport()
    {
        var events = Events(
            "PORT-AU-PRINCE - Nine aid workers were kidnapped near Jacmel on Thursday, police said.\n\n" +
            "Abductions have surged since an earthquake killed more than 2,000 people last year.", Friday);
        Assert.Contains(events, e => e.SubEventType == "Abduction/forced disappearance");
    }

    [Fact]
    public void ACountrysCapital_IsTheDatelinesCityInThatCountry()
    {
        var e = Assert.Single(Events(
            "NIAMEY/WASHINGTON, March 10 - Foreign troops have moved into an air base in Niger's capital, officials said, as Washington prepares to leave.", Friday));
        Assert.Equal("Niamey", e.Place?.Name);
    }

    [Fact]
    public void BeyondTheCapital_IsNotTheCapital() =>
        Assert.NotEqual("Dakar", Assert.Single(Events(
            "DAKAR, March 10 - A student was killed in Senegal on Thursday as riots spread beyond the capital.", Friday)).Place?.Name);

    [Fact]
    public void WhereUnrestSpread_IsWhereItHappened() =>
        Assert.Equal("Ziguinchor", Assert.Single(Events("On Thursday the riots spread from Dakar to Ziguinchor, where a student was killed.", Friday)).Place?.Name);

    [Fact]
    public void ATownBesideADivisionOfAnotherCountry_IsANamesake_NotTheScene()
    {
        var e = Assert.Single(Events("POPAYAN, Colombia, March 10 - Troops retook Springfield, a village in the province of Cauca, on Thursday.", Friday));
        Assert.Equal("CO", e.Place?.Country);
    }

    [Theory]
    [InlineData("MANDERA, March 10 - A suicide bomber killed nine people at a market in Mandera on Thursday night.",
        "The attacker set off his explosives in a crowded aisle at about 7 p.m., police said.")]
    [InlineData("MALINDI, March 10 - Hundreds of residents stormed a police post in Malindi on Thursday and beat two suspects to death.",
        "The crowd, put by witnesses at about a thousand, then stoned officers arriving at the scene.")]
    [InlineData("MANDERA, March 10 - Militants threw a grenade near a crowd at a market in Mandera on Thursday, wounding 12 people.",
        "The grenade was aimed at a police post nearby but missed it and exploded among the stalls.")]
    public void TheAttackerOrTheWeaponToldAgain_IsMoreOfTheIncident(string lead, string more) =>
        Assert.Single(Events(lead + "\n\n" + more, Friday));

    [Fact]
    public void AnInstitutionNamedAfterTheDatelinesCity_IsInIt()
    {
        var e = Assert.Single(Events("PESHAWAR, Pakistan, March 10 - Police arrested a former provincial minister inside the Peshawar High Court compound on Thursday.", Friday));
        Assert.Equal("Peshawar", e.Place?.Name);
    }

    [Fact]
    public void PetrolBombsThrownByACrowd_AreNoExplosiveDevice() =>
        Assert.NotEqual("Explosions/Remote violence",
            Assert.Single(Events("Hundreds of residents hurled stones and petrol bombs at a police station in Mandera on Thursday.", Friday)).EventType);

    [Fact]
    public void WhereSomeoneCameFrom_IsNoPlaceForTheNextSentenceToInherit()
    {
        var events = Events(
            "MOMBASA, March 10 - A mob beat two suspected thieves to death in Malindi on Thursday, police said.\n\n" +
            "The two, who came from Nairobi, had been held at a police post. Residents later set the post ablaze.", Friday);
        Assert.DoesNotContain(events, e => e.Place?.Name == "Nairobi");
    }

    [Fact]
    public void WhatFollowsADatedPieceOfBackground_WithNoDayOfItsOwn_IsBackgroundToo() =>
        Assert.Empty(Events(
            "CONAKRY, March 10 - A court on Thursday sentenced a former army commander to 20 years in prison over a massacre at a stadium.\n\n" +
            "On March 3, 2015, soldiers opened fire on a rally at the stadium. An inquiry found that 80 people were killed and 40 women were raped.", Friday));

    [Fact]
    public void ACrowdPuttingSomeoneToDeath_IsMobViolence_WithOneDead()
    {
        var e = Assert.Single(Events("On Thursday, students attacked a lecturer at a college in Zaria and beat him to death.", Friday));
        Assert.Equal(("Riots/Mob violence", 1), ($"{e.EventType}/{e.SubEventType}", e.Fatalities));
    }

    [Fact]
    public void PeoplePutToDeathAsThem_CountAsThePeopleCountedBefore()
    {
        var e = Assert.Single(Events("On Thursday a crowd in Zaria stormed the police station, dragged out three farmers and a trader held there and beat them to death.", Friday));
        Assert.Equal((4, "three farmers and a trader"), (e.Fatalities, e.FatalitiesText));
    }

    [Fact]
    public void TheDeadToldInParts_DoNotLowerTheToll()
    {
        var e = Assert.Single(Events(
            "GARISSA, March 10 - Five aid workers were killed on Thursday when gunmen ambushed their convoy near Garissa, police said.\n\n" +
            "The attack killed four of them at the scene and the fifth died in hospital.", Friday));
        Assert.Equal(5, e.Fatalities);
    }

    [Fact]
    public void ATollOverMonthsOfUnrest_IsNotTheIncidents()
    {
        var e = Assert.Single(Events(
            "CARACAS, March 10 - A police officer threw two grenades at the Supreme Court in Caracas on Thursday. Nobody was hurt.\n\n" +
            "The attack came after nearly three months of street protests in which more than 70 people have been killed.", Friday));
        Assert.Equal(0, e.Fatalities ?? 0);
    }

    [Fact]
    public void TheSameActTold_AtTwoTowns_IsTwoEvents()
    {
        var events = Events("LYON, March 10 - Some 30,000 people marched in Grenoble on Thursday, and about 8,000 gathered in Annecy.", Friday);
        Assert.Equal(["Annecy", "Grenoble"], events.Select(e => e.Place?.Name).Order());
        Assert.All(events, e => Assert.Equal("Protests", e.EventType));
    }

    [Theory]
    [InlineData("LYON, March 10 - Hundreds of farmers protested in Grenoble on Thursday, supporting the blockades in Annecy.")]
    [InlineData("LYON, March 10 - Police dispersed a protest in Grenoble on Thursday and arrested farmers from the town of Annecy.")]
    [InlineData("LYON, March 10 - Police dispersed a protest in Grenoble on Thursday and detained leaders of the unions of Annecy.")]
    [InlineData("LYON, March 10 - Thousands of farmers rallied in Grenoble, Chambery, on Thursday.")]
    public void TownsThatSayWhatTheActorsBacked_WhereTheyCameFrom_WhoseTheyAre_OrWhereATownIs_AreNoSitesOfTheirOwn(string text)
    {
        var e = Assert.Single(Events(text, Friday));
        Assert.Equal("Grenoble", e.Place?.Name);
    }

    [Fact]
    public void TownsListed_AreEachASite()
    {
        var events = Events("LYON, March 10 - Thousands of farmers rallied in Grenoble, Chambery and Annecy on Thursday.", Friday);
        Assert.Equal(["Annecy", "Chambéry", "Grenoble"], events.Select(e => e.Place?.Name).Order());
    }

    [Fact]
    public void ARoadBetweenTwoTowns_IsOneSite()
    {
        Assert.Single(Events("LYON, March 10 - Farmers blocked the road between Grenoble and Chambery on Thursday.", Friday));
    }

    [Fact]
    public void ABuildingBurnedByArsonists_IsPropertyDestruction()
    {
        var e = Assert.Single(Events("LEEDS, March 10 - Unidentified arsonists burned down a mosque in Bradford on Thursday.", Friday));
        Assert.Equal("Strategic developments/Looting/property destruction", $"{e.EventType}/{e.SubEventType}");
    }

    [Fact]
    public void FiresSetAtSeveralTowns_AreTheArsonTheStoryOpenedWith_AtEachTown()
    {
        var events = Events(
            "PARIS, March 10 - Saboteurs set fire to power installations on two railway lines on Thursday.\n\n" +
            "The operator said fires had been started in cable ducts near Arras; and near Metz. A single fire halted trains for hours.", Friday);
        Assert.Equal(["Arras", "Metz"], events.Select(e => e.Place?.Name).Order());
        Assert.All(events, e => Assert.Equal("Strategic developments/Looting/property destruction", $"{e.EventType}/{e.SubEventType}"));
    }

    [Fact]
    public void ArrestsAfterARampage_AreTheRampage()
    {
        var e = Assert.Single(Events("ANKARA, March 10 - Police detained 40 people after crowds went on the rampage in Konya overnight, setting fire to shops.", Friday));
        Assert.Equal("Riots", e.EventType);
    }

    [Fact]
    public void TheEveningAndTheNightOfOneDay_AreOneIncident()
    {
        var e = Assert.Single(Events(
            "ANKARA, March 10 - Rioters smashed shop windows and hurled stones at police in Konya overnight, police said.\n\n" +
            "The violence broke out on Thursday evening in the city's Meram district after a dispute.", Friday));
        Assert.Equal(2, e.Evidence.Count);
    }

    [Theory]
    [InlineData("WARSAW, March 10 - A rocket fired by Belarus's own air defences killed two farmers on Thursday, Poland's government said.")]
    [InlineData("WARSAW, March 10 - A rocket killed two farmers on Thursday, Poland's government said. It was an old rocket used by Belarus.")]
    public void ACountryNamedAsWhoseWeaponOrWhoUsedIt_IsNotWhereTheEventWas(string text)
    {
        var e = Assert.Single(Events(text, Friday));
        Assert.Equal("PL", e.Place?.Country);
    }

    [Fact]
    public void WhatIsUnlikelyOrProbable_IsNoEvent_ButAnEventToldBeforeTheGuessIs()
    {
        Assert.Empty(Events("WARSAW, March 10 - Officials said it was unlikely that the rocket had been fired by rebels.", Friday));
        Assert.Empty(Events("WARSAW, March 10 - Officials said it was probably a stray rocket fired by rebels.", Friday));
        Assert.Single(Events("WARSAW, March 10 - The rocket that killed two farmers near Chelm on Thursday was probably fired by rebels.", Friday));
    }

    [Fact]
    public void APersonResigningAsCrowdsRally_IsTheRally()
    {
        var e = Assert.Single(Events("YEREVAN, March 10 - The prime minister resigned on Thursday as thousands of people rallied in Gyumri.", Friday));
        Assert.Equal("Protests", e.EventType);
    }

    [Fact]
    public void ALeaderFreedFromDetention_IsNoInterventionInTheRally()
    {
        var e = Assert.Single(Events(
            "YEREVAN, March 10 - Thousands of people rallied peacefully in Gyumri on Thursday, hours after the opposition leader was freed from detention.", Friday));
        Assert.Equal("Protests/Peaceful protest", $"{e.EventType}/{e.SubEventType}");
    }

    [Theory]
    [InlineData("LAHORE, March 10 - Journalists protested in Multan on Thursday against the unjust arrest of a newspaper editor.")]
    [InlineData("LAHORE, March 10 - Teachers rallied in Multan on Thursday, demanding the release of detained union leaders.")]
    public void AProtestAgainstAnArrest_IsNotMetByOne(string text)
    {
        var e = Assert.Single(Events(text, Friday));
        Assert.Equal("Protests/Peaceful protest", $"{e.EventType}/{e.SubEventType}");
    }

    [Fact]
    public void ARiotItsSentencesCallADemonstration_IsAViolentDemonstration()
    {
        var e = Assert.Single(Events(
            "KANO, March 10 - A curfew was imposed on Kano on Thursday after a mob beat a trader to death and hundreds of youths took to the streets.\n\n" +
            "The protesters burned tyres and threw stones at police outside the emir's palace in Kano.", Friday));
        Assert.Equal("Riots/Violent demonstration", $"{e.EventType}/{e.SubEventType}");
    }

    [Theory]
    [InlineData("CARACAS, March 10 - Protesters carrying banners reading \"Hands off Maracay\" marched in Valencia on Thursday.")]
    [InlineData("CARACAS, March 10 - Protesters carrying banners reading “Hands off Maracay” marched in Valencia on Thursday.")]
    public void APlaceInQuotationMarks_IsSomeonesWords_NotWhereTheEventWas(string text)
    {
        var e = Assert.Single(Events(text, Friday));
        Assert.Equal("Valencia", e.Place?.Name);
    }

    [Fact]
    public void WhatHasGoneOnSinceSomeEvent_IsNoEventOfItsOwn()
    {
        Assert.Empty(Events("TEHRAN, March 10 - Protests have spread across the country since the death in custody of a student detained by police in Qom.", Friday));
        var e = Assert.Single(Events("MANAGUA, March 10 - Students marched in Leon on Thursday to remember those who have been killed since the unrest began.", Friday));
        Assert.Equal("Protests", e.EventType);
    }

    [Fact]
    public void AConvoyOnTheMove_IsNoEvent()
    {
        Assert.Empty(Events("OUAGADOUGOU, March 10 - A local official said the convoy of lorries carrying traders and drivers left Kaya on Thursday.", Friday));
    }

    [Theory]
    [InlineData("JERUSALEM, March 10 - Many of the villagers farm land in parts of the occupied Golan Heights.")]
    [InlineData("KYIV, March 10 - Aid workers said food was running short in the besieged city, where thousands remain.")]
    public void AnOccupiedOrBesiegedPlace_IsALastingState_NoEventOfTheDay(string text)
    {
        Assert.Empty(Events(text, Friday));
    }

    [Theory]
    [InlineData("NIAMEY, March 10 - The U.S. military also operates a large drone base near the northern city of Agadez.")]
    [InlineData("SEOUL, March 10 - The army said its missile programme had grown fast, and a rocket maker near Busan doubled its output.")]
    public void AWeaponNamingAThing_IsNoUseOfIt(string text)
    {
        Assert.Empty(Events(text, Friday));
    }

    [Fact]
    public void AClash_IsAFightOnlyBetweenSidesThatFight()
    {
        Assert.Empty(Events("MOSCOW, March 10 - Safin beat Agassi on Thursday to set up a final clash with Federer.", Friday));
        Assert.Empty(Events("LONDON, March 10 - Microsoft released a fix on Thursday for a clash between two programs.", Friday));
        var e = Assert.Single(Events("ALEPPO, March 10 - Two rival factions clashed near Afrin on Thursday.", Friday));
        Assert.Equal("Battles/Armed clash", $"{e.EventType}/{e.SubEventType}");
    }

    [Fact]
    public void WhatIsAlleged_IsWhyCrowdsAct_NotWhatTheyDoNorWhere()
    {
        var e = Assert.Single(Events(
            "TEHRAN, March 10 - Angry at allegations that a police commander in Chabahar had raped a girl, worshippers protested outside a police station in Zahedan on Thursday.", Friday));
        Assert.Equal("Protests", e.EventType);
        Assert.Equal("Zahedan", e.Place?.Name);
    }

    [Fact]
    public void AnIncidentRecalledAsWeeksEarlier_IsBackground_OneHoursEarlierIsNews()
    {
        const string lead = "KADUNA, March 10 - Gunmen abducted 20 pupils from a school in Zaria on Thursday.\n\n";
        var e = Assert.Single(Events(lead + "The abduction came two weeks after bandits seized 30 travellers near Kagara.", Friday));
        Assert.Equal("Zaria", e.Place?.Name);
        Assert.Equal(2, Events(lead + "The abduction came hours after bandits seized 30 travellers near Kagara.", Friday).Count);
    }

    [Theory]
    [InlineData("DENVER, March 10 - The striker was charged with assault on Thursday over a fight outside a club last month.")]
    [InlineData("DENVER, March 10 - Lawyers in the sexual assault case against the striker met the judge on Thursday.")]
    [InlineData("SEATTLE, March 10 - Police said hackers attacked the computer network of a hospital on Thursday.")]
    [InlineData("SEATTLE, March 10 - Police said two opposition websites were blocked on Thursday.")]
    [InlineData("SEATTLE, March 10 - Oil prices rallied on Thursday as traders bet on lower stocks of crude.")]
    public void ACharge_ACourtCase_AnActOnComputers_OrAMarketsMove_IsNoEvent(string text)
    {
        Assert.Empty(Events(text, Friday));
    }

    [Theory]
    [InlineData("LAGOS, March 10 - Police said demand for petrol rose sharply on Thursday.", 0)]
    [InlineData("LAGOS, March 10 - The army kept a ban on motorcycles in Kano on Thursday.", 0)]
    [InlineData("LAGOS, March 10 - Police said the board moved on Thursday to block the sale of the refinery.", 0)]
    [InlineData("LAGOS, March 10 - Cocoa farmers issued a strike threat on Thursday.", 0)]
    [InlineData("LAGOS, March 10 - Dock workers voted against a strike on Thursday.", 0)]
    [InlineData("Two unions filed protests with the labour ministry in Lagos on Thursday.", 0)]
    [InlineData("LAGOS, March 10 - The army imposed a ban on motorcycles in Kano on Thursday.", 1)]
    [InlineData("LAGOS, March 10 - Hundreds of traders took over the main square of Kano on Thursday to demand lower taxes.", 1)]
    public void ADemandABanAThreatAVoteOrAComplaint_IsAnActOnlyWhereSomeoneMakesIt(string text, int events)
    {
        Assert.Equal(events, Events(text, Friday).Count);
    }

    [Theory]
    [InlineData("LAGOS, March 10 - Why did police attack the crowd in Kano on Thursday?")]
    [InlineData("LAGOS, March 10 - A police officer in Kano was fired for taking bribes on Thursday.")]
    [InlineData("LAGOS, March 10 - The bank's board voted on Thursday to fire its chief executive, police said.")]
    public void AQuestionOrADismissal_IsNoEvent(string text)
    {
        Assert.Empty(Events(text, Friday));
    }

    [Fact]
    public void TheDayOfAClauseBeforeTheAct_IsNotTheActsDay()
    {
        var e = Assert.Single(Events(
            "CARACAS, March 10 - Soldiers were searching on Friday for a gunman who threw two grenades at a police station in Valencia.\n\n" +
            "Witnesses saw his car near the station late on Thursday.", Friday));
        Assert.Equal(new DateOnly(2023, 3, 9), e.Date);
        // Past a comma the day's clause has ended: the relative clause is the source's, the day the act's.
        var attack = Assert.Single(Events(
            "MAIDUGURI, March 10 - Farmers were harvesting rice near Dikwa when gunmen surprised them on Wednesday afternoon, " +
            "members of a militia who recovered the bodies said.", Friday));
        Assert.Equal((new DateOnly(2023, 3, 8), AcledTimePrecision.Day), (attack.Date, attack.TimePrecision));
    }
}
