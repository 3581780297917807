using Sitrep.Events;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Events;

public class ActorLexiconTests
{
    private static AcledGoldRow Row(int year, string actor1, string actor2 = "") =>
        new("X1", new DateOnly(year, 5, 1), 1, "Battles", "Armed clash", actor1, actor2, "Freedonia", "", "", null, null, 1, 0, "note");

    private static readonly ActorLexicon Lexicon = ActorLexicon.Build(
    [
        Row(2015, "Military Forces of Freedonia (2010-2016)"),
        Row(2016, "Military Forces of Freedonia (2010-2016)", "Rebels of the North"),
        Row(2018, "Military Forces of Freedonia (2016-)"),
        Row(2019, "Military Forces of Freedonia (2016-)"),
        Row(2019, "Military Forces of Freedonia (2016-) Air Force"),
    ]);

    [Fact]
    public void AGenericName_BecomesTheNameAcledUsedThatYear()
    {
        Assert.Equal("Military Forces of Freedonia (2010-2016)", Lexicon.Resolve("Military Forces of Freedonia", 2015));
        Assert.Equal("Military Forces of Freedonia (2016-)", Lexicon.Resolve("Military Forces of Freedonia", 2019));
        // A year after every use: the name used nearest to it.
        Assert.Equal("Military Forces of Freedonia (2016-)", Lexicon.Resolve("Military Forces of Freedonia", 2023));
    }

    [Fact]
    public void ANamedGroup_IsFoundByItsShortOrFullName_TheOneOfTheEventsCountryFirst()
    {
        var lexicon = ActorLexicon.Build(
        [
            Row(2019, "NLF: Northern Liberation Front") with { Inter1 = 2 },
            Row(2019, "Crescent Brigade (Freedonia)") with { Inter1 = 2 },
            Row(2019, "Crescent Brigade (Sylvania)") with { Inter1 = 2 },
            Row(2019, "Crescent Brigade (Sylvania)") with { Inter1 = 2 },
            Row(2019, "Unidentified Armed Group (Freedonia)") with { Inter1 = 3 },
        ]);
        List<(string, string)> Words(string text) => [.. text.Split(' ').Select(w => (w.ToLowerInvariant(), w))];

        Assert.Equal(("NLF: Northern Liberation Front", 2), lexicon.FindGroup(Words("NLF fighters attacked the town"), "Freedonia"));
        Assert.Equal(("NLF: Northern Liberation Front", 2), lexicon.FindGroup(Words("the Northern Liberation Front said"), null));
        Assert.Equal(("Crescent Brigade (Freedonia)", 2), lexicon.FindGroup(Words("Crescent Brigade gunmen"), "Freedonia"));
        Assert.Equal(("Crescent Brigade (Sylvania)", 2), lexicon.FindGroup(Words("Crescent Brigade gunmen"), null));
        // A generic name is no group of its own.
        Assert.Null(lexicon.FindGroup(Words("Unidentified Armed Group members"), "Freedonia"));
    }

    [Fact]
    public void ANameItHasNeverSeen_StaysAsItIs() =>
        Assert.Equal("Police Forces of Freedonia", Lexicon.Resolve("Police Forces of Freedonia", 2019));

    [Fact]
    public void SavedAndLoaded_ItResolvesTheSame_AndABadLineNamesFileAndLine()
    {
        using var dir = new TempDirectory();
        var path = dir.File("actors.tsv");
        Lexicon.Save(path);
        var loaded = ActorLexicon.Load(path);
        Assert.Equal(Lexicon.Count, loaded.Count);
        Assert.Equal("Military Forces of Freedonia (2016-)", loaded.Resolve("Military Forces of Freedonia", 2019));

        File.AppendAllText(path, "Broken line\twith two fields\n");
        var error = Assert.Throws<InvalidDataException>(() => ActorLexicon.Load(path));
        Assert.Contains($"{path}:{File.ReadAllLines(path).Length}:", error.Message);
    }
}
