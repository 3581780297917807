using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Pipeline;
using Sitrep.Places;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Places;

/// <summary>The place ranker: the hand-set weights, their file, and learning from texts with known points.</summary>
public class PlaceRankerTests
{
    private static readonly Gazetteer Gazetteer = TestGazetteer.Default;

    [Fact]
    public void Weights_SurviveTheirFile_AndAFileMissingOneIsRefused()
    {
        using var dir = new TempDirectory();
        var path = dir.File("ranker.tsv");
        PlaceRanker.HandSet.Save(path);
        Assert.Equal(PlaceRanker.HandSet.Weights, PlaceRanker.Load(path).Weights);
        File.WriteAllLines(path, File.ReadAllLines(path).Where(l => !l.StartsWith("nearness")));
        Assert.Contains("nearness", Assert.Throws<InvalidDataException>(() => PlaceRanker.Load(path)).Message);
    }

    [Fact]
    public void Training_LearnsWhatTheExamplesShow()
    {
        // Texts that name no country, whose Hyderabad is always Pakistan's (Sindh), not the larger Indian city.
        var examples = Enumerable.Range(0, 30).Select(i => new PlaceRankerTrainer.Example(
            $"Traders shut their shops in Hyderabad on day {i} of the strike over power cuts.", new DateOnly(2024, 3, 5), 25.39, 68.37)).ToList();
        var before = new PipelineBuilder().UseText().UseEntities(EntityModel.Default!).Build();

        var learned = PlaceRankerTrainer.Train(examples, Gazetteer, before, epochs: 5, rate: 0.05);

        Assert.Equal((0, 30), PlaceRankerTrainer.Score(examples, Gazetteer, before, PlaceRanker.HandSet));
        Assert.Equal((30, 30), PlaceRankerTrainer.Score(examples, Gazetteer, before, learned));
        Assert.Equal(PlaceRanker.HandSet.Weights[RankerFeatures.Count - 1], learned.Weights[RankerFeatures.Count - 1]); // log_events is not learned
    }
}
