using Sitrep.Linking;

namespace Sitrep.Tests.Linking;

public sealed class MinHashTests
{
    private static string RandomText(Random random, int words)
    {
        string[] vocabulary = ["police", "protesters", "Almaty", "killed", "13", "officers", "the", "said", "on", "Thursday", "ministry", "gas"];
        return string.Join(random.Next(3) == 0 ? ", " : " ", Enumerable.Range(0, words).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
    }

    [Fact]
    public void Signature_IsTheSameWhicheverWayItIsComputed()
    {
        var random = new Random(11);
        foreach (int words in new[] { 3, 4, 9, 40, 700 })
        {
            string text = RandomText(random, words);
            Assert.Equal(MinHash.SignatureOneByOne(MinHash.Words(text)), MinHash.Signature(text));
        }
    }

    [Fact]
    public void Signature_KeepsTheHashFunctionsOfStoredSignatures()
    {
        // Stored signatures are compared with new ones: changing the hash functions would make every
        // stored report unfindable. These are the first values for this text since signatures were stored.
        var signature = MinHash.Signature("Thirteen security officers were killed in Almaty, the police said.")!;
        Assert.Equal(MinHash.Size, signature.Length);
        Assert.Equal(Expected, signature[..4]);
    }

    private static readonly uint[] Expected = [854500975, 1569749231, 528300827, 501047206];

    [Fact]
    public void Signature_IgnoresCaseAndPunctuation_AndTellsDifferentStoriesApart()
    {
        var a = MinHash.Signature("Thirteen security officers were killed in Almaty, the police said on Thursday.")!;
        var b = MinHash.Signature("THIRTEEN security officers were killed in Almaty -- the police said on Thursday")!;
        var c = MinHash.Signature("The government resigned after fuel prices doubled from 60 to 120 tenge a litre.")!;
        Assert.Equal(1.0, MinHash.Similarity(a, b));
        Assert.True(MinHash.Similarity(a, c) < 0.2);
    }

    [Fact]
    public void Signature_OfFewerThanThreeWords_IsNull() => Assert.Null(MinHash.Signature("two words"));
}
