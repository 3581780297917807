using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Bench;

/// <summary>Command-line options of the benchmark.</summary>
internal sealed record BenchOptions(int Count, int Words, string? Input, int Workers, int BatchSize, bool Keep, bool AllStages, bool Places, int SpreadDays = 0, string? WriteCorpus = null, double Duplicates = 0, bool NoLinking = false, bool Stories = false, bool StagesOnly = false)
{
    /// <summary>
    /// The pipeline measured: what `sitrep ingest` runs (the stages whose layers the store keeps), or,
    /// with --all-stages, every stage of the default pipeline.
    /// </summary>
    public DocumentPipeline Pipeline => AllStages ? StandardStages.Default : StandardStages.Default.Providing(StoreSchema.StoredLayers);

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(100_000, 500, null, Environment.ProcessorCount, IngestOptions.Default.BatchSize, false, false, false);
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--count" => options with { Count = int.Parse(Next()) },
                "--words" => options with { Words = int.Parse(Next()) },
                "--input" => options with { Input = Path.GetFullPath(Next()) },
                "--workers" => options with { Workers = int.Parse(Next()) },
                "--batch-size" => options with { BatchSize = int.Parse(Next()) },
                "--keep" => options with { Keep = true },
                "--all-stages" => options with { AllStages = true },
                "--places" => options with { Places = true },
                "--spread-days" => options with { SpreadDays = int.Parse(Next()) },
                "--write-corpus" => options with { WriteCorpus = Path.GetFullPath(Next()) },
                "--duplicates" => options with { Duplicates = double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture) },
                "--no-linking" => options with { NoLinking = true },
                "--stories" => options with { Stories = true },
                "--stages" => options with { StagesOnly = true },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return options;
    }
}
