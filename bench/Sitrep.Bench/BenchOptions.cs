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

    /// <summary>What --help prints.</summary>
    public const string Usage = """
        Ingest throughput and memory, as `sitrep ingest` does it: read, process, store. Prints reports/s,
        words/s, peak RSS and each stage's share.

        usage: dotnet run -c Release --project bench/Sitrep.Bench -- [OPTIONS]
          --count N            reports to generate (default 100000)
          --words N            words a report (default 500)
          --input PATH         ingest this JSON Lines file instead of a generated corpus
          --workers N          pipeline workers (default: one per core)
          --batch-size N       reports a store transaction (default: the ingest's)
          --all-stages         run every stage, not only those whose layers the store keeps
          --no-linking         store without linking
          --duplicates F       that share of reports are lightly edited copies of earlier ones
          --stories            reports that retell stories over several days
          --spread-days N      spread the reports' dates over N days
          --keep               keep the generated corpus and database
          --places             the gazetteer and geoparser alone
          --stages             each stage's single-core speed alone (no ingest)
          --write-corpus FILE  write the generated corpus and stop
        """;

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
