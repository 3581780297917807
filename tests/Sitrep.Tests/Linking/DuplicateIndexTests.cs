using Sitrep.Linking;

namespace Sitrep.Tests.Linking;

public sealed class DuplicateIndexTests
{
    private static uint[] RandomSignature(Random random)
    {
        var signature = new uint[MinHash.Size];
        for (int i = 0; i < signature.Length; i++) signature[i] = (uint)random.NextInt64(uint.MaxValue);
        return signature;
    }

    private static void Add(DuplicateIndex index, string id, uint[] signature) => index.Add(id, signature, MinHash.BandKeys(signature));

    [Fact]
    public void Candidates_AreTheReportsSharingABand_EachOnceWithItsSignature()
    {
        var random = new Random(7);
        var index = new DuplicateIndex();
        var original = RandomSignature(random);
        // Agrees with the original in the first band only.
        var partial = RandomSignature(random);
        Array.Copy(original, partial, MinHash.Rows);
        Add(index, "original", original);
        Add(index, "partial", partial);
        Add(index, "unrelated", RandomSignature(random));

        var found = index.Candidates(MinHash.BandKeys(original), limit: 10);

        Assert.Equal(["original", "partial"], found.Select(f => f.Id));
        Assert.Equal(original, found[0].Signature);
        Assert.Empty(index.Candidates(MinHash.BandKeys(RandomSignature(random)), limit: 10));
    }

    [Fact]
    public void Candidates_SurviveTheTableGrowing_AndKeepTheOrderReportsCameIn()
    {
        var random = new Random(11);
        var index = new DuplicateIndex();
        var story = RandomSignature(random);
        Add(index, "first copy", story);
        for (int i = 0; i < 20_000; i++)
        {
            Add(index, "other " + i, RandomSignature(random));
            if (i == 10_000) Add(index, "second copy", story);
        }

        Assert.Equal(20_002, index.Count);
        Assert.Equal(["first copy", "second copy"], index.Candidates(MinHash.BandKeys(story), limit: 10).Select(f => f.Id));
    }

    [Fact]
    public void AStorySyndicatedManyTimes_YieldsItsFirstCopiesUpToTheLimit()
    {
        var story = RandomSignature(new Random(3));
        var index = new DuplicateIndex();
        for (int i = 0; i < 300; i++) Add(index, $"copy {i:D3}", story);

        var found = index.Candidates(MinHash.BandKeys(story), limit: 64);

        Assert.Equal(Enumerable.Range(0, 64).Select(i => $"copy {i:D3}"), found.Select(f => f.Id));
    }
}
