using Sitrep.Linking;

namespace Sitrep.SituationReports;

/// <summary>The report's sentences, worded once for every format (the writers only add markup).</summary>
public static class ReportText
{
    /// <summary>What the report covers and what it was read from.</summary>
    public static string Scope(SituationReport report)
    {
        var dates = report.Incidents.Select(i => i.Event.Date).OfType<DateOnly>().ToList();
        DateOnly? first = report.From ?? (dates.Count > 0 ? dates.Min() : null), last = report.To ?? (dates.Count > 0 ? dates.Max() : null);
        var period = first is { } f && last is { } l ? $"Events of {SituationReportDates.Span(f, l)}" : "All dates";
        var asOf = report.AsOf is { } a ? $"; information as of {SituationReportDates.Short(a)}" : "";
        var sources = report.Sources.Count <= 6 ? $" ({string.Join(", ", report.Sources)})" : "";
        return $"{period}{asOf}. Read from {Count(report.Reports, "report")} by {Count(report.Sources.Count, "outlet")}{sources}.";
    }

    /// <summary>The headline bullets.</summary>
    public static IEnumerable<string> HeadlineLines(SituationReport report)
    {
        yield return $"{Count(report.Incidents.Count, "incident")} in {Count(report.ByPlace.Count, "place")}; most common: {string.Join(", ", report.ByType.Take(3).Select(t => $"{t.EventType} ({t.Incidents})"))}.";
        yield return TotalLine("Fatalities", report.Fatalities);
        if (report.Injured.Value > 0) yield return TotalLine("Injured", report.Injured);
    }

    private static string TotalLine(string name, SituationReport.Total total)
    {
        var range = total.Low == total.High ? "" : $"; the figures reported add up to between {total.Low} and {total.High}";
        return $"{name}: {total.Value} in {Count(total.Incidents, "incident")} (for each incident the lowest current figure, as ACLED codes{range}).";
    }

    /// <summary>What changed since the previous report, each line with the incident it is about (null for totals).</summary>
    public static IEnumerable<(string Text, Incident? Incident)> ChangeLines(SituationReport report)
    {
        var c = report.Change;
        if (c.NewReports == 0)
        {
            yield return ($"No new reports since {(report.Since is { } s ? SituationReportDates.Short(s) : "the previous report")}.", null);
            yield break;
        }
        yield return ($"{Count(c.NewReports, "new report")}: {Count(c.NewIncidents.Count, "new incident")}, {Count(c.Revisions.Select(r => r.Incident.Id).Distinct().Count(), "incident")} with revised figures, {Count(c.Corroborated.Count, "incident")} confirmed by another report.", null);
        if (c.FatalitiesBefore.Value != report.Fatalities.Value)
            yield return ($"Fatalities: {report.Fatalities.Value}, up from {c.FatalitiesBefore.Value} in the previous report.", null);
        foreach (var i in c.NewIncidents)
            yield return ($"New: {SituationReport.Headline(i)}, {When(i)}. {Figures(i)}", i);
        foreach (var r in c.Revisions)
        {
            var was = r.Before is { } b ? $"{b}" : "none";
            var claims = string.Join("; ", r.NewClaims.Select(cl => $"{cl.Value} according to {SituationReport.Credit(r.Incident, cl)}"));
            yield return ($"Revised {r.Field}: {SituationReport.Headline(r.Incident)}, {When(r.Incident)}: was {was}, now {r.After} (new: {claims}).", r.Incident);
        }
        foreach (var i in c.Corroborated)
            yield return ($"Confirmed by a further report: {SituationReport.Headline(i)}, {When(i)}.", i);
    }

    /// <summary>An incident's fatality and injury figures with how each was chosen.</summary>
    public static string Figures(Incident incident)
    {
        var parts = new List<string>();
        foreach (var (field, verb) in new[] { ("fatalities", "killed"), ("injured", "injured") })
            if (incident.Conservative(field) is { } chosen)
                parts.Add($"{chosen.Value} {verb} ({incident.Basis(field)})");
        return parts.Count == 0 ? "No casualty figures reported." : string.Join("; ", parts) + ".";
    }

    /// <summary>Who reported an incident.</summary>
    public static string SourcesLine(Incident incident)
    {
        var sources = incident.Members.Select(SituationReport.SourceOf).Distinct().Order(StringComparer.Ordinal).ToList();
        return $"Source{(sources.Count == 1 ? "" : "s")}: {string.Join(", ", sources)}{(incident.Documents.Count > 1 ? $" ({incident.Documents.Count} reports)" : "")}.";
    }

    /// <summary>The dates of some incidents: one date, or the first and last.</summary>
    public static string DatesOf(IEnumerable<Incident> incidents)
    {
        var dates = incidents.Select(i => i.Event.Date).OfType<DateOnly>().ToList();
        return dates.Count == 0 ? "undated" : SituationReportDates.Span(dates.Min(), dates.Max());
    }

    /// <summary>How the report was made, for its last section.</summary>
    public static readonly IReadOnlyList<string> Method =
    [
        "Coded automatically by Sitrep from the stored reports, to the ACLED event taxonomy; check the evidence before relying on a statement.",
        "Reports of one incident from several outlets are linked into one incident (same kind of event, nearby place and date, compatible actors); each outlet's figure is kept.",
        "An incident's figure follows ACLED: a count rises as later reports give higher ones, and where reports of the same day differ the lowest is used; vague amounts count as ACLED does (\"dozens\" = 12, \"hundreds\" = 100).",
        "Dates are the events' own where the report gives one, else the report's date; places are the sentence's own, else the paragraph's or the report's focus.",
    ];

    /// <summary>An incident's date, "30 Oct 2022", or "undated".</summary>
    public static string When(Incident incident) => incident.Event.Date is { } d ? SituationReportDates.Short(d) : "undated";

    /// <summary>"1 report", "3 reports".</summary>
    public static string Count(int n, string one) => n == 1 ? $"1 {one}" : $"{n} {one}s";
}
