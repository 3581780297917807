using System.Diagnostics;
using Sitrep.Documents;
using Sitrep.Places;

namespace Sitrep.Evaluation;

/// <summary>Geoparsing scores as in Gritta et al. (2019): recognition P/R/F1, then resolution of the recognised toponyms.</summary>
internal sealed record GeoScores(
    Score Recognition, double Accuracy161, double MeanKm, double MedianKm, double Auc, int Resolved,
    int Gold, int System, int Documents, int Dropped, long Toponyms, double ToponymsPerSecond);

/// <summary>Runs a pipeline that provides places over gold articles and scores it.</summary>
internal static class GeoEvaluation
{
    // Half the Earth's circumference: the largest possible error, which AUC scales by.
    private const double MaxErrorKm = 20039;

    /// <summary>
    /// Recognition is exact-span; resolution is measured on the toponyms recognised exactly that the
    /// gold places: accuracy within 161 km (100 miles), mean and median error, and the area under the
    /// curve of log errors (0 is perfect, 1 is every toponym at the antipode).
    /// </summary>
    /// <remarks><paramref name="before"/> provides what the place stage reads; only the place stage is timed.</remarks>
    public static GeoScores Run(IEnumerable<GeoGoldDocument> documents, DocumentPipeline before, IStage places, int dropped = 0)
    {
        int gold = 0, system = 0, matched = 0, docs = 0;
        long toponyms = 0;
        var errors = new List<double>();
        var clock = new Stopwatch();
        foreach (var doc in documents)
        {
            var document = Placed(doc, before.Process, places, clock);
            docs++;
            gold += doc.Toponyms.Count;
            system += document.Places.Count;
            toponyms += document.Places.Count;
            var byStart = new Dictionary<(int, int), PlaceMention>();
            foreach (var p in document.Places) byStart.TryAdd((p.Range.Start, p.Range.End), p);
            foreach (var g in doc.Toponyms)
            {
                if (!byStart.TryGetValue((g.Range.Start, g.Range.End), out var found)) continue;
                matched++;
                if (g.Latitude is { } lat && g.Longitude is { } lon)
                    errors.Add(Geo.DistanceKm(lat, lon, found.Latitude, found.Longitude));
            }
        }
        return Summary(errors, Score.Of(matched, matched, system, gold), gold, system, docs, dropped, toponyms, clock.Elapsed);
    }

    /// <summary>
    /// Resolution of the gold toponyms themselves, as published resolvers are scored: each gold span is
    /// given to the place stage as a place the tagger found (no other names are tagged), and every gold
    /// toponym with coordinates is scored; one the stage leaves unresolved counts as an error of half
    /// the Earth. <see cref="GeoScores.Recognition"/> then says how many gold toponyms were resolved.
    /// </summary>
    /// <remarks><paramref name="text"/> provides tokens and sentences (not entities); only the place stage is timed.</remarks>
    public static GeoScores RunGivenSpans(IEnumerable<GeoGoldDocument> documents, DocumentPipeline text, IStage places, int dropped = 0)
    {
        int gold = 0, resolved = 0, docs = 0;
        long toponyms = 0;
        var errors = new List<double>();
        var clock = new Stopwatch();
        foreach (var doc in documents)
        {
            var document = Placed(doc, d =>
            {
                text.Process(d);
                d.SetEntities([.. doc.Toponyms.Select(t => new Mention(t.Range, EntityType.Location)).DistinctBy(m => m.Range).OrderBy(m => m.Range.Start)]);
            }, places, clock);
            docs++;
            toponyms += document.Places.Count;
            foreach (var g in doc.Toponyms)
            {
                if (g.Latitude is not { } lat || g.Longitude is not { } lon) continue;
                gold++;
                // The stage may widen or trim a span ("Rio Grande" of "Rio Grande do Norte"): any overlap is the mention.
                var found = document.Places.FirstOrDefault(p => p.Range.Start < g.Range.End && g.Range.Start < p.Range.End);
                if (found is null)
                {
                    errors.Add(MaxErrorKm);
                    continue;
                }
                resolved++;
                errors.Add(Geo.DistanceKm(lat, lon, found.Latitude, found.Longitude));
            }
        }
        return Summary(errors, Score.Of(resolved, resolved, gold, gold), gold, resolved, docs, dropped, toponyms, clock.Elapsed);
    }

    // The gold document read by the place stage after what it reads is made by <paramref name="prepare"/>; only the place stage is timed.
    private static Document Placed(GeoGoldDocument doc, Action<Document> prepare, IStage places, Stopwatch clock)
    {
        var document = new Document(doc.Text, doc.Date ?? DateOnly.FromDateTime(DateTime.UtcNow), new SourceLocation(doc.Name));
        prepare(document);
        clock.Start();
        places.Process(document);
        clock.Stop();
        return document;
    }

    private static GeoScores Summary(List<double> errors, Score recognition, int gold, int system, int docs, int dropped, long toponyms, TimeSpan placing)
    {
        errors.Sort();
        return new GeoScores(
            recognition,
            errors.Count == 0 ? 0 : errors.Count(e => e <= 161) / (double)errors.Count,
            errors.Count == 0 ? 0 : errors.Average(),
            Median(errors),
            Auc(errors),
            errors.Count, gold, system, docs, dropped, toponyms,
            placing.TotalSeconds > 0 ? toponyms / placing.TotalSeconds : 0);
    }

    private static double Median(List<double> sorted) =>
        sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>Trapezoidal area under the sorted log errors, scaled so the worst possible curve is 1.</summary>
    internal static double Auc(List<double> sorted)
    {
        if (sorted.Count < 2) return sorted.Count == 1 ? Math.Log(sorted[0] + 1) / Math.Log(MaxErrorKm) : 0;
        double area = 0;
        for (int i = 1; i < sorted.Count; i++) area += (Math.Log(sorted[i - 1] + 1) + Math.Log(sorted[i] + 1)) / 2;
        return area / ((sorted.Count - 1) * Math.Log(MaxErrorKm));
    }
}
