using System.Net;
using Sitrep.Linking;

namespace Sitrep.SituationReports;

/// <summary>
/// The situation report as one self-contained HTML page (inline style and map, no script, nothing
/// fetched): it opens offline, prints, and can be mailed as it is. Every statement links to its
/// evidence sentences, quoted at the end with the figures they gave highlighted.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>Writes <paramref name="report"/> with <paramref name="mapSvg"/> (from <see cref="ReportMap"/>) inline, when given.</summary>
    public static void Write(TextWriter w, SituationReport report, string? mapSvg)
    {
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.WriteLine($"<title>Situation report: {E(report.CountryName)}</title>");
        w.WriteLine($"<style>{Style}</style></head><body>");
        w.WriteLine($"<header><h1>Situation report: {E(report.CountryName)}</h1><p class=\"scope\">{E(ReportText.Scope(report))}</p></header>");
        if (report.Incidents.Count == 0)
        {
            w.WriteLine("<p>No incidents are stored for this country and period.</p></body></html>");
            return;
        }

        w.WriteLine("<section id=\"headline\"><h2>Headline figures</h2><div class=\"cards\">");
        Card(w, "Incidents", report.Incidents.Count.ToString(), $"from {ReportText.Count(report.Reports, "report")}");
        Card(w, "Fatalities", report.Fatalities.Value.ToString(), RangeNote(report.Fatalities));
        Card(w, "Injured", report.Injured.Value.ToString(), RangeNote(report.Injured));
        Card(w, "Places", report.ByPlace.Count.ToString(), report.ByPlace.Count > 0 ? $"most: {report.ByPlace[0].Place}" : "");
        w.WriteLine("</div><ul>");
        foreach (var line in ReportText.HeadlineLines(report)) w.WriteLine($"<li>{E(line)}</li>");
        w.WriteLine("</ul><table><thead><tr><th>Event type</th><th class=\"n\">Incidents</th><th class=\"n\">Fatalities</th></tr></thead><tbody>");
        foreach (var t in report.ByType)
            w.WriteLine($"<tr><td><span class=\"dot\" style=\"background:{ReportMap.TypeColours.GetValueOrDefault(t.EventType, "#333")}\"></span>{E(t.EventType)}</td><td class=\"n\">{t.Incidents}</td><td class=\"n\">{t.Fatalities}</td></tr>");
        w.WriteLine("</tbody></table>");
        var deadliest = report.Deadliest(5);
        if (deadliest.Count > 0)
        {
            w.WriteLine("<h3>Deadliest incidents, with each source's figure</h3><ul class=\"claims\">");
            foreach (var i in deadliest)
                w.WriteLine($"<li><a href=\"#incident-{E(i.Id)}\"><b>{E(SituationReport.Headline(i))}</b></a>, {ReportText.When(i)}<ul>{string.Concat(SituationReport.ClaimsOf(i, "fatalities").Select(c => $"<li>{E(c)}</li>"))}</ul>{Cite(report, i)}</li>");
            w.WriteLine("</ul>");
        }
        w.WriteLine("</section>");

        w.WriteLine($"<section id=\"changes\"><h2>Changes since the previous report</h2>{(report.Since is { } since ? $"<p class=\"note\">Compared with the reports dated up to {SituationReportDates.Short(since)}.</p>" : "")}<ul>");
        foreach (var (text, incident) in ReportText.ChangeLines(report))
            w.WriteLine($"<li>{(incident is null ? E(text) : $"<a href=\"#incident-{E(incident.Id)}\">{E(text)}</a> {Cite(report, incident)}")}</li>");
        w.WriteLine("</ul></section>");

        if (mapSvg is not null)
        {
            w.WriteLine("<section id=\"map\"><h2>Map</h2><figure>");
            w.WriteLine(mapSvg);
            w.WriteLine($"<figcaption>{string.Concat(report.ByType.Select(t => $"<span class=\"dot\" style=\"background:{ReportMap.TypeColours.GetValueOrDefault(t.EventType, "#333")}\"></span>{E(t.EventType)} "))}</figcaption></figure></section>");
        }

        w.WriteLine("<section id=\"timeline\"><h2>Timeline</h2>");
        foreach (var day in report.Timeline)
        {
            w.WriteLine($"<h3>{(day.Date is { } d ? SituationReportDates.Long(d) : "Undated")}</h3><ol class=\"day\">");
            foreach (var i in day.Incidents)
            {
                var colour = ReportMap.TypeColours.GetValueOrDefault(i.Event.EventType, "#333");
                w.WriteLine($"<li id=\"incident-{E(i.Id)}\" style=\"border-left-color:{colour}\"><b>{E(SituationReport.Headline(i))}</b> <span class=\"type\">{E(i.Event.EventType)}</span>"
                    + $"<br>{E(ReportText.Figures(i))} {E(ReportText.SourcesLine(i))} {Cite(report, i)}</li>");
            }
            w.WriteLine("</ol>");
        }
        w.WriteLine("</section>");

        w.WriteLine("<section id=\"places\"><h2>Incidents by place</h2><table><thead><tr><th>Place</th><th>Region</th><th class=\"n\">Incidents</th><th class=\"n\">Fatalities</th><th>Dates</th></tr></thead><tbody>");
        foreach (var p in report.ByPlace)
            w.WriteLine($"<tr id=\"place-{Anchor(p)}\"><td>{E(p.Place)}</td><td>{E(p.Admin1 ?? "")}</td><td class=\"n\">{p.Incidents.Count}</td><td class=\"n\">{p.Fatalities}</td><td>{E(ReportText.DatesOf(p.Incidents))}</td></tr>");
        w.WriteLine("</tbody></table></section>");

        w.WriteLine("<section id=\"evidence\"><h2>Evidence</h2><ol class=\"evidence\">");
        foreach (var e in report.EvidenceList)
            w.WriteLine($"<li id=\"e{e.Number}\" value=\"{e.Number}\"><span class=\"src\">{E(SituationReport.CreditOf(e.Member))}, {SituationReportDates.Short(e.Member.DocumentDate)}, report <code>{E(e.Member.DocumentId)}</code></span><blockquote>{Marked(e)}</blockquote></li>");
        w.WriteLine("</ol></section>");
        w.WriteLine($"<footer><h2>How this report was made</h2><ul>{string.Concat(ReportText.Method.Select(m => $"<li>{E(m)}</li>"))}</ul></footer>");
        w.WriteLine("</body></html>");
    }

    /// <summary>The anchor of a place's row, which the map's circles link to.</summary>
    public static string Anchor(SituationReport.PlaceLine place) =>
        Uri.EscapeDataString($"{place.Place}-{place.Admin1}".Replace(' ', '-').ToLowerInvariant());

    private static void Card(TextWriter w, string name, string value, string note) =>
        w.WriteLine($"<div class=\"card\"><div class=\"label\">{E(name)}</div><div class=\"value\">{E(value)}</div><div class=\"note\">{E(note)}</div></div>");

    private static string RangeNote(SituationReport.Total t) => t.Low == t.High ? $"in {ReportText.Count(t.Incidents, "incident")}" : $"reports range {t.Low}–{t.High}";

    private static string Cite(SituationReport report, Incident incident) =>
        $"<span class=\"cite\">{string.Join(" ", report.Citations(incident).Select(n => $"<a href=\"#e{n}\">E{n}</a>"))}</span>";

    // The sentence with the figures its event took from it marked.
    private static string Marked(SituationReport.Evidence e)
    {
        var text = e.Text;
        var phrases = new[] { e.Member.Event.FatalitiesText, e.Member.Event.InjuredText }.OfType<string>().Where(p => p.Length > 0).Distinct();
        var html = E(text);
        foreach (var phrase in phrases)
        {
            var encoded = E(phrase);
            int at = html.IndexOf(encoded, StringComparison.Ordinal);
            if (at >= 0) html = $"{html[..at]}<mark>{encoded}</mark>{html[(at + encoded.Length)..]}";
        }
        return html;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;max-width:62rem;margin:0 auto;padding:1.5rem}
        h1{margin:0 0 .2rem;font-size:1.7rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2rem;font-size:1.25rem}
        h3{font-size:1.02rem;margin:1.2rem 0 .4rem}.scope,.note{color:#555}
        .cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:.8rem 0}.card{flex:1 1 10rem;border:1px solid #ddd;border-radius:6px;padding:.6rem .8rem;background:#fafafa}
        .card .label{font-size:.8rem;text-transform:uppercase;color:#666;letter-spacing:.04em}.card .value{font-size:1.9rem;font-weight:600}.card .note{font-size:.85rem;color:#666}
        table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee}th{background:#f4f4f4}.n{text-align:right}
        .dot{display:inline-block;width:.7rem;height:.7rem;border-radius:50%;margin-right:.4rem;vertical-align:baseline}
        ol.day{list-style:none;padding:0}ol.day li{border-left:4px solid #999;padding:.3rem .7rem;margin:.5rem 0;background:#fcfcfc}
        .type{font-size:.8rem;color:#666;margin-left:.3rem}.cite a{font-size:.8rem;background:#eef3f8;border-radius:3px;padding:0 .25rem;margin-right:.15rem;text-decoration:none}
        figure{margin:0}figure svg{max-width:100%;height:auto;border:1px solid #ccc}figcaption{font-size:.85rem;color:#555;margin-top:.3rem}
        ol.evidence li{margin:.5rem 0}.src{font-size:.85rem;color:#555}blockquote{margin:.2rem 0 0;padding:.2rem .7rem;border-left:3px solid #ccc;background:#fafafa}
        mark{background:#fff2a8}:target{outline:2px solid #f0b400}footer{margin-top:2rem;font-size:.9rem;color:#444}
        @media print{a{color:inherit;text-decoration:none}section{break-inside:avoid-page}}
        """;
}
