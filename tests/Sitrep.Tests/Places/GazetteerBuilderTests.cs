using Sitrep.Documents;
using Sitrep.Places;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Places;

/// <summary>The builder on small hand-written sources in the packages' formats, so every rule is checked without the real data.</summary>
public class GazetteerBuilderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Row(int id, string name, string alternates, double lat, double lon, string featureClass, string code, string country, string admin1, string admin2, long population) =>
        string.Join('\t', id, name, name, alternates, lat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            lon.ToString(System.Globalization.CultureInfo.InvariantCulture), featureClass, code, country, "", admin1, admin2, "", "", population, "", "0", "Asia/Almaty", "2022-01-01");

    private GazetteerSources Sources(params string[] extraRows) => Sources(extraRows, morePlaces: "[]");

    private const string NoEventPlaces = "location\tcountry\tlatitude\tlongitude\tadmin1\tevents\n";

    private GazetteerSources Sources(string[] extraRows, string morePlaces, string worldCities = "[]", string eventPlaces = NoEventPlaces)
    {
        var rows = new List<string>
        {
            Row(1526384, "Almaty", "Alma-Ata,Alma Ata,ALA,Алматы", 43.25, 76.92, "P", "PPLA", "KZ", "02", "", 1977011),
            Row(1516905, "Taraz", "Zhambyl,Aulie-Ata", 42.9, 71.37, "P", "PPLA", "KZ", "17", "", 358153),
            Row(1519422, "Semey", "Semipalatinsk", 50.43, 80.27, "P", "PPLA", "KZ", "12510143", "", 292780),
            Row(1520316, "Oskemen", "Ust-Kamenogorsk", 49.95, 82.61, "P", "PPLA", "KZ", "15", "", 303720),
            Row(1526273, "Astana", "Nur-Sultan", 51.18, 71.45, "P", "PPLC", "KZ", "05", "", 1136008),
            Row(1, "Kuyuk", "", 43.0, 72.5, "P", "PPL", "KZ", "17", "", 1200),
        };
        rows.AddRange(extraRows);
        return new GazetteerSources(
            _dir.Write("cities500.txt", string.Join('\n', rows) + "\n"),
            _dir.Write("admin1.json", """
                [{"code":"KZ.02","name":"Almaty"},{"code":"KZ.17","name":"Zhambyl"},{"code":"KZ.15","name":"East Kazakhstan"},
                 {"code":"KZ.12510143","name":"Abai Region"},{"code":"KZ.05","name":"Astana"}]
                """),
            _dir.Write("admin2.json", "[]"),
            _dir.Write("countries.json", """
                [{"cca2":"KZ","cca3":"KAZ","name":{"common":"Kazakhstan","official":"Republic of Kazakhstan"},"altSpellings":["KZ","Qazaqstan"],
                  "latlng":[48,68],"demonyms":{"eng":{"f":"Kazakhstani","m":"Kazakhstani"}}}]
                """),
            _dir.Write("en.json", """{"locale":"en","countries":{"KZ":"Kazakhstan"}}"""),
            _dir.Write("subdivisions.json", """
                {"subdivisions":{"localeDisplayNames":{"subdivisions":{"kzzha":"Jambyl","kzvos":"East Kazakhstan"}}}}
                """),
            _dir.Write("cities.json", morePlaces),
            _dir.Write("world-cities.json", worldCities),
            _dir.Write("event-places.tsv", eventPlaces));
    }

    private static int Top(Gazetteer g, string name) => g.Names.Find(PlaceNames.Key(name))[0] & NameIndex.EntryMask;

    [Fact]
    public void Build_FilesOwnAndAlternateNamesUnderOneKey()
    {
        var g = new GazetteerBuilder().Build(Sources());
        Assert.Equal("Almaty", g.Name(Top(g, "Alma-Ata")));
        Assert.Equal("Almaty", g.Name(Top(g, "ALMA ATA")));
        Assert.True(g.Names.Find(PlaceNames.Key("Алматы")).IsEmpty); // other scripts are not kept
        Assert.True(g.Names.Find(PlaceNames.Key("ALA")).IsEmpty);     // nor airport codes
        var city = g.Names.Find("almaty").ToArray().Select(p => p & NameIndex.EntryMask).Single(e => g.Level(e) == PlaceLevel.City);
        Assert.Equal(1526384, g.GeonameId(city) ?? 0);
    }

    [Fact]
    public void Build_AddsThePlacesOfTheSecondListTheTableLacks_BelowEveryPlaceOfTheTable()
    {
        var g = new GazetteerBuilder().Build(Sources([], morePlaces: """
            [{"name":"Taraz","lat":"42.91","lng":"71.38","country":"KZ","admin1":"17","admin2":""},
             {"name":"Kuyuk","lat":"47.0","lng":"80.0","country":"KZ","admin1":"15","admin2":""},
             {"name":"Akkol","lat":"43.41","lng":"70.78","country":"KZ","admin1":"17","admin2":""},
             {"name":"Nowhere","lat":"95","lng":"0","country":"KZ","admin1":"17","admin2":""}]
            """));
        // Taraz is the table's (a few hundred metres apart is the same place); Akkol is new, in its division.
        Assert.Single(g.Names.Find(PlaceNames.Key("Taraz")).ToArray(), p => g.Level(p & NameIndex.EntryMask) == PlaceLevel.City);
        int akkol = Top(g, "Akkol");
        Assert.Equal(PlaceLevel.City, g.Level(akkol));
        Assert.Equal("Zhambyl", g.Name(g.Admin1(akkol)));
        Assert.Null(g.GeonameId(akkol));
        // A namesake far from the table's entry is another place, ranked after it.
        var kuyuk = g.Names.Find(PlaceNames.Key("Kuyuk")).ToArray().Select(p => p & NameIndex.EntryMask).ToList();
        Assert.Equal(2, kuyuk.Count);
        Assert.Equal(1, g.GeonameId(kuyuk[0]));
        Assert.True(g.Names.Find(PlaceNames.Key("Nowhere")).IsEmpty); // bad coordinates are skipped
    }

    [Fact]
    public void Build_AddsTheWorldCitiesTheTableLacks_WithPopulationDivisionAndCapital()
    {
        var g = new GazetteerBuilder().Build(Sources([], morePlaces: """
            [{"name":"Shu","lat":"43.6","lng":"73.76","country":"KZ","admin1":"17","admin2":""}]
            """, worldCities: """
            [{"city":"Taraz","city_ascii":"Taraz","lat":"42.90","lng":"71.36","iso2":"KZ","admin_name":"Zhambyl","capital":"admin","population":"358000"},
             {"city":"Shu","city_ascii":"Shu","lat":"43.60","lng":"73.76","iso2":"KZ","admin_name":"Jambyl Region","capital":"","population":"36000"},
             {"city":"Qulan","city_ascii":"Qulan","lat":"42.92","lng":"72.72","iso2":"KZ","admin_name":"Zhambyl","capital":"","population":"20000"}]
            """));
        Assert.Single(g.Names.Find(PlaceNames.Key("Taraz")).ToArray(), p => g.Level(p & NameIndex.EntryMask) == PlaceLevel.City);
        int qulan = Top(g, "Qulan");
        Assert.Equal((PlaceSource.WorldCities, 20000, "Zhambyl"), (g.Source(qulan), g.Population(qulan), g.Name(g.Admin1(qulan))));
        // A town both later lists give is the first's, with its population and its division found by the division's other spelling.
        int shu = Assert.Single(g.Names.Find(PlaceNames.Key("Shu")).ToArray()) & NameIndex.EntryMask;
        Assert.Equal((PlaceSource.WorldCities, 36000, "Zhambyl"), (g.Source(shu), g.Population(shu), g.Name(g.Admin1(shu))));
    }

    [Fact]
    public void Build_EventPlacesMergeIntoTheTownTheyName_OrAreNewPlaces_AndRaiseTheirPrior()
    {
        var g = new GazetteerBuilder().Build(Sources([], morePlaces: "[]", eventPlaces: NoEventPlaces + string.Join('\n',
            "Kuyuk\tKAZ\t43.01\t72.51\tZhambyl\t40",   // the table's village, a kilometre off
            "Tarraz\tKAZ\t42.91\t71.38\tZhambyl\t3",   // Taraz spelled otherwise
            "Kuyuk\tKAZ\t47.5\t79.5\tEast Kazakhstan\t1", // a namesake far away: another place
            "Bayzak\tKAZ\t43.1\t71.5\tZhambyl\t2",
            "Nowhere\tXXX\t43.1\t71.5\t\t2") + "\n"));
        var kuyuk = g.Names.Find(PlaceNames.Key("Kuyuk")).ToArray().Select(p => p & NameIndex.EntryMask).ToList();
        Assert.Equal(2, kuyuk.Count);
        Assert.Equal((1, 40), (g.GeonameId(kuyuk[0]) ?? 0, g.Events(kuyuk[0])));
        Assert.Equal((PlaceSource.EventPlaces, 1), (g.Source(kuyuk[1]), g.Events(kuyuk[1])));
        int taraz = Top(g, "Tarraz");
        Assert.Equal(("Taraz", 3), (g.Name(taraz), g.Events(taraz)));
        int bayzak = Top(g, "Bayzak");
        Assert.Equal((PlaceSource.EventPlaces, "Zhambyl"), (g.Source(bayzak), g.Name(g.Admin1(bayzak))));
        Assert.True(g.Names.Find(PlaceNames.Key("Nowhere")).IsEmpty); // a country the gazetteer does not know
        // Where events are coded weighs like people: the village with forty events outranks a town of 5,000 of its name.
        var weighted = new GazetteerBuilder().Build(Sources([Row(7, "Kuyuk", "", 50.0, 60.0, "P", "PPL", "KZ", "15", "", 5000)], morePlaces: "[]",
            eventPlaces: NoEventPlaces + "Kuyuk\tKAZ\t43.01\t72.51\tZhambyl\t40\n"));
        Assert.Equal(1, weighted.GeonameId(Top(weighted, "Kuyuk")));
    }

    [Fact]
    public void Build_GivesDivisionsRuleFormsSubdivisionNamesAndAPoint()
    {
        var g = new GazetteerBuilder().Build(Sources());
        int zhambyl = Top(g, "Zhambyl");
        Assert.Equal(PlaceLevel.Admin1, g.Level(zhambyl));
        Assert.Equal(zhambyl, g.Names.Find(PlaceNames.Key("Jambyl"))[0] & NameIndex.EntryMask); // CLDR's spelling, matched by sound
        int abai = Top(g, "Abai");                                                             // "Region" stripped
        Assert.Equal("Abai Region", g.Name(abai));
        // The division's point lies among its places.
        Assert.InRange(g.Latitude(zhambyl), 42.9, 43.0);
        Assert.InRange(g.Longitude(zhambyl), 71.3, 72.5);
        Assert.Equal(PlaceLevel.City, g.Level(g.Names.Find(PlaceNames.Key("Zhambyl"))[1] & NameIndex.EntryMask)); // Taraz's old name, second
    }

    [Fact]
    public void Admin1On_GivesTheDivisionOfTheReportsTime()
    {
        var g = new GazetteerBuilder().Build(Sources());
        int semey = Top(g, "Semey");
        Assert.Equal("East Kazakhstan", g.Name(g.Admin1On(semey, new DateOnly(2022, 1, 6))));
        Assert.Equal("Abai Region", g.Name(g.Admin1On(semey, new DateOnly(2022, 6, 8))));
    }

    [Fact]
    public void Build_CountriesDemonymsAndTheProjectsOwnData()
    {
        var g = new GazetteerBuilder().Build(Sources());
        int kz = Top(g, "Qazaqstan");
        Assert.Equal(PlaceLevel.Country, g.Level(kz));
        Assert.Equal(kz, g.CountryEntry(CountryCodes.Pack("KZ")));
        Assert.Equal(kz, g.Demonyms.Find("kazakh")[0]);       // places.tsv
        Assert.Equal(kz, g.Demonyms.Find("kazakhstani")[0]);  // world-countries
        Assert.Equal(PlaceLevel.Region, g.Level(Top(g, "the Sahel")));
        Assert.Equal(PlaceFlags.Capital, g.Flags(Top(g, "Astana")) & PlaceFlags.Capital);
    }

    [Fact]
    public void Build_BadRowsAreReportedByFileAndLine_AndTheRestIsBuilt()
    {
        var builder = new GazetteerBuilder();
        var sources = Sources("not a row", Row(9, "Nowhere", "", 123.0, 0, "P", "PPL", "KZ", "17", "", 10));
        var g = builder.Build(sources);
        Assert.Equal(2, builder.Warnings.Count);
        Assert.Contains($"{sources.GeoNamesTable}:7:", builder.Warnings[0]);
        Assert.Contains($"{sources.GeoNamesTable}:8:", builder.Warnings[1]);
        Assert.Equal("Taraz", g.Name(Top(g, "Taraz")));
    }

    [Fact]
    public void Build_AFullDumpPlacesDivisionsAndCountriesItself()
    {
        // allCountries.txt also holds the divisions (ADM1) and countries (PCLI) with their own points and ids.
        var g = new GazetteerBuilder().Build(Sources(
            Row(1537162, "Zhambyl Region", "Jambyl Oblysy", 44.0, 72.0, "A", "ADM1", "KZ", "17", "", 1125000),
            Row(1522867, "Republic of Kazakhstan", "", 48.0, 68.0, "A", "PCLI", "KZ", "00", "", 18000000)));
        int zhambyl = Top(g, "Zhambyl Region");
        Assert.Equal((44.0, 72.0, 1537162L), (g.Latitude(zhambyl), g.Longitude(zhambyl), g.GeonameId(zhambyl) ?? 0));
        Assert.Equal(zhambyl, Top(g, "Jambyl Oblysy"));
        Assert.Equal(1522867, g.GeonameId(g.CountryEntry(CountryCodes.Pack("KZ"))) ?? 0);
    }

    [Fact]
    public void Build_MissingSource_NamesTheFile()
    {
        var sources = Sources() with { Countries = _dir.File("absent.json") };
        var e = Assert.Throws<FileNotFoundException>(() => new GazetteerBuilder().Build(sources));
        Assert.Contains("absent.json", e.Message);
    }

    [Fact]
    public void SaveLoad_RoundTrips_AndAChangedSourceMakesTheFileStale()
    {
        var sources = Sources();
        var g = new GazetteerBuilder().Build(sources);
        var path = _dir.File("gazetteer.bin");
        GazetteerFile.Save(g, path);
        var loaded = GazetteerFile.Load(path);
        Assert.Equal(g.Count, loaded.Count);
        Assert.Equal(g.Names.Count, loaded.Names.Count);
        Assert.Equal("Almaty", loaded.Name(Top(loaded, "Alma-Ata")));
        Assert.Equal(g.Latitude(Top(g, "Zhambyl")), loaded.Latitude(Top(loaded, "Zhambyl")));
        Assert.True(GazetteerCache.IsFresh(path));

        File.AppendAllText(sources.GeoNamesTable, Row(2, "Shu", "", 43.6, 73.76, "P", "PPL", "KZ", "17", "", 36000) + "\n");
        Assert.False(GazetteerCache.IsFresh(path));
    }

    [Fact]
    public void Load_NotAGazetteer_FailsClearly()
    {
        var path = _dir.Write("junk.bin", "definitely not a gazetteer");
        var e = Assert.Throws<InvalidDataException>(() => GazetteerFile.Load(path));
        Assert.Contains("junk.bin", e.Message);
        Assert.Contains("sitrep gazetteer build", e.Message);
    }
}
