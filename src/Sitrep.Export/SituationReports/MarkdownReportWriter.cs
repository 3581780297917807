using System.Text.RegularExpressions;
using Sitrep.Linking;

namespace Sitrep.SituationReports;

/// <summary>
/// The situation report as Markdown: readable as plain text, rendered well by any Markdown viewer.
/// Every statement cites its evidence as [E<i>n</i>], listed with source, date and sentence at the end.
/// </summary>
public static partial class MarkdownReportWriter
{
    /// <summary>Writes <paramref name="report"/>; <paramref name="mapFile"/>, when given, is the map image's path relative to the output.</summary>
    public static void Write(TextWriter w, SituationReport report, string? mapFile)
    {
        w.WriteLine($"# Situation report: {Escape(report.CountryName)}");
        w.WriteLine();
        w.WriteLine(Escape(ReportText.Scope(report))); // names the outlets, which come from the reports
        w.WriteLine();
        if (report.Incidents.Count == 0)
        {
            w.WriteLine("No incidents are stored for this country and period.");
            return;
        }

        w.WriteLine("## Headline figures");
        w.WriteLine();
        foreach (var line in ReportText.HeadlineLines(report)) w.WriteLine($"- {Escape(line)}");
        w.WriteLine();
        w.WriteLine("| Event type | Incidents | Fatalities |");
        w.WriteLine("|---|---:|---:|");
        foreach (var t in report.ByType) w.WriteLine($"| {Escape(t.EventType)} | {t.Incidents} | {t.Fatalities} |");
        w.WriteLine();
        var deadliest = report.Deadliest(5);
        if (deadliest.Count > 0)
        {
            w.WriteLine("Deadliest incidents, with each source's figure:");
            w.WriteLine();
            foreach (var incident in deadliest)
                w.WriteLine($"- **{Escape(SituationReport.Headline(incident))}**, {ReportText.When(incident)}: {Escape(string.Join("; ", SituationReport.ClaimsOf(incident, "fatalities")))}. {Cite(report, incident)}");
            w.WriteLine();
        }

        w.WriteLine($"## Changes since the previous report{(report.Since is { } since ? $" (reports up to {SituationReportDates.Short(since)})" : "")}");
        w.WriteLine();
        foreach (var (text, incident) in ReportText.ChangeLines(report))
            w.WriteLine($"- {Escape(text)}{(incident is null ? "" : " " + Cite(report, incident))}");
        w.WriteLine();

        if (mapFile is not null)
        {
            w.WriteLine("## Map");
            w.WriteLine();
            w.WriteLine($"![Map of the incidents in {Escape(report.CountryName)}]({mapFile})");
            w.WriteLine();
        }

        w.WriteLine("## Timeline");
        foreach (var day in report.Timeline)
        {
            w.WriteLine();
            w.WriteLine($"### {(day.Date is { } d ? SituationReportDates.Long(d) : "Undated")}");
            w.WriteLine();
            foreach (var incident in day.Incidents)
                w.WriteLine($"- <a id=\"incident-{incident.Id}\"></a>**{Escape(SituationReport.Headline(incident))}**. {Escape(ReportText.Figures(incident))} {Escape(ReportText.SourcesLine(incident))} {Cite(report, incident)}");
        }
        w.WriteLine();

        w.WriteLine("## Incidents by place");
        w.WriteLine();
        w.WriteLine("| Place | Region | Incidents | Fatalities | Dates |");
        w.WriteLine("|---|---|---:|---:|---|");
        foreach (var p in report.ByPlace)
            w.WriteLine($"| {Escape(p.Place)} | {Escape(p.Admin1 ?? "")} | {p.Incidents.Count} | {p.Fatalities} | {ReportText.DatesOf(p.Incidents)} |");
        w.WriteLine();

        w.WriteLine("## Evidence");
        w.WriteLine();
        foreach (var e in report.EvidenceList)
            w.WriteLine($"<a id=\"e{e.Number}\"></a>**E{e.Number}.** {Escape(SituationReport.CreditOf(e.Member))}, {SituationReportDates.Short(e.Member.DocumentDate)}, report `{e.Member.DocumentId}`: “{Escape(e.Text)}”  ");
        w.WriteLine();
        w.WriteLine("## How this report was made");
        w.WriteLine();
        foreach (var line in ReportText.Method) w.WriteLine($"- {Escape(line)}");
    }

    private static string Cite(SituationReport report, Incident incident) =>
        string.Join(" ", report.Citations(incident).Select(n => $"[E{n}](#e{n})"));

    /// <summary>Backslash-escapes the characters Markdown would read as markup.</summary>
    public static string Escape(string text) => MarkupCharacters().Replace(text.ReplaceLineEndings(" "), @"\$0");

    [GeneratedRegex(@"[\\`*_\[\]<>|#]")]
    private static partial Regex MarkupCharacters();
}
