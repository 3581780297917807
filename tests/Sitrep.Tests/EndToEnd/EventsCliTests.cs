using System.Text.Json;
using Sitrep.Cli;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.EndToEnd;

/// <summary>Ingest stores events with their evidence; `sitrep events` and `sitrep show` read them back.</summary>
public class EventsCliTests
{
    private static async Task<JsonElement[]> EventsJson(string db, params string[] filters)
    {
        var run = await CliRun.RunAsync(["events", "--db", db, "--format", "json", .. filters]);
        Assert.Equal(SitrepCli.Ok, run.ExitCode);
        return JsonDocument.Parse(run.Out).RootElement.EnumerateArray().ToArray();
    }

    [Fact]
    public async Task Ingest_StoresEventsOnce_AndEventsFiltersThem()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        Assert.Equal(SitrepCli.Ok, (await CliRun.RunAsync("ingest", TestPaths.SeedReport, "--db", db)).ExitCode);
        var all = await EventsJson(db);
        Assert.NotEmpty(all);
        Assert.All(all, e => Assert.Equal("KZ", e.GetProperty("place").GetProperty("country").GetString()));

        // Re-running the ingest stores nothing twice.
        Assert.Equal(SitrepCli.Ok, (await CliRun.RunAsync("ingest", TestPaths.SeedReport, "--db", db)).ExitCode);
        Assert.Equal(all.Length, (await EventsJson(db)).Length);

        var protests = await EventsJson(db, "--type", "Protests", "--from", "2022-01-01", "--to", "2022-01-03");
        var began = Assert.Single(protests);
        Assert.Equal("2022-01-02", began.GetProperty("date").GetString());
        Assert.Contains("began on January 2", began.GetProperty("evidence")[0].GetProperty("text").GetString());
        Assert.Empty(await EventsJson(db, "--country", "RU"));
    }

    [Fact]
    public async Task Events_FromSeveralOutlets_AreOneIncidentWithEachSourcesFigure()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        await CliRun.RunAsync("ingest", TestPaths.Samples, "--db", db);
        var run = await CliRun.RunAsync("events", "--db", db, "--country", "SO", "--format", "json");
        var incidents = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().ToList();

        // The Mogadishu bombings, told by three reports in the samples' feed with different tolls.
        var bombing = incidents.Single(i => i.GetProperty("documents").GetArrayLength() >= 3);
        var tolls = bombing.GetProperty("claims").EnumerateArray().Where(c => c.GetProperty("field").GetString() == "fatalities").ToList();
        Assert.True(tolls.Select(c => c.GetProperty("value").GetInt32()).Distinct().Count() >= 2, "the outlets disagree on the toll");
        // The lowest of the figures no later report exceeded.
        var current = tolls.Where(c => !tolls.Any(l => string.CompareOrdinal(l.GetProperty("date").GetString(), c.GetProperty("date").GetString()) > 0
            && l.GetProperty("value").GetInt32() > c.GetProperty("value").GetInt32()));
        Assert.Equal(current.Min(c => c.GetProperty("value").GetInt32()), bombing.GetProperty("fatalities").GetInt32());
        Assert.StartsWith("lowest current of", bombing.GetProperty("fatalities_basis").GetString());
        Assert.All(tolls, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("source").GetString())));

        var show = await CliRun.RunAsync("show", bombing.GetProperty("id").GetString()!, "--db", db);
        Assert.Contains("linked ", show.Out);
        Assert.Contains("km apart", show.Out);
    }

    [Fact]
    public async Task Events_CsvAndGeoJson_CarryAcledColumnsAndPoints()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        await CliRun.RunAsync("ingest", TestPaths.SeedReport, "--db", db);
        var csv = (await CliRun.RunAsync("events", "--db", db, "--format", "csv")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1", csv[0]);
        Assert.EndsWith("latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp", csv[0]);
        Assert.Contains(csv, line => line.Contains(",Almaty,", StringComparison.Ordinal) && line.Contains("Riots", StringComparison.Ordinal));
        var geo = JsonDocument.Parse((await CliRun.RunAsync("events", "--db", db, "--format", "geojson")).Out).RootElement;
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        var point = geo.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates");
        Assert.InRange(point[0].GetDouble(), 46, 88);   // longitude first, inside Kazakhstan
        Assert.InRange(point[1].GetDouble(), 40, 56);
    }

    [Fact]
    public async Task Show_PrintsTheCodingAndTheEvidence_AndAnUnknownIdIsAnError()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        await CliRun.RunAsync("ingest", TestPaths.SeedReport, "--db", db);
        var toll = (await EventsJson(db)).First(e => e.GetProperty("fatalities").GetInt32() == 13);
        var run = await CliRun.RunAsync("show", toll.GetProperty("id").GetString()!, "--db", db);
        Assert.Equal(SitrepCli.Ok, run.ExitCode);
        Assert.Contains("death toll", run.Out);
        Assert.Contains("13", run.Out);
        // Why its place is where it is: the entry the geoparser chose and what counted for it.
        var place = toll.GetProperty("place").GetProperty("name").GetString()!;
        Assert.Contains($"is {place}", run.Out);
        Assert.Contains("score", run.Out);
        Assert.Contains("log_people", run.Out);
        var missing = await CliRun.RunAsync("show", "no-such-event", "--db", db);
        Assert.Equal(SitrepCli.Fatal, missing.ExitCode);
        Assert.Contains("no event no-such-event", missing.Error);
    }

    [Fact]
    public async Task Report_WritesMarkdownWithItsMap_AndHtmlToStandardOutput()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        await CliRun.RunAsync("ingest", TestPaths.Samples, "--db", db);

        var md = await CliRun.RunAsync("report", "--country", "so", "--db", db, "--out", dir.File("somalia.md"));
        Assert.Equal(SitrepCli.Ok, md.ExitCode);
        Assert.Contains("wrote a report on Somalia", md.Error);
        var text = File.ReadAllText(dir.File("somalia.md"));
        Assert.Contains("# Situation report: Somalia", text);
        Assert.Contains("](somalia-map.svg)", text);
        Assert.StartsWith("<svg", File.ReadAllText(dir.File("somalia-map.svg")));

        var html = await CliRun.RunAsync("report", "--country", "SO", "--db", db, "--format", "html", "--from", "2022-10-29", "--to", "2022-10-29");
        Assert.Equal(SitrepCli.Ok, html.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", html.Out);
        Assert.Contains("Mogadishu", html.Out);
        Assert.Contains("Events of 29 Oct 2022", html.Out);

        var bad = await CliRun.RunAsync("report", "--country", "Somalia", "--db", db);
        Assert.NotEqual(SitrepCli.Ok, bad.ExitCode);
        Assert.Contains("ISO 3166-1 alpha-2", bad.Error);
    }

    [Fact]
    public async Task Events_AsCsv_KeepAFormulaInAReportsFieldAsText()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        var feed = dir.Write("feed.jsonl", System.Text.Json.JsonSerializer.Serialize(new
        {
            published = "2024-03-04", source = "=HYPERLINK(\"http://example.org\",\"open\")",
            text = "Police fired tear gas at protesters in Nairobi on Monday, killing two of them.",
        }) + "\n");
        await CliRun.RunAsync("ingest", feed, "--db", db);

        var csv = (await CliRun.RunAsync("events", "--db", db, "--format", "csv")).Out;

        Assert.Contains("'=HYPERLINK(", csv);
        Assert.DoesNotContain(",=HYPERLINK(", csv);
        Assert.DoesNotContain(",\"=HYPERLINK(", csv);
        Assert.Contains(",-1.2", csv); // Nairobi's latitude stays a number
    }

    [Fact]
    public async Task Events_AsParquet_HaveAcledsColumnsAndTheCsvsRows()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        await CliRun.RunAsync("ingest", TestPaths.Samples, "--db", db);
        var csv = (await CliRun.RunAsync("events", "--db", db, "--format", "csv")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var run = await CliRun.RunAsync("events", "--db", db, "--format", "parquet", "--out", dir.File("events.parquet"));

        Assert.Equal(SitrepCli.Ok, run.ExitCode);
        Assert.Contains($"wrote {csv.Length - 1} incidents", run.Error);
        await using var file = File.OpenRead(dir.File("events.parquet"));
        var read = await Parquet.Serialization.ParquetSerializer.DeserializeAsync<Sitrep.Serialization.AcledExportRow>(file);
        Assert.Equal(Sitrep.Serialization.AcledExportRow.Columns, read.Schema.GetDataFields().Select(f => f.Name));
        Assert.Equal(csv.Length - 1, read.Data.Count);
        Assert.Equal(csv.Skip(1).Select(line => line.Split(',')[0]), read.Data.Select(r => r.EventId));
        Assert.Contains(read.Data, r => r.Location == "Mogadishu" && r.Fatalities > 0 && r.Latitude is > 1 and < 3);
    }
}
