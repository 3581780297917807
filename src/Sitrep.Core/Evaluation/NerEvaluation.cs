using System.Diagnostics;
using Sitrep.Entities;

namespace Sitrep.Evaluation;

/// <summary>Entity-level scores as conlleval computes them: a predicted entity counts only with the exact span and type.</summary>
internal sealed record NerScores(Score Overall, IReadOnlyDictionary<string, Score> PerType, long Tokens, double TokensPerSecond);

/// <summary>Scores a tagger on CoNLL-format gold.</summary>
internal static class NerEvaluation
{
    /// <summary>Tags every sentence of <paramref name="gold"/> and compares entity spans.</summary>
    public static NerScores Run(IReadOnlyList<TaggedSentence> gold, PerceptronTagger tagger)
    {
        var counts = new Dictionary<string, (int Correct, int Predicted, int Gold)>();
        long tokens = 0;
        var clock = Stopwatch.StartNew();
        var predictions = new List<string[]>(gold.Count);
        foreach (var document in gold.GroupBy(s => s.Document))
            predictions.AddRange(tagger.TagDocument([.. document.Select(s => (IReadOnlyList<string>)s.Words)]));
        clock.Stop();
        for (int s = 0; s < gold.Count; s++)
        {
            tokens += gold[s].Words.Length;
            var truth = ConllCorpus.Chunks(gold[s].Tags).ToHashSet();
            var guess = ConllCorpus.Chunks(predictions[s]);
            foreach (var chunk in truth) Add(chunk.Type, 0, 0, 1);
            foreach (var chunk in guess) Add(chunk.Type, truth.Contains(chunk) ? 1 : 0, 1, 0);
        }
        var perType = counts.OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(c => c.Key, c => Score.Of(c.Value.Correct, c.Value.Correct, c.Value.Predicted, c.Value.Gold));
        int correct = counts.Values.Sum(c => c.Correct), predicted = counts.Values.Sum(c => c.Predicted), all = counts.Values.Sum(c => c.Gold);
        return new NerScores(Score.Of(correct, correct, predicted, all), perType, tokens, tokens / Math.Max(clock.Elapsed.TotalSeconds, 1e-9));

        void Add(string type, int c, int p, int g)
        {
            var (cc, pp, gg) = counts.GetValueOrDefault(type);
            counts[type] = (cc + c, pp + p, gg + g);
        }
    }
}
