using Sitrep.Text;

namespace Sitrep.Tests.Text;

/// <summary>The stages' closed word lists, kept as embedded TSV files whose header says what each list holds.</summary>
public class LexiconTests
{
    [Fact]
    public void AListTheHeaderDoesNotDescribe_IsRefused_NamingFileAndLine()
    {
        var e = Assert.Throws<InvalidDataException>(() => Lexicon.Parse("x-words.tsv", "# colours\tColour words.\ncolours\tred\nshapes\tround\n"));
        Assert.Contains("x-words.tsv:3", e.Message);
        Assert.Contains("'shapes'", e.Message);
        Assert.Contains("x-words.tsv:2", Assert.Throws<InvalidDataException>(() => Lexicon.Parse("x-words.tsv", "# colours\tColour words.\ncolours\t\n")).Message);
    }

    [Fact]
    public void Lists_KeepTheirOrderValuesAndComments()
    {
        var lexicon = Lexicon.Parse("x-words.tsv", "# A comment with spaces.\n# months\tMonth names, with their number.\n\nmonths\tJanuary\t1\n# a remark\nmonths\tFebruary\t2\n");
        Assert.Equal(["January", "February"], lexicon.Words("months"));
        Assert.True(lexicon.Map("months", int.Parse, StringComparer.Ordinal).TryGetValue("February", out int february));
        Assert.Equal(2, february);
        Assert.Equal("Month names, with their number.", Assert.Single(lexicon.Descriptions).Value);
        Assert.Throws<InvalidDataException>(() => lexicon.Words("weekdays"));
    }

    [Fact]
    public void EveryShippedLexicon_Loads_AndEachListItDescribesHasWords()
    {
        var files = typeof(Lexicon).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("Sitrep.Lexicons.", StringComparison.Ordinal))
            .Select(n => n["Sitrep.Lexicons.".Length..]).ToList();
        Assert.Equal(["attribution-words.tsv", "event-words.tsv", "geoparser-words.tsv", "time-words.tsv"], files.Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var lexicon = Lexicon.Embedded(file);
            foreach (var list in lexicon.Descriptions.Keys) Assert.NotEmpty(lexicon.Rows(list));
        }
    }
}
