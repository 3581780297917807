using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Pipeline;
using Sitrep.Places;

namespace Sitrep.Evaluation;

/// <summary>Event coding scores on ACLED rows; every rate is over all rows (a row with no event counts as wrong).</summary>
public sealed record EventScores(
    int N, double Detected, double EventTypeAccuracy, double SubEventTypeAccuracy, double DateExact,
    double PlaceWithin25Km, double FatalitiesExact, double ReportsPerSecond);

/// <summary>
/// Reads each row's note as a report dated on the row's event date, runs the pipeline, and matches
/// the row to the system's best event for that report (most fields right).
/// </summary>
public static class EventEvaluation
{
    /// <summary>Scores <paramref name="pipeline"/> (which must provide events) on <paramref name="rows"/>.</summary>
    public static EventScores Run(IReadOnlyList<AcledRow> rows, DocumentPipeline pipeline)
    {
        int detected = 0, type = 0, sub = 0, date = 0, place = 0, fatalities = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var row in rows)
        {
            var document = new Document(row.Notes, row.Date, new SourceLocation(row.Id));
            pipeline.Process(document);
            if (document.Events.Count == 0) continue;
            detected++;
            var best = document.Events.MaxBy(e => Agreement(row, e).Sum())!;
            var a = Agreement(row, best);
            type += a[0]; sub += a[1]; date += a[2]; place += a[3]; fatalities += a[4];
        }
        double n = Math.Max(1, rows.Count);
        return new EventScores(rows.Count, detected / n, type / n, sub / n, date / n, place / n, fatalities / n, rows.Count / clock.Elapsed.TotalSeconds);
    }

    private static int[] Agreement(AcledRow row, CodedEvent e) =>
    [
        e.EventType == row.EventType ? 1 : 0,
        e.EventType == row.EventType && e.SubEventType == EventTaxonomy.Normalise(row.SubEventType) ? 1 : 0,
        e.Date == row.Date ? 1 : 0,
        e.Place is { } p && row.Latitude is { } lat && row.Longitude is { } lon && Geo.DistanceKm(lat, lon, p.Latitude, p.Longitude) <= 25 ? 1 : 0,
        (e.Fatalities ?? 0) == row.Fatalities ? 1 : 0,
    ];
}
