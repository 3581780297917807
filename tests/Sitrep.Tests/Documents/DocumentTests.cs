using Sitrep.Documents;

namespace Sitrep.Tests.Documents;

public class DocumentTests
{
    private static readonly SourceLocation Here = new("test.txt");

    [Fact]
    public void Id_IgnoresWhitespaceLayoutAndUnicodeForm()
    {
        var a = DocumentId.Compute("Protests in Almaty.\n\nThe government resigned.");
        var b = DocumentId.Compute("  Protests in   Almaty. The\tgovernment resigned.\n");
        var composed = DocumentId.Compute("Caf\u00e9 closed.");
        var decomposed = DocumentId.Compute("Cafe\u0301 closed.");
        Assert.Equal(a, b);
        Assert.Equal(composed, decomposed);
        Assert.Equal(DocumentId.Length, a.Length);
    }

    [Fact]
    public void Id_DiffersForDifferentText()
    {
        Assert.NotEqual(DocumentId.Compute("13 killed."), DocumentId.Compute("18 killed."));
    }

    [Fact]
    public void SetLayer_RangePastText_Throws()
    {
        var d = new Document("Short.", new DateOnly(2022, 1, 6), Here);
        Assert.Throws<ArgumentOutOfRangeException>(() => d.SetEntities([new Mention(new TextRange(0, 50), EntityType.Location)]));
    }

    [Fact]
    public void SetLayer_Twice_Throws()
    {
        var d = new Document("Short.", new DateOnly(2022, 1, 6), Here);
        d.SetTimes([]);
        Assert.Throws<InvalidOperationException>(() => d.SetTimes([]));
        Assert.Equal(Layer.Times, d.Layers);
    }

    [Fact]
    public void SetSentences_BeforeTokens_Throws()
    {
        var d = new Document("Short.", new DateOnly(2022, 1, 6), Here);
        Assert.Throws<InvalidOperationException>(() => d.SetSentences([new Sentence(new TextRange(0, 6), 0, 0)]));
    }

    [Fact]
    public void TextRange_Invalid_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextRange(5, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextRange(-1, 2));
    }
}
