using System.Globalization;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Places;

namespace Sitrep.Evaluation;

/// <summary>Event coding scores on ACLED rows; every rate is over all rows (a row with no event counts as wrong).</summary>
internal sealed record EventScores(
    int N, double Detected, double EventTypeAccuracy, double SubEventTypeAccuracy, double DateExact,
    double PlaceWithin25Km, double FatalitiesExact, double ReportsPerSecond)
{
    /// <summary>Rows whose best event names ACLED's actor1 exactly.</summary>
    public double Actor1Exact { get; init; }

    /// <summary>Rows whose best event names ACLED's actor2 exactly (both empty counts).</summary>
    public double Actor2Exact { get; init; }

    /// <summary>Rows whose best event gives actor1 ACLED's inter code.</summary>
    public double Inter1Exact { get; init; }
}

/// <summary>One scored row: the system's best event for it (null when it found none) and which fields that event has right.</summary>
internal sealed record EventRowResult(AcledGoldRow Row, CodedEvent? Event, bool Type, bool SubType, bool Date, bool Place, bool Fatalities, double? DistanceKm)
{
    /// <summary>A row for which the system found no event.</summary>
    internal static EventRowResult Missed(AcledGoldRow row) => new(row, null, false, false, false, false, false, null);

    /// <summary>How far <paramref name="e"/> agrees with <paramref name="row"/>.</summary>
    internal static EventRowResult Of(AcledGoldRow row, CodedEvent e)
    {
        double? km = e.Place is { } p && row.Latitude is { } lat && row.Longitude is { } lon ? Geo.DistanceKm(lat, lon, p.Latitude, p.Longitude) : null;
        bool type = e.EventType == row.EventType;
        return new(row, e, type, type && e.SubEventType == EventTaxonomy.Normalise(row.SubEventType), e.Date == row.Date,
            km <= 25, (e.Fatalities ?? 0) == row.Fatalities, km);
    }

    /// <summary>Whether the event names ACLED's actor1 exactly.</summary>
    public bool Actor1 => Event?.Actor1 is { } a && a == Row.Actor1;

    /// <summary>Whether the event names ACLED's actor2 exactly (neither naming one counts).</summary>
    public bool Actor2 => Event is { } e && (e.Actor2 ?? "") == Row.Actor2;

    /// <summary>Whether the event gives actor1 ACLED's inter code.</summary>
    public bool Inter1 => Event?.Inter1 is { } i && i == Row.Inter1;

    /// <summary>How many of the five fields are right.</summary>
    internal int Right => (Type ? 1 : 0) + (SubType ? 1 : 0) + (Date ? 1 : 0) + (Place ? 1 : 0) + (Fatalities ? 1 : 0);

    /// <summary>The measures the row counts as wrong: "detected" when no event was found, else the fields missed.</summary>
    public IReadOnlyList<string> Wrong => Event is null ? ["detected"]
        : [.. new[] { ("event_type", Type), ("sub_event_type", SubType), ("date", Date), ("place", Place), ("fatalities", Fatalities) }
            .Where(m => !m.Item2).Select(m => m.Item1)];
}

/// <summary>
/// Reads each row's note as a report dated on the row's event date, runs the pipeline, and matches
/// the row to the system's best event for that report (most fields right).
/// </summary>
internal static class EventEvaluation
{
    /// <summary>Scores <paramref name="pipeline"/> (which must provide events) on <paramref name="rows"/>; <paramref name="eachRow"/> sees every row's result.</summary>
    public static EventScores Run(IReadOnlyList<AcledGoldRow> rows, DocumentPipeline pipeline, Action<EventRowResult>? eachRow = null)
    {
        int detected = 0, type = 0, sub = 0, date = 0, place = 0, fatalities = 0, actor1 = 0, actor2 = 0, inter1 = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var row in rows)
        {
            var document = new Document(row.Notes, row.Date, new SourceLocation(row.Id));
            pipeline.Process(document);
            // The best-matching event: the one with most fields right (the first of equals).
            var result = document.Events.Count == 0 ? EventRowResult.Missed(row)
                : document.Events.Select(e => EventRowResult.Of(row, e)).MaxBy(r => r.Right)!;
            eachRow?.Invoke(result);
            if (result.Event is null) continue;
            detected++;
            type += result.Type ? 1 : 0; sub += result.SubType ? 1 : 0; date += result.Date ? 1 : 0;
            place += result.Place ? 1 : 0; fatalities += result.Fatalities ? 1 : 0;
            actor1 += result.Actor1 ? 1 : 0; actor2 += result.Actor2 ? 1 : 0; inter1 += result.Inter1 ? 1 : 0;
        }
        double n = Math.Max(1, rows.Count);
        return new EventScores(rows.Count, detected / n, type / n, sub / n, date / n, place / n, fatalities / n, rows.Count / clock.Elapsed.TotalSeconds)
        {
            Actor1Exact = actor1 / n, Actor2Exact = actor2 / n, Inter1Exact = inter1 / n,
        };
    }

    /// <summary>The scores of several sets of rows as one, each rate weighted by its rows.</summary>
    public static EventScores Combine(IReadOnlyList<EventScores> parts)
    {
        int n = parts.Sum(p => p.N);
        double Mean(Func<EventScores, double> rate) => n == 0 ? 0 : parts.Sum(p => rate(p) * p.N) / n;
        double seconds = parts.Sum(p => p.ReportsPerSecond > 0 ? p.N / p.ReportsPerSecond : 0);
        return new EventScores(n, Mean(p => p.Detected), Mean(p => p.EventTypeAccuracy), Mean(p => p.SubEventTypeAccuracy), Mean(p => p.DateExact),
            Mean(p => p.PlaceWithin25Km), Mean(p => p.FatalitiesExact), seconds > 0 ? n / seconds : 0)
        {
            Actor1Exact = Mean(p => p.Actor1Exact), Actor2Exact = Mean(p => p.Actor2Exact), Inter1Exact = Mean(p => p.Inter1Exact),
        };
    }

    /// <summary>
    /// Writes the rows with anything wrong as CSV, the gold beside what the system said, for reading
    /// the errors: a header line, then one line per row.
    /// </summary>
    public static void WriteErrors(TextWriter writer, IEnumerable<EventRowResult> results)
    {
        writer.WriteLine("event_id_cnty,wrong,gold_event_type,gold_sub_event_type,gold_date,gold_location,gold_latitude,gold_longitude,gold_fatalities,"
            + "event_type,sub_event_type,date,place,place_country,place_level,latitude,longitude,distance_km,fatalities,fatalities_text,notes");
        foreach (var r in results)
        {
            var wrong = r.Wrong;
            if (wrong.Count == 0) continue;
            var e = r.Event;
            string? Number(double? x) => x?.ToString("0.####", CultureInfo.InvariantCulture);
            writer.WriteLine(string.Join(',', new[]
            {
                r.Row.Id, string.Join(' ', wrong), r.Row.EventType, r.Row.SubEventType, r.Row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.Row.Location, Number(r.Row.Latitude), Number(r.Row.Longitude), r.Row.Fatalities.ToString(CultureInfo.InvariantCulture),
                e?.EventType, e?.SubEventType, e?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e?.Place?.Name, e?.Place?.Country, e?.Place is { } place ? PlaceLevels.Name(place.Level) : null,
                Number(e?.Place?.Latitude), Number(e?.Place?.Longitude), Number(r.DistanceKm is { } km ? Math.Round(km) : null),
                e?.Fatalities?.ToString(CultureInfo.InvariantCulture), e?.FatalitiesText, r.Row.Notes,
            }.Select(Csv.CsvField.Quote)));
        }
    }
}
