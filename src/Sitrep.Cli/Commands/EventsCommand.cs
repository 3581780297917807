using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Linking;
using Sitrep.Pipeline;
using Sitrep.Serialization;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep events</c> and <c>sitrep show</c>: the stored events, filtered, and one event with its evidence.</summary>
internal static class EventsCommand
{
    public static Command Create(CliContext context)
    {
        var database = new CommonOptions.StoreOptions();
        var country = new Option<string?>("--country") { Description = "Only events in this country (ISO 3166-1 alpha-2, e.g. KZ)", HelpName = "CC" };
        var from = CommonOptions.From();
        var to = CommonOptions.To();
        var type = new Option<string?>("--type") { Description = "Only this ACLED event type, or type/sub-type (\"Protests\", \"Battles/Armed clash\")", HelpName = "TYPE" };
        var limit = CommonOptions.Limit(1000);
        var format = CommonOptions.Format("table", "table", "csv", "json", "jsonl", "geojson", "parquet");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output", HelpName = "FILE" };
        var command = new Command("events", "Stored events, oldest first: one per incident, however many reports tell of it") { country, from, to, type, limit, format, output };
        database.AddTo(command);
        command.SetAction(parse => CommonOptions.WithStore(context, parse, database, store =>
        {
            var incidents = store.ListIncidents(new EventQuery(parse.GetValue(country), parse.GetValue(from), parse.GetValue(to), parse.GetValue(type), Limit: parse.GetValue(limit)));
            if (parse.GetValue(output) is { } path)
            {
                using var file = File.Create(path);
                Write(new CliContext(file, context.Error, context.StandardInput, context.ErrorIsTerminal), parse.GetValue(format)!, incidents);
                context.Error.WriteLine($"sitrep: wrote {incidents.Count} incidents to {path}");
            }
            else Write(context, parse.GetValue(format)!, incidents);
            return SitrepCli.Ok;
        }));
        return command;
    }

    private static void Write(CliContext context, string format, IReadOnlyList<Incident> incidents)
    {
        // Writers of single events get each incident's representative with the incident's figures.
        var events = incidents.Select(i => i.AsEvent).ToList();
        switch (format)
        {
            case "json":
            case "jsonl":
                bool lines = format == "jsonl";
                using (var json = new Utf8JsonWriter(context.OutputStream, new JsonWriterOptions { Indented = !lines }))
                {
                    if (!lines) json.WriteStartArray();
                    foreach (var incident in incidents)
                    {
                        ExtractJsonWriter.WriteIncident(json, incident);
                        if (lines)
                        {
                            json.Flush();
                            context.OutputStream.Write("\n"u8);
                            json.Reset();
                        }
                    }
                    if (!lines) json.WriteEndArray();
                }
                if (!lines) context.OutputStream.Write("\n"u8);
                break;
            case "csv":
                AcledExport.WriteCsv(context.Out, incidents);
                context.Out.Flush();
                break;
            case "parquet":
                // Parquet's footer is written last: the file is built in memory, then copied out (stdout may not seek).
                var buffer = new MemoryStream();
                AcledExport.WriteParquet(buffer, incidents);
                buffer.Position = 0;
                buffer.CopyTo(context.OutputStream);
                break;
            case "geojson":
                WriteGeoJson(context, events);
                break;
            default:
                WriteTable(context, events);
                break;
        }
        context.Out.Flush();
    }

    public static Command Show(CliContext context)
    {
        var database = new CommonOptions.StoreOptions();
        var id = new Argument<string>("EVENT_ID") { Description = "An event id, as `sitrep events` lists it" };
        var command = new Command("show", "One event: its coding, its source and the evidence highlighted in the report") { id };
        database.AddTo(command);
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
            Row("date", $"{e.Date:yyyy-MM-dd}  (time precision {(int)e.TimePrecision})");
            Row("place", e.Place is { } p ? $"{p.Name}{(p.Admin1 is null ? "" : ", " + p.Admin1)}, {p.Country}  ({p.Latitude:0.###}, {p.Longitude:0.###}; geo precision {(int)e.GeoPrecision})" : null);
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
            if (e.Place is { } place) WritePlaceReason(context, store, stored, place);
            WriteIncident(context, store, store.IncidentOf(stored), stored.Id);
            foreach (var duplicate in store.ListDuplicates(stored.DocumentId))
                context.Console.WriteLine($"report {stored.DocumentId} is a near-duplicate of {duplicate.DocumentId} (similarity {duplicate.Similarity:0.00})");
            return SitrepCli.Ok;
        }));
        return command;
    }

    // Why the geoparser put the event's place mention where it did, as this build reads the report.
    private static void WritePlaceReason(CliContext context, IDocumentStore store, StoredEvent stored, PlaceMention place)
    {
        var resources = SitrepResources.Shipped;
        var document = new Document(stored.DocumentText, stored.DocumentDate, new SourceLocation(stored.DocumentId))
            { SourceCountry = store.GetDocument(stored.DocumentId)?.SourceCountry };
        var why = PlaceReasons.Explain(resources, document).Find(x => x.Range == place.Range);
        var lines = why is null
            ? [$"this build does not read \"{stored.DocumentText[place.Range.Start..place.Range.End]}\" as a place any more (the models changed since the report was stored)"]
            : why.Describe(resources.Gazetteer).ToList();
        context.Console.WriteLine();
        context.Console.Write(new Panel(new Markup(Markup.Escape(string.Join('\n', lines))))
            .Header($"why \"{Markup.Escape(stored.DocumentText[place.Range.Start..place.Range.End])}\" is {Markup.Escape(place.Name)}"));
    }

    // The incident the event belongs to: every report's event, each source's figures, and why each link was made.
    private static void WriteIncident(CliContext context, IDocumentStore store, Incident incident, string shown)
    {
        if (incident.Members.Count == 1) return;
        context.Console.WriteLine();
        context.Console.MarkupLine($"[bold]incident {Markup.Escape(incident.Id)}[/]: {incident.Members.Count} events from {incident.Documents.Count} reports");
        var members = new Table().AddColumns("event", "report date", "source", "type", "fatalities", "injured");
        foreach (var m in incident.Members)
            members.AddRow(Markup.Escape(m.Id + (m.Id == shown ? " (this)" : "")), $"{m.DocumentDate:yyyy-MM-dd}", Markup.Escape(m.Event.Source ?? m.DocumentSource ?? "—"),
                Markup.Escape($"{m.Event.EventType} / {m.Event.SubEventType}"), Markup.Escape(Figure(m.Event.Fatalities, m.Event.FatalitiesText)), Markup.Escape(Figure(m.Event.Injured, m.Event.InjuredText)));
        context.Console.Write(members);
        foreach (var field in new[] { "fatalities", "injured" })
            if (incident.Basis(field) is { } basis) context.Console.WriteLine($"{field}: {incident.Conservative(field)!.Value} ({basis})");
        foreach (var link in store.ListLinks(incident.Id))
            context.Console.WriteLine($"linked {link.A} and {link.B}: {link.Reason}");
        context.Console.WriteLine($"(`sitrep unlink EVENT_ID` takes an event out of this incident)");
    }

    private static string Figure(int? value, string? text) => value is null ? "—" : text is null ? $"{value}" : $"{value} (\"{text}\")";

    public static Command Unlink(CliContext context)
    {
        var database = new CommonOptions.StoreOptions();
        var id = new Argument<string>("EVENT_ID") { Description = "The event to take out of its incident, as `sitrep show` lists it" };
        var command = new Command("unlink", "Take an event out of the incident it was linked into; it stays out when more reports arrive") { id };
        database.AddTo(command);
        command.SetAction(parse => CommonOptions.WithStore(context, parse, database, store =>
        {
            if (store.UnlinkEvent(parse.GetValue(id)!) is not { } outcome)
            {
                context.Error.WriteLine($"sitrep: no event {parse.GetValue(id)} in the store");
                return SitrepCli.Fatal;
            }
            context.Out.WriteLine($"{outcome.EventId} is now alone; incident {outcome.FormerIncident} is now {(outcome.RemainingIncidents.Count == 0 ? "gone" : string.Join(", ", outcome.RemainingIncidents))}");
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

    private static void WriteGeoJson(CliContext context, IReadOnlyList<StoredEvent> events)
    {
        using (var json = new Utf8JsonWriter(context.OutputStream, new JsonWriterOptions { Indented = true }))
            GeoJsonWriter.Write(json, events);
        context.OutputStream.Write("\n"u8);
    }
}
