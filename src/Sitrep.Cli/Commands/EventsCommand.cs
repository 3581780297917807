using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Serialization;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep events</c> and <c>sitrep show</c>: the stored events, filtered, and one event with its evidence.</summary>
internal static class EventsCommand
{
    public static Command Create(CliContext context)
    {
        var database = CommonOptions.Database();
        var country = new Option<string?>("--country") { Description = "Only events in this country (ISO 3166-1 alpha-2, e.g. KZ)", HelpName = "CC" };
        var from = CommonOptions.From();
        var to = CommonOptions.To();
        var type = new Option<string?>("--type") { Description = "Only this ACLED event type, or type/sub-type (\"Protests\", \"Battles/Armed clash\")", HelpName = "TYPE" };
        var limit = CommonOptions.Limit(1000);
        var format = CommonOptions.Format("table", "table", "csv", "json", "geojson");
        var command = new Command("events", "Stored events, oldest first") { database, country, from, to, type, limit, format };
        command.SetAction(parse => CommonOptions.WithStore(context, parse, database, store =>
        {
            var events = store.ListEvents(new EventQuery(parse.GetValue(country), parse.GetValue(from), parse.GetValue(to), parse.GetValue(type), Limit: parse.GetValue(limit)));
            switch (parse.GetValue(format))
            {
                case "json":
                    ExtractJsonWriter.WriteEvents(context.OutputStream, events.Select(e => (e.Id, e.ReportDocument(), e.Event)));
                    context.OutputStream.Write("\n"u8);
                    break;
                case "csv":
                    WriteCsv(context, events);
                    break;
                case "geojson":
                    WriteGeoJson(context, events);
                    break;
                default:
                    WriteTable(context, events);
                    break;
            }
            return SitrepCli.Ok;
        }));
        return command;
    }

    public static Command Show(CliContext context)
    {
        var database = CommonOptions.Database();
        var id = new Argument<string>("EVENT_ID") { Description = "An event id, as `sitrep events` lists it" };
        var command = new Command("show", "One event: its coding, its source and the evidence highlighted in the report") { id, database };
        command.SetAction(parse => CommonOptions.WithStore(context, parse, database, store =>
        {
            var found = store.ListEvents(new EventQuery(Id: parse.GetValue(id), Limit: 1));
            if (found.Count == 0)
            {
                context.Error.WriteLine($"sitrep: no event {parse.GetValue(id)} in the store");
                return SitrepCli.Fatal;
            }
            var stored = found[0];
            var e = stored.Event;
            var grid = new Grid().AddColumn().AddColumn();
            void Row(string name, string? value) => grid.AddRow(new Markup($"[bold]{name}[/]"), new Markup(Markup.Escape(value ?? "—")));
            Row("event", $"{e.EventType} / {e.SubEventType}  (PLOVER {e.Plover})");
            Row("date", $"{e.Date:yyyy-MM-dd}  (time precision {e.TimePrecision})");
            Row("place", e.Place is { } p ? $"{p.Name}{(p.Admin1 is null ? "" : ", " + p.Admin1)}, {p.Country}  ({p.Latitude:0.###}, {p.Longitude:0.###}; geo precision {e.GeoPrecision})" : null);
            Row("actors", $"{e.Actor1 ?? "—"} ({e.Inter1}) vs {e.Actor2 ?? "—"} ({e.Inter2})");
            Row("fatalities", e.Fatalities is null ? null : $"{e.Fatalities}{(e.FatalitiesText is null ? "" : $"  (\"{e.FatalitiesText}\")")}");
            Row("injured", e.Injured is null ? null : $"{e.Injured}{(e.InjuredText is null ? "" : $"  (\"{e.InjuredText}\")")}");
            Row("source", e.Source ?? stored.DocumentSource);
            Row("confidence", e.Confidence.ToString("0.00", CultureInfo.InvariantCulture));
            Row("notes", e.Notes);
            Row("report", stored.DocumentId);
            context.Console.Write(new Panel(grid).Header(stored.Id));
            context.Console.WriteLine();
            context.Console.Write(new Panel(new Markup(Highlight(stored.DocumentText, e.Evidence))).Header("evidence in the report"));
            return SitrepCli.Ok;
        }));
        return command;
    }


    /// <summary>The report's paragraphs that hold evidence, with the evidence sentences in bold yellow.</summary>
    private static string Highlight(string text, IReadOnlyList<TextRange> evidence)
    {
        var sb = new StringBuilder();
        int at = 0;
        foreach (var r in evidence.OrderBy(r => r.Start))
        {
            int context = Math.Max(at, text.LastIndexOf("\n", Math.Max(0, r.Start - 1), StringComparison.Ordinal) + 1);
            if (context > at && at > 0) sb.Append("\n…\n");
            sb.Append(Markup.Escape(text[context..r.Start]));
            sb.Append("[bold yellow]").Append(Markup.Escape(text[r.Start..r.End])).Append("[/]");
            at = r.End;
        }
        int end = text.IndexOf('\n', at);
        sb.Append(Markup.Escape(text[at..(end < 0 ? text.Length : end)]));
        return sb.ToString();
    }

    private static void WriteTable(CliContext context, IReadOnlyList<StoredEvent> events)
    {
        var table = new Table().AddColumns("id", "date", "type", "place", "actor 1", "fatalities");
        foreach (var s in events)
        {
            var e = s.Event;
            table.AddRow(Markup.Escape(s.Id), $"{e.Date:yyyy-MM-dd}", Markup.Escape($"{e.EventType} / {e.SubEventType}"),
                Markup.Escape(e.Place is { } p ? $"{p.Name}, {p.Country}" : "—"), Markup.Escape(e.Actor1 ?? "—"), $"{e.Fatalities}");
        }
        context.Console.Write(table);
        context.Console.WriteLine($"{events.Count} events");
    }

    // ACLED's column names, in ACLED's order, for the columns Sitrep fills.
    private static readonly string[] CsvColumns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
        "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    ];

    private static void WriteCsv(CliContext context, IReadOnlyList<StoredEvent> events)
    {
        context.Out.WriteLine(string.Join(',', CsvColumns));
        foreach (var s in events)
        {
            var e = s.Event;
            var p = e.Place;
            string?[] values =
            [
                s.Id, e.Date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), e.Date?.Year.ToString(CultureInfo.InvariantCulture),
                e.TimePrecision.ToString(CultureInfo.InvariantCulture), e.EventType, e.SubEventType, e.Actor1, e.Inter1?.ToString(CultureInfo.InvariantCulture),
                e.Actor2, e.Inter2?.ToString(CultureInfo.InvariantCulture), p?.Country, p?.Admin1, p?.Name,
                p?.Latitude.ToString(CultureInfo.InvariantCulture), p?.Longitude.ToString(CultureInfo.InvariantCulture),
                e.GeoPrecision.ToString(CultureInfo.InvariantCulture), e.Source ?? s.DocumentSource, e.Notes, (e.Fatalities ?? 0).ToString(CultureInfo.InvariantCulture),
            ];
            context.Out.WriteLine(string.Join(',', values.Select(Csv)));
        }
    }

    private static string Csv(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    private static void WriteGeoJson(CliContext context, IReadOnlyList<StoredEvent> events)
    {
        using (var json = new Utf8JsonWriter(context.OutputStream, new JsonWriterOptions { Indented = true }))
            GeoJsonWriter.Write(json, events);
        context.OutputStream.Write("\n"u8);
    }
}
