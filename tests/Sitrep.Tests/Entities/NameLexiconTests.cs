using Sitrep.Documents;
using Sitrep.Tests.Support;
using Sitrep.Entities;
using Sitrep.Places;

namespace Sitrep.Tests.Entities;

public class NameLexiconTests
{
    private static readonly NameLexicon Tiny = new(new Dictionary<string, NameKinds>
    {
        ["new york"] = NameKinds.LargeCity | NameKinds.Division,
        ["york"] = NameKinds.Town,
        ["kazakh"] = NameKinds.Demonym,
    });

    private static int Kinds(int mark) => mark & 0xFF;
    private static int Position(int mark) => mark >> 8;

    [Fact]
    public void Match_TakesTheLongestNameAndMarksItsTokens()
    {
        var marks = Tiny.Match(["Police", "in", "New", "York", "and", "York", "said"]);
        Assert.Equal((int)(NameKinds.LargeCity | NameKinds.Division), Kinds(marks[2]));
        Assert.Equal((1, 2), (Position(marks[2]), Position(marks[3])));
        Assert.Equal((int)NameKinds.LargeCity | (int)NameKinds.Division, Kinds(marks[3]));
        Assert.Equal(((int)NameKinds.Town, 3), (Kinds(marks[5]), Position(marks[5])));
        Assert.Equal([0, 0, 0], new[] { marks[0], marks[1], marks[4] });
    }

    [Fact]
    public void Match_NamesStartWithACapital()
    {
        Assert.All(Tiny.Match(["the", "kazakh", "york"]), m => Assert.Equal(0, m));
        Assert.Equal((int)NameKinds.Demonym, Kinds(Tiny.Match(["A", "Kazakh", "court"])[1]));
    }

    [Fact]
    public void From_KeepsCountriesCitiesAndDemonymsButNotVillages()
    {
        var gazetteer = TestGazetteer.Default;
        var names = NameLexicon.From(gazetteer);
        Assert.True(names.KindsOf("kazakhstan").HasFlag(NameKinds.Country));
        Assert.True(names.KindsOf("almaty").HasFlag(NameKinds.LargeCity));
        Assert.True(names.KindsOf("kazakh").HasFlag(NameKinds.Demonym));
        // A village of cities500 (a few hundred people) is not a name worth a feature.
        var village = Enumerable.Range(0, gazetteer.Count).First(i => gazetteer.Level(i) == PlaceLevel.City && gazetteer.Population(i) is > 0 and < 1000
            && gazetteer.Names.Find(PlaceNames.Key(gazetteer.Name(i))).Length == 1);
        Assert.Equal(NameKinds.None, names.KindsOf(PlaceNames.Key(gazetteer.Name(village))));
    }
}
