using Sitrep.Storage.Sqlite;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Sitrep.Linking;
using Sitrep.SituationReports;
using Sitrep.Storage;
using Sitrep.Tests.Support;
using static Sitrep.Tests.Support.IncidentReports;

namespace Sitrep.Tests.SituationReports;

/// <summary>The situation report over linked incidents: figures, changes, evidence, and its two formats.</summary>
public sealed class SituationReportTests
{
    private const string StudentsProtest = "Hundreds of students protested peacefully in Kano on Monday against higher fees, the police said.";

    private static SituationReport Nigeria(DateOnly? since = null)
    {
        using var dir = new TempDirectory();
        using var store = SqliteDocumentStore.Open(dir.File("r.db"));
        store.Store([.. Market(), Read(StudentsProtest, new DateOnly(2024, 3, 11), "Kano Mirror")]);
        return SituationReport.Build("NG", store.ListIncidents(new EventQuery(Country: "NG", Limit: int.MaxValue)), since: since);
    }

    [Fact]
    public void Headline_CountsTheMarketAttackOnce_WithTheRangeOfFigures()
    {
        var report = Nigeria();

        var attack = Assert.Single(report.Incidents, i => i.Documents.Count == 3);
        Assert.Equal(attack.Event.Fatalities, report.Fatalities.Value);
        Assert.Equal((12, 19), (report.Fatalities.Low, report.Fatalities.High));
        Assert.Equal(["Delta Herald", "Kano Mirror", "Lagos Daily", "Sahel Wire"], report.Sources);
        var claims = SituationReport.ClaimsOf(attack, "fatalities").ToList();
        Assert.Equal(3, claims.Count);
        Assert.Contains(claims, c => c.StartsWith("15 (\"At least 15\") according to", StringComparison.Ordinal) && c.Contains("Lagos Daily"));
        Assert.Contains(report.ByPlace, p => p.Place == "Maiduguri" && p.Incidents.Contains(attack));
        Assert.Contains(report.ByPlace, p => p.Place == "Kano");
    }

    [Fact]
    public void Changes_SinceAnEarlierDay_ListNewIncidentsAndRevisedFigures()
    {
        var report = Nigeria(since: new DateOnly(2024, 3, 9));

        Assert.Equal(2, report.Change.NewReports);
        Assert.Contains(report.Change.NewIncidents, i => i.Event.Place?.Name == "Kano");
        var revision = Assert.Single(report.Change.Revisions);
        Assert.Equal("fatalities", revision.Field);
        Assert.Equal(15, revision.Before);
        Assert.Equal(19, revision.After);
        Assert.Equal([19], revision.NewClaims.Select(c => c.Value));

        var latest = Nigeria(since: new DateOnly(2024, 3, 11));
        Assert.Equal(0, latest.Change.NewReports);
        Assert.Contains("No new reports", ReportText.ChangeLines(latest).Single().Text);
    }

    [Fact]
    public void EveryIncident_CitesEvidenceSentencesFromItsOwnReports()
    {
        var report = Nigeria();

        Assert.Equal(Enumerable.Range(1, report.EvidenceList.Count), report.EvidenceList.Select(e => e.Number));
        foreach (var incident in report.Incidents)
        {
            var cited = report.Citations(incident);
            Assert.NotEmpty(cited);
            Assert.All(cited, n => Assert.Contains(report.EvidenceList[n - 1].Member, incident.Members));
        }
        Assert.Contains(report.EvidenceList, e => e.Text.Contains("has risen to 19", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_IsSelfContained_AndEveryCitationHasItsTarget()
    {
        var report = Nigeria();
        var writer = new StringWriter();
        HtmlReportWriter.Write(writer, report, ReportMap.Svg(report, CountryOutlines.Default, p => "#place-" + HtmlReportWriter.Anchor(p)));
        var html = writer.ToString();

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.Empty(Regex.Matches(html, "(src|href)=\"https?:").Select(m => m.Value));
        var ids = Regex.Matches(html, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        var targets = Regex.Matches(html, "href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(targets);
        Assert.All(targets, t => Assert.Contains(t, ids));
        Assert.Contains("<mark>12</mark>", html);
    }

    [Fact]
    public void Markdown_HasEverySection_AndEscapesMarkup()
    {
        var report = Nigeria();
        var writer = new StringWriter();
        MarkdownReportWriter.Write(writer, report, "ng-map.svg");
        var md = writer.ToString();

        foreach (var heading in new[] { "# Situation report: Nigeria", "## Headline figures", "## Changes since the previous report", "## Map", "## Timeline", "## Incidents by place", "## Evidence" })
            Assert.Contains("\n" + heading, "\n" + md);
        Assert.Contains("![Map of the incidents in Nigeria](ng-map.svg)", md);
        Assert.Contains("### Friday 8 March 2024", md);
        Assert.Equal(@"a\*b\_c \[d\]", MarkdownReportWriter.Escape("a*b_c [d]"));
    }

    [Fact]
    public void Markdown_EscapesTheOutletNamesOfItsScopeLine()
    {
        using var dir = new TempDirectory();
        using var store = SqliteDocumentStore.Open(dir.File("r.db"));
        store.Store([Read(StudentsProtest, new DateOnly(2024, 3, 11), "<script>alert(1)</script>")]);
        var report = SituationReport.Build("NG", store.ListIncidents(new EventQuery(Country: "NG", Limit: int.MaxValue)));
        var writer = new StringWriter();
        MarkdownReportWriter.Write(writer, report, null);
        var md = writer.ToString();

        Assert.Contains(@"\<script\>", md);
        Assert.DoesNotMatch("(?<!\\\\)<script", md);
    }

    [Fact]
    public void Map_IsWellFormedSvg_WithOneCircleAPlace_AndTheCountryOutlined()
    {
        var report = Nigeria();
        var svg = XDocument.Parse(ReportMap.Svg(report, CountryOutlines.Default)!);
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.Equal(report.ByPlace.Count, svg.Descendants(ns + "circle").Count());
        Assert.Contains(svg.Descendants(ns + "path"), p => p.Element(ns + "title")?.Value == "Nigeria" && p.Attribute("fill")?.Value == "#fffdf5");
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "Maiduguri");
    }

    [Fact]
    public void NoIncidents_SaysSo()
    {
        var report = SituationReport.Build("NG", []);
        var writer = new StringWriter();
        MarkdownReportWriter.Write(writer, report, null);
        Assert.Contains("No incidents are stored", writer.ToString());
        Assert.Null(ReportMap.Svg(report, CountryOutlines.Default));
    }
}
