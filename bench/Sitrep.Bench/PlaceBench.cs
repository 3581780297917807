using Sitrep.Documents;
using System.Diagnostics;
using Sitrep.Entities;
using Sitrep.Pipeline;
using Sitrep.Places;
using Sitrep.Reading;

namespace Sitrep.Bench;

/// <summary>
/// The gazetteer and geoparser alone: load time and resident memory of the compiled index, and
/// toponyms resolved per second on one core (entities computed beforehand, not timed).
/// </summary>
internal static class PlaceBench
{
    public static object Measure(string input, int documents)
    {
        var path = GazetteerCache.DefaultPath ?? throw new InvalidOperationException("no gazetteer: run 'npm ci' first");
        if (!File.Exists(path) || !GazetteerCache.IsFresh(path)) _ = GazetteerCache.Open(out _); // compile it first, outside the measurement
        PeakMemory.Reset();
        long rssBefore = PeakMemory.ResidentBytes();
        var clock = Stopwatch.StartNew();
        var gazetteer = GazetteerFile.Load(path);
        double loadMs = clock.Elapsed.TotalMilliseconds;
        long rssAfter = PeakMemory.ResidentBytes();

        var before = new PipelineBuilder().UseText().UseEntities(EntityModel.Default!).Build();
        var docs = new ReportReader(ReaderOptions.Default).Read([input])
            .Where(i => i.Report is not null).Take(documents)
            .Select(i => i.Report!.ToDocument()).ToList();
        foreach (var d in docs) before.Process(d);
        var geoparser = new Geoparser(gazetteer);
        foreach (var d in docs.Take(200)) geoparser.Parse(d); // warm-up

        long toponyms = 0;
        clock.Restart();
        foreach (var d in docs) toponyms += geoparser.Parse(d).Count;
        double seconds = clock.Elapsed.TotalSeconds;
        return new
        {
            gazetteer_entries = gazetteer.Count,
            gazetteer_names = gazetteer.Names.Count,
            gazetteer_file_mb = Math.Round(new FileInfo(path).Length / 1048576.0, 1),
            gazetteer_load_ms = Math.Round(loadMs),
            gazetteer_rss_mb = Math.Round((rssAfter - rssBefore) / 1048576.0, 1),
            documents = docs.Count,
            toponyms,
            toponyms_per_second_one_core = Math.Round(toponyms / seconds),
        };
    }
}
