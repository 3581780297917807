using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Places;
using Sitrep.Reading;

namespace Sitrep.Evaluation;

/// <summary>Event reading scores on a folder of reports with hand-coded events (<c>expected.json</c>).</summary>
/// <param name="Found">Gold events matched by a system event (optional gold events not counted).</param>
/// <param name="Gold">Gold events that are not optional.</param>
/// <param name="Predicted">System events, less those matched to an optional gold event.</param>
/// <param name="QuietReports">Reports whose gold holds no event.</param>
/// <param name="NoisyQuietReports">Of those, the reports the system gave an event.</param>
/// <param name="AtMustNotPlaces">System events placed at a place the gold names as never the event's (a dateline, a capital where an official spoke).</param>
/// <param name="MissedBecause">For the missed gold events, what the nearest system event placed within tolerance got wrong ("nothing there" when none was).</param>
/// <param name="Lines">Each miss and each invented event, one line each.</param>
internal sealed record ReportEventScores(
    int Found, int Gold, int Predicted, int QuietReports, int NoisyQuietReports, int AtMustNotPlaces,
    IReadOnlyDictionary<string, int> MissedBecause, IReadOnlyList<string> Lines)
{
    /// <summary>Found over gold.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Found / Gold;

    /// <summary>Found over predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Found / Predicted;

    /// <summary>The harmonic mean of recall and precision.</summary>
    public double F1 => Recall + Precision == 0 ? 0 : 2 * Recall * Precision / (Recall + Precision);
}

/// <summary>
/// Scores the events read from each report of a folder against its <c>expected.json</c>, as
/// <c>shared/tools/report-events.py</c> does: a gold event is found when one unused system event of
/// its report has a type in the accepted set, the gold day (when given), a place within the
/// tolerance and the gold fatalities (when given); each system event stands for one gold event only.
/// </summary>
internal static class ReportEvaluation
{
    private static readonly string[] Checks = ["type", "date", "place", "fatalities"];

    /// <summary>Reads <paramref name="directory"/>/expected.json and its reports, runs <paramref name="pipeline"/> on each and scores the events.</summary>
    public static ReportEventScores Run(string directory, DocumentPipeline pipeline)
    {
        var expectedPath = Path.Combine(directory, "expected.json");
        using var expected = JsonDocument.Parse(File.ReadAllText(expectedPath));
        if (!expected.RootElement.TryGetProperty("reports", out var reports))
            throw new InvalidDataException($"{expectedPath}: no 'reports' object");
        int found = 0, gold = 0, predicted = 0, quiet = 0, noisyQuiet = 0, mustNot = 0;
        var because = new Dictionary<string, int> { ["nothing there"] = 0, ["type"] = 0, ["date"] = 0, ["place"] = 0, ["fatalities"] = 0 };
        var lines = new List<string>();
        foreach (var report in reports.EnumerateObject().OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var document = Read(Path.Combine(directory, report.Name), pipeline);
            var events = document.Events.ToList();
            predicted += events.Count;
            var used = new HashSet<int>();
            var goldEvents = report.Value.GetProperty("events").EnumerateArray().ToList();
            foreach (var g in goldEvents.Where(g => !IsOptional(g)))
            {
                gold++;
                if (FirstMatch(g, events, used) is int hit)
                {
                    used.Add(hit);
                    found++;
                    continue;
                }
                // The nearest candidate: the unused event placed within tolerance with the most checks right.
                bool[]? best = null;
                for (int i = 0; i < events.Count; i++)
                {
                    if (used.Contains(i)) continue;
                    var c = Check(g, events[i]);
                    if (c[2] && (best is null || c.Count(x => x) > best.Count(x => x))) best = c;
                }
                string reason;
                if (best is null)
                {
                    because["nothing there"]++;
                    reason = "nothing placed there";
                }
                else
                {
                    var wrong = Checks.Where((_, k) => !best[k]).ToList();
                    foreach (var w in wrong) because[w]++;
                    reason = "wrong " + string.Join(", ", wrong);
                }
                var fatalities = g.TryGetProperty("fatalities", out var f) ? $" fatalities {f.GetInt32()}" : "";
                lines.Add($"missed   {report.Name}: {g.GetProperty("types")[0].GetString()} at {g.GetProperty("place").GetString()} {Text(g, "date")}{fatalities} ({reason})");
            }
            // An optional gold event counts neither way: a system event matching it is not invented.
            foreach (var g in goldEvents.Where(IsOptional))
                if (FirstMatch(g, events, used) is int hit)
                {
                    used.Add(hit);
                    predicted--;
                }
            for (int i = 0; i < events.Count; i++)
            {
                if (used.Contains(i)) continue;
                var e = events[i];
                var evidence = e.Evidence.Count > 0 ? document.TextOf(e.Evidence[0]) : "";
                lines.Add($"invented {report.Name}: {Label(e)} at {e.Place?.Name ?? "?"} {e.Date:yyyy-MM-dd} <- {evidence[..Math.Min(110, evidence.Length)]}");
            }
            if (goldEvents.Count == 0)
            {
                quiet++;
                if (events.Count > 0) noisyQuiet++;
            }
            var mustNotNames = report.Value.TryGetProperty("must_not_places", out var m)
                ? m.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!.ToLowerInvariant()).ToHashSet()
                : [];
            mustNot += events.Count(e => e.Place is { } p && mustNotNames.Contains(p.Name.ToLowerInvariant()));
        }
        return new ReportEventScores(found, gold, predicted, quiet, noisyQuiet, mustNot, because, lines);
    }

    private static Document Read(string path, DocumentPipeline pipeline)
    {
        using var stream = File.OpenRead(path);
        var item = TextReportReader.Read(stream, path, ReaderOptions.Default);
        if (item.Report is not { } report) throw new InvalidDataException(item.Error?.ToString() ?? path);
        var document = report.ToDocument();
        pipeline.Process(document);
        return document;
    }

    private static bool IsOptional(JsonElement g) => g.TryGetProperty("optional", out var o) && o.ValueKind == JsonValueKind.True;

    private static int? FirstMatch(JsonElement g, List<CodedEvent> events, HashSet<int> used)
    {
        for (int i = 0; i < events.Count; i++)
            if (!used.Contains(i) && Check(g, events[i]).All(x => x)) return i;
        return null;
    }

    // Type, date, place and fatalities, in the order of Checks.
    private static bool[] Check(JsonElement g, CodedEvent e)
    {
        bool type = g.GetProperty("types").EnumerateArray().Any(t => t.GetString()!.Replace("protestors", "protesters") == Label(e));
        bool date = !g.TryGetProperty("date", out var d) || e.Date?.ToString("yyyy-MM-dd") == d.GetString();
        bool place = e.Place is { } p
            && Geo.DistanceKm(g.GetProperty("lat").GetDouble(), g.GetProperty("lon").GetDouble(), p.Latitude, p.Longitude) <= g.GetProperty("tolerance_km").GetDouble();
        bool fatalities = !g.TryGetProperty("fatalities", out var f) || (e.Fatalities ?? 0) == f.GetInt32();
        return [type, date, place, fatalities];
    }

    private static string Label(CodedEvent e) => string.IsNullOrEmpty(e.SubEventType) ? e.EventType : $"{e.EventType}/{EventTaxonomy.Normalise(e.SubEventType)}";

    private static string Text(JsonElement g, string name) => g.TryGetProperty(name, out var v) ? v.GetString() ?? "" : "";
}
