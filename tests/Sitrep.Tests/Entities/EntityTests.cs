using Sitrep.Documents;
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
    public void TwoPass_IsReproducibleAndRoundTripsWithBothPasses()
    {
        using var dir = new TempDirectory();
        var sentences = Corpus();
        var labels = sentences.SelectMany(s => s.Tags).Distinct().Order(StringComparer.Ordinal).ToList();
        var a = PerceptronTrainer.TrainTwoPass(labels, null, null, sentences, epochs: 5, seed: 7);
        var b = PerceptronTrainer.TrainTwoPass(labels, null, null, sentences, epochs: 5, seed: 7);
        a.Save(dir.File("a.bin"));
        b.Save(dir.File("b.bin"));
        Assert.Equal(File.ReadAllBytes(dir.File("a.bin")), File.ReadAllBytes(dir.File("b.bin")));

        var loaded = PerceptronTagger.Load(dir.File("a.bin"));
        var report = sentences.Where(s => s.Document == 2).Select(s => (IReadOnlyList<string>)s.Words).ToList();
        Assert.Equal(a.TagDocument(report), loaded.TagDocument(report));
        Assert.Equal(sentences[1].Tags, loaded.Tag(sentences[1].Words));
    }

    [Fact]
    public void OtherContexts_AreTheNeighboursOfTheWordsOtherOccurrencesOnly()
    {
        string[] first = ["Leeds", "beat", "Chelsea"], second = ["Fans", "of", "Leeds", "United", "cheered"], alone = ["Chelsea", "lost"];
        var report = new DocumentCase([first, second]);
        Span<ulong> output = stackalloc ulong[20];

        int n = report.OtherContexts(first, 0, "leeds", output);
        var found = output[..n].ToArray();
        // The other "Leeds" has "Fans" and "of" before it, "United" and "cheered" after it.
        Assert.Equal(4, n);
        Assert.Contains(NerFeatures.ContextHash(second, 2, -2), found);
        Assert.Contains(NerFeatures.ContextHash(second, 2, 1), found);
        Assert.DoesNotContain(NerFeatures.ContextHash(first, 0, 1), found);
        // A word that occurs once in the report has no other contexts, nor does a lower-case one.
        Assert.Equal(0, report.OtherContexts(first, 2, "chelsea", output));
        Assert.Equal(0, report.OtherContexts(first, 1, "beat", output));
        Assert.Equal(0, new DocumentCase([alone]).OtherContexts(alone, 0, "chelsea", output));
    }

    [Fact]
    public void PredictionAggregation_SaysWhatTheWordsOtherOccurrencesWereCalled()
    {
        IReadOnlyList<string>[] report = [["Leeds", "United", "won"], ["LEEDS", "2", "Chelsea", "1"], ["Leeds", "won"]];
        string[][] firstPass = [["B-ORG", "I-ORG", "O"], ["B-LOC", "O", "B-ORG", "O"], ["B-ORG", "O"]];
        var codes = PredictionAggregation.Of(report, firstPass);

        // The headline "LEEDS" (first pass: a place) sees two others, both organisations (bit 2), mostly ORG (index 2).
        Assert.Equal((1 << 2) | (3 << 8), codes[1][0] & 0xFFFF);
        // The first "Leeds" sees one ORG and one LOC: both bits, and a most frequent type.
        Assert.Equal((1 << 2) | (1 << 3), codes[0][0] & 0xFF);
        // Words seen once get no aggregate, only their own first-pass label (above bit 16).
        Assert.Equal(0, codes[1][2] & 0xFFFF);
        Assert.NotEqual(codes[1][2] >> 16, codes[1][1] >> 16);
    }

    [Theory]
    [InlineData("said", "O", true)]
    [InlineData("said", "<s>", true)]
    [InlineData("of", "I-ORG", false)]      // inside a name: "Bank of England"
    [InlineData("al-Shabaab", "O", false)]  // a capital inside: scored
    [InlineData("Paris", "O", false)]
    [InlineData("1860", "O", false)]        // "1860 Munich"
    public void PlainLowercaseAfterNoEntity_IsOutsideWithoutScoring(string word, string previous, bool expected) =>
        Assert.Equal(expected, NerFeatures.IsPlainOutside(word, previous));

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
        var d = TestDocuments.Make(Seed.Text(), Layer.Entities);
        var found = d.Entities.Select(e => (d.TextOf(e.Range), EntityTypes.Name(e.Type))).ToHashSet();
        foreach (var place in new[] { "Alma-Ata", "Almaty", "Semey", "Taraz", "Aktau" })
            Assert.Contains((place, "LOC"), found);
        foreach (var person in new[] { "Saltanat Azirbek", "Kassym-Zhomart Tokayev", "Nikol Pashinyan" })
            Assert.Contains((person, "PER"), found);
        Assert.Contains(("Ministry of Health of Kazakhstan", "ORG"), found);
    }

    [Fact]
    public void ShippedModel_FindsEverySeedEntityTheReadingExpects()
    {
        using var expected = System.Text.Json.JsonDocument.Parse(File.ReadAllText(TestPaths.SeedExpected));
        var d = TestDocuments.Make(Seed.Text(), Layer.Entities);
        var found = d.Entities.Select(e => (d.TextOf(e.Range), EntityTypes.Name(e.Type))).ToHashSet();
        foreach (var entity in expected.RootElement.GetProperty("entities").EnumerateArray())
            Assert.Contains((entity.GetProperty("text").GetString()!, entity.GetProperty("type").GetString()!), found);
    }

    [Theory]
    [InlineData("Planes of the Russian Aerospace Forces landed", "B-MISC I-MISC I-MISC", 3, "B-ORG I-ORG I-ORG")]
    [InlineData("Russian troops landed", "B-MISC", 0, "B-MISC")] // a nationality alone stays one
    [InlineData("reported by the Khabar 24 TV channel", "B-ORG O", 3, "B-ORG I-ORG")]
    [InlineData("Arsenal 2 Chelsea 1", "B-ORG O", 0, "B-ORG O")] // a score is not part of the name
    [InlineData("clashed in Donga LGA ( Taraba )", "B-ORG I-ORG", 3, "B-ORG O")] // the bracket opens a container
    [InlineData("Mladost ( L ) 0", "B-ORG I-ORG I-ORG I-ORG", 0, "B-ORG I-ORG I-ORG I-ORG")] // a closed bracket is part of the name
    public void NameHeads_RetypeByHeadNoun_KeepABroadcastersNumber_AndEndBeforeAnOpeningBracket(string sentence, string tagsFrom, int at, string expected)
    {
        var words = sentence.Split(' ');
        var tags = Enumerable.Repeat("O", words.Length).ToArray();
        var given = tagsFrom.Split(' ');
        Array.Copy(given, 0, tags, at, given.Length);
        NameHeads.Apply(words, tags);
        Assert.Equal(expected.Split(' '), tags[at..(at + given.Length)]);
    }
}
