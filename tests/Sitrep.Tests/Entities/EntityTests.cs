using Sitrep.Entities;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Entities;

public class EntityTests
{
    private static readonly string Conll = """
        -DOCSTART- -X- -X- O

        EU NNP B-NP I-ORG
        rejects VBZ B-VP O
        German JJ B-NP I-MISC
        call NN I-NP O
        . . O O

        Peter NNP B-NP I-PER
        Blackburn NNP I-NP I-PER
        visited VBD B-VP O
        Paris NNP B-NP I-LOC
        . . O O

        -DOCSTART- -X- -X- O

        Anna NNP B-NP I-PER
        Smith NNP I-NP I-PER
        met VBD B-VP O
        Peter NNP B-NP I-PER
        in IN B-PP O
        London NNP B-NP I-LOC
        . . O O
        """;

    private static List<TaggedSentence> Corpus()
    {
        using var dir = new TempDirectory();
        return ConllCorpus.Read(dir.Write("tiny.conll", Conll));
    }

    [Fact]
    public void Read_ConvertsIob1ToBioAndNumbersDocuments()
    {
        var sentences = Corpus();
        Assert.Equal(3, sentences.Count);
        Assert.Equal(["B-PER", "I-PER", "O", "B-LOC", "O"], sentences[1].Tags);
        Assert.Equal([1, 1, 2], sentences.Select(s => s.Document));
    }

    [Fact]
    public void Chunks_AreSpansAsConllevalCountsThem()
    {
        Assert.Equal([("PER", 0, 2), ("LOC", 3, 4)], ConllCorpus.Chunks(["B-PER", "I-PER", "O", "B-LOC"]));
        Assert.Equal([("PER", 0, 1), ("PER", 1, 2)], ConllCorpus.Chunks(["B-PER", "B-PER"]));
        Assert.Equal([("ORG", 0, 1), ("LOC", 1, 2)], ConllCorpus.Chunks(["B-ORG", "I-LOC"]));
    }

    [Fact]
    public void Train_IsReproducibleAndLearnsTheTrainingData()
    {
        var sentences = Corpus();
        var labels = sentences.SelectMany(s => s.Tags).Distinct().Order(StringComparer.Ordinal).ToList();
        var a = new PerceptronTrainer(labels).Train(sentences, epochs: 5, seed: 7);
        var b = new PerceptronTrainer(labels).Train(sentences, epochs: 5, seed: 7);

        Assert.Equal(sentences[1].Tags, a.Tag(sentences[1].Words));
        foreach (var s in sentences) Assert.Equal(a.Tag(s.Words), b.Tag(s.Words));
    }

    [Fact]
    public void SaveLoad_RoundTripsTheModel()
    {
        using var dir = new TempDirectory();
        var sentences = Corpus();
        var labels = sentences.SelectMany(s => s.Tags).Distinct().Order(StringComparer.Ordinal).ToList();
        var names = new NameLexicon(new Dictionary<string, NameKinds> { ["paris"] = NameKinds.LargeCity, ["london"] = NameKinds.LargeCity });
        var model = new PerceptronTrainer(labels, names: names).Train(sentences, epochs: 5, seed: 7);
        model.Save(dir.File("m.bin"));
        var loaded = PerceptronTagger.Load(dir.File("m.bin"));
        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        foreach (var s in sentences) Assert.Equal(model.Tag(s.Words), loaded.Tag(s.Words));
        Assert.Equal(NameKinds.LargeCity, loaded.Names.KindsOf("london"));
        Assert.Equal(model.Tag(["They", "reached", "London"]), loaded.Tag(["They", "reached", "London"]));
    }

    [Fact]
    public void Load_NotAModel_FailsClearly()
    {
        using var dir = new TempDirectory();
        Assert.Throws<InvalidDataException>(() => PerceptronTagger.Load(dir.Write("x.bin", "not a model")));
    }

    [Fact]
    public void Tag_NeverStartsWithAnInsideLabel()
    {
        var sentences = Corpus();
        var labels = sentences.SelectMany(s => s.Tags).Distinct().Order(StringComparer.Ordinal).ToList();
        var model = new PerceptronTrainer(labels).Train(sentences, epochs: 2, seed: 1);
        var tags = model.Tag(["Blackburn", "Smith", "London", "visited"]);
        for (int i = 0; i < tags.Length; i++)
            if (tags[i].StartsWith("I-")) Assert.EndsWith(tags[i][2..], tags[i - 1]);
    }

    [Fact]
    public void WordClusters_PutWordsUsedAlikeInOneClass()
    {
        var cities = new[] { "Paris", "London", "Rome", "Cairo" };
        var verbs = new[] { "ran", "walked", "swam", "slept" };
        var texts = new List<string>();
        for (int i = 0; i < 40; i++)
        {
            texts.Add($"They flew to {cities[i % 4]} today.");
            texts.Add($"Then he {verbs[i % 4]} quickly.");
        }
        var clusters = WordClusters.Learn(texts, minCount: 2, granularities: [4]);

        int City(string w) => clusters.ClassesOf(w)![0];
        Assert.All(cities, c => Assert.Equal(City("Paris"), City(c)));
        Assert.All(verbs, v => Assert.Equal(City("ran"), City(v)));
        Assert.NotEqual(City("Paris"), City("ran"));
        Assert.Null(clusters.ClassesOf("Tokyo"));
    }

    [Fact]
    public void ShippedModel_FindsTheSeedsPlacesAndPeople()
    {
        Assert.NotNull(EntityModel.Default);
        var d = TestDocuments.Make(Seed.Text());
        var found = d.Entities.Select(e => (d.TextOf(e.Range), e.Type)).ToHashSet();
        foreach (var place in new[] { "Alma-Ata", "Almaty", "Semey", "Taraz", "Aktau" })
            Assert.Contains((place, "LOC"), found);
        foreach (var person in new[] { "Saltanat Azirbek", "Kassym-Zhomart Tokayev", "Nikol Pashinyan" })
            Assert.Contains((person, "PER"), found);
        Assert.Contains(("Ministry of Health of Kazakhstan", "ORG"), found);
    }
}
