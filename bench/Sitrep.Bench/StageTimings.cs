using System.Diagnostics;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Reading;

namespace Sitrep.Bench;

/// <summary>Single-core speed of each stage after the text stage, in tokens per second, measured on the same documents.</summary>
internal static class StageTimings
{
    public static Dictionary<string, double> Measure(string input, int documents)
    {
        var docs = new ReportReader(ReaderOptions.Default).Read([input])
            .Where(i => i.Report is not null).Take(documents)
            .Select(i => i.Report!.ToDocument()).ToList();
        var text = new PipelineBuilder().UseText().Build();
        foreach (var d in docs) text.Process(d);
        long tokens = docs.Sum(d => (long)d.Tokens.Length);

        var result = new Dictionary<string, double>();
        double combinedSeconds = 0;
        // The default pipeline's stages after text, in order, each timed alone on one thread.
        foreach (var stage in StandardStages.Default.Stages.Skip(text.Stages.Count))
        {
            var clock = Stopwatch.StartNew();
            foreach (var d in docs) stage.Process(d);
            combinedSeconds += clock.Elapsed.TotalSeconds;
            result[stage.Name] = Math.Round(tokens / clock.Elapsed.TotalSeconds);
        }
        result["combined"] = Math.Round(tokens / combinedSeconds);
        return result;
    }
}
