using Sitrep.Places;

namespace Sitrep.Tests.Places;

public class PlaceNamesTests
{
    [Theory]
    [InlineData("Alma-Ata", "alma ata")]
    [InlineData("ALMA ATA", "alma ata")]
    [InlineData("Alma\u2011Ata", "alma ata")] // non-breaking hyphen
    [InlineData("Semeï", "semei")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Straße", "strasse")]
    [InlineData("Côte d'Ivoire", "cote d ivoire")]
    [InlineData("U.S.", "u s")]
    [InlineData("  São   Paulo ", "sao paulo")]
    [InlineData("Almatʻa", "almata")]
    public void Key_FoldsCaseDiacriticsAndSeparators(string name, string key) => Assert.Equal(key, PlaceNames.Key(name));

    [Fact]
    public void Key_OfPunctuationOnly_IsEmpty() => Assert.Equal("", PlaceNames.Key("--- ..."));

    [Fact]
    public void Key_TooLongForTheBuffer_IsEmptyRatherThanTruncated()
    {
        Span<char> key = stackalloc char[8];
        Assert.Equal(0, PlaceNames.Key("Llanfairpwllgwyngyll", key));
    }

    [Theory]
    [InlineData("zhambyl", "jambyl")]
    [InlineData("qaraghandy", "karagandy")]
    [InlineData("shymkent", "shimkent")]
    public void Sound_MergesTransliterationVariants(string a, string b) => Assert.Equal(PlaceNames.Sound(a), PlaceNames.Sound(b));

    [Fact]
    public void Sound_KeepsDifferentNamesApart() => Assert.NotEqual(PlaceNames.Sound("almaty"), PlaceNames.Sound("aktau"));

    [Theory]
    [InlineData("Almaty", true)]
    [InlineData("Kraków", true)]
    [InlineData("Алматы", false)]
    [InlineData("阿拉木圖", false)]
    public void IsLatin_KeepsOnlyNamesEnglishTextCanContain(string name, bool latin) => Assert.Equal(latin, PlaceNames.IsLatin(name));
}
