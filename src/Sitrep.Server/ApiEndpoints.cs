using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Linking;
using Sitrep.Pipeline;
using Sitrep.Reading;
using Sitrep.SituationReports;
using Sitrep.Serialization;
using Sitrep.Storage;

namespace Sitrep.Server;

/// <summary>The JSON API. Every filter is validated here (a bad one is a 400 saying which) and passed to the store as a parameter.</summary>
public static class ApiEndpoints
{
    private const int SummaryLimit = 100_000;

    /// <summary>Maps every endpoint onto <paramref name="app"/>.</summary>
    public static void Map(WebApplication app)
    {
        app.MapGet("/healthz", (StoreFactory stores) =>
        {
            using var store = stores.Open();
            var stats = store.GetStats();
            return Results.Ok(new { status = "ok", documents = stats.Documents, schema = stats.SchemaVersion });
        }).WithSummary("Liveness: the store opens and answers");

        var api = app.MapGroup("/api");
        var reads = api.MapGroup("").AddEndpointFilter(ApiKeys.RequireForReads).CacheOutput(ReadCache.PolicyName);

        reads.MapGet("/events", (HttpRequest request, StoreFactory stores) =>
        {
            if (Filters.Parse(request.Query, out var problem) is not { } filter) return problem!;
            using var store = stores.Open();
            var query = filter.Query with { Limit = filter.PageSize, Offset = (filter.Page - 1) * filter.PageSize, IncidentsOnly = true };
            var total = store.CountEvents(query);
            var incidents = store.ListIncidents(query);
            return Json(json =>
            {
                json.WriteStartObject();
                json.WriteNumber("total", total);
                json.WriteNumber("page", filter.Page);
                json.WriteNumber("page_size", filter.PageSize);
                json.WriteStartArray("events");
                foreach (var incident in incidents) ExtractJsonWriter.WriteIncident(json, incident);
                json.WriteEndArray();
                json.WriteEndObject();
            });
        }).WithSummary("Stored incidents, oldest first, filtered and paged: country, from, to, type, bbox (west,south,east,north), q (words in the report), page, page_size. Each is one event however many reports tell of it, with every report (documents) and each source's figures (claims)");

        reads.MapGet("/events.geojson", (HttpRequest request, StoreFactory stores) =>
        {
            if (Filters.Parse(request.Query, out var problem, paged: false) is not { } filter) return problem!;
            using var store = stores.Open();
            // Each incident by its head, with the incident's figures.
            var events = store.ListIncidentsWithin(filter.Query with { Limit = SummaryLimit }).Select(i => i.AsEvent).ToList();
            return Json(json => GeoJsonWriter.Write(json, events), "application/geo+json");
        }).WithSummary("The filtered incidents (each by its head, the event coded most precisely) as a GeoJSON FeatureCollection");

        reads.MapGet("/events/{id}", (string id, StoreFactory stores) =>
        {
            if (id.Length > 200) return BadRequest("id", "is too long");
            using var store = stores.Open();
            var found = store.ListEvents(new EventQuery(Id: id, Limit: 1));
            if (found.Count == 0) return NotFound($"no event '{id}'");
            var e = found[0];
            return Json(json =>
            {
                json.WriteStartObject();
                json.WritePropertyName("event");
                ExtractJsonWriter.WriteEvent(json, e.Id, e.ReportDocument(), e.Event);
                json.WriteStartArray("sources");
                json.WriteStartObject();
                json.WriteString("document", e.DocumentId);
                json.WriteString("outlet", e.DocumentSource);
                json.WriteString("credited", e.Event.Source);
                json.WriteEndObject();
                json.WriteEndArray();
                json.WritePropertyName("incident");
                ExtractJsonWriter.WriteIncident(json, store.IncidentOf(e));
                json.WriteStartArray("evidence");
                foreach (var r in e.Event.Evidence)
                {
                    json.WriteStartObject();
                    json.WriteNumber("start", r.Start);
                    json.WriteNumber("end", r.End);
                    json.WriteString("text", e.DocumentText[r.Start..r.End]);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            });
        }).WithSummary("One event with its source and evidence sentences, and the incident it belongs to: every report, each source's figures (claims) and how the figure used was chosen");

        reads.MapGet("/documents/{id}", (string id, StoreFactory stores) =>
        {
            if (id.Length > 200) return BadRequest("id", "is too long");
            using var store = stores.Open();
            if (store.GetDocument(id) is not { } stored) return NotFound($"no report '{id}'");
            var events = store.ListEvents(new EventQuery(DocumentId: id));
            // Shown as it was read when stored, so that its layers agree with its stored events whatever models this server runs.
            var reading = store.GetReading(id);
            return Json(json =>
            {
                json.WriteStartObject();
                json.WritePropertyName("document");
                if (reading is null) json.WriteNullValue();
                else ExtractJsonWriter.WriteDocument(json, reading);
                json.WriteString("text", stored.Text);
                json.WriteStartArray("stored_events");
                foreach (var e in events) json.WriteStringValue(e.Id);
                json.WriteEndArray();
                json.WriteStartArray("diagnostics");
                var diagnostics = reading?.Diagnostics ?? [new Diagnostic(new SourceLocation(id), DiagnosticCodes.ReadingNotStored,
                    "this report was stored without a reading this sitrep can decode (by an older one); `sitrep db relink` reads it again")];
                foreach (var diagnostic in diagnostics) ExtractJsonWriter.WriteDiagnostic(json, diagnostic);
                json.WriteEndArray();
                json.WriteEndObject();
            });
        }).WithSummary("One report: its text, every annotation layer (entities, places, quantities, times, attributions, events) as read when it was stored, and what the engine noted of it (no-events; reading-not-stored for reports stored by an older sitrep)");

        reads.MapGet("/report", (HttpRequest request, StoreFactory stores) =>
        {
            if (Filters.Parse(request.Query, out var problem, paged: false) is not { } filter) return problem!;
            using var store = stores.Open();
            var incidents = store.ListIncidentsWithin(filter.Query with { Limit = SummaryLimit });
            return Results.Ok(SituationSummary.Of(incidents, filter.Query.Country, filter.Query.From, filter.Query.To));
        }).WithSummary("Situation summary: totals, fatalities and events by type, day and place");

        reads.MapGet("/search", (string? q, int? limit, StoreFactory stores) =>
        {
            if (string.IsNullOrWhiteSpace(q)) return BadRequest("q", "is required");
            if (q.Length > 500) return BadRequest("q", "is longer than 500 characters");
            if (limit is < 1 or > 200) return BadRequest("limit", "must be between 1 and 200");
            using var store = stores.Open();
            var hits = store.Search(q, limit ?? 20);
            return Results.Ok(hits.Select(h => new
            {
                h.Id, date = h.Date, h.Source, h.Title, h.Score,
                snippet = h.Snippet.Replace(SearchHit.MatchStart.ToString(), "").Replace(SearchHit.MatchEnd.ToString(), ""),
                matches = Matches(h.Snippet),
            }));
        }).WithSummary("Full-text search over the stored reports (FTS5 syntax; a malformed query is read as plain words)");

        api.MapPost("/reports", PostReports)
            .AddEndpointFilter(ApiKeys.Require)
            .RequireRateLimiting(SitrepServer.WritePolicy)
            .WithSummary("Ingest reports {text, published, source, title, url, id}: JSON Lines (application/x-ndjson or application/jsonl) or one object or an array of them (application/json); other types get 415; needs an API key");
    }

    // JSON Lines goes by several names; application/json is one report or an array of them.
    private static readonly string[] JsonLinesMediaTypes = ["application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-lines"];

    // Reports processed and stored together: a large batch is written in pieces, so one request never holds all its documents.
    private const int StoreBatch = 256;

    private static async Task<IResult> PostReports(HttpRequest request, StoreFactory stores, ServerSettings settings, CancellationToken cancel)
    {
        var mediaType = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.ToString().ToLowerInvariant() : "";
        bool jsonLines = JsonLinesMediaTypes.Contains(mediaType);
        if (!jsonLines && mediaType != "application/json")
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "send JSON Lines as application/x-ndjson (or application/jsonl), or one report or an array of them as application/json");
        // Kestrel enforces the limit too; checking here keeps it under any host and says what the limit is.
        var tooLarge = Results.Problem(detail: $"the body is over the limit of {settings.MaxBodyBytes:N0} bytes", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");
        if (request.ContentLength > settings.MaxBodyBytes) return tooLarge;
        var body = new MemoryStream();
        var buffer = new byte[81920];
        for (int read; (read = await request.Body.ReadAsync(buffer, cancel)) > 0;)
        {
            if (body.Length + read > settings.MaxBodyBytes) return tooLarge;
            body.Write(buffer, 0, read);
        }
        body.Position = 0;
        if (body.Length == 0) return BadRequest("body", "is empty: send one JSON report or JSON Lines");
        IEnumerable<ReadItem> items;
        if (jsonLines) items = JsonLinesReader.Read(body, "request", ReaderOptions.Default);
        else if (!TryReadJson(body, out items, out var problem)) return BadRequest("body", problem);

        var pipeline = StandardStages.Default;
        var batch = new List<Document>(StoreBatch);
        var results = new List<object>();
        int received = 0, stored = 0, added = 0, known = 0;
        foreach (var item in items)
        {
            received++;
            int line = item.Error?.Location.Line ?? item.Report!.Origin.Line ?? 0;
            if (item.Error is { } error)
            {
                results.Add(new { line, error = error.Reason, code = error.Code });
                continue;
            }
            var document = item.Report!.ToDocument();
            try
            {
                pipeline.Process(document);
                batch.Add(document);
                results.Add(new { line, id = document.Id });
            }
            catch (StageException e)
            {
                results.Add(new { line, error = $"stage {e.Stage} failed on this report", code = "stage-failed" });
            }
            if (batch.Count == StoreBatch) await Flush();
        }
        await Flush();
        if (added > 0) await stores.WriteAsync(store => store.SettleIncidents(), cancel);
        var status = stored == 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return Results.Json(new { received, added, already_known = known, failed = received - stored, results }, statusCode: status);

        async Task Flush()
        {
            if (batch.Count == 0) return;
            var outcome = await stores.WriteAsync(store => store.Store(batch), cancel);
            (stored, added, known) = (stored + batch.Count, added + outcome.Added, known + outcome.AlreadyKnown);
            batch = new List<Document>(StoreBatch);
        }
    }

    /// <summary>An application/json body: one report object, or an array of them (each item's position is its line).</summary>
    private static bool TryReadJson(MemoryStream body, out IEnumerable<ReadItem> items, out string problem)
    {
        items = [];
        problem = "";
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length));
        }
        catch (JsonException e)
        {
            problem = $"is not valid JSON: {e.Message}";
            return false;
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                problem = "must be a JSON object (one report) or an array of them";
                return false;
            }
            var list = new List<ReadItem>();
            int position = 0;
            foreach (var element in root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : Enumerable.Repeat(root, 1))
            {
                var at = new SourceLocation("request", ++position);
                list.Add(element.ValueKind != JsonValueKind.Object
                    ? ReadItem.Failed(at, DiagnosticCodes.MalformedJson, "expected a JSON object")
                    : JsonLinesReader.ParseLine(System.Text.Encoding.UTF8.GetBytes(element.GetRawText()), at, ReaderOptions.Default)!.Value);
            }
            items = list;
            return true;
        }
    }

    private static List<string> Matches(string snippet)
    {
        var matches = new List<string>();
        for (int at = snippet.IndexOf(SearchHit.MatchStart); at >= 0; at = snippet.IndexOf(SearchHit.MatchStart, at + 1))
        {
            int end = snippet.IndexOf(SearchHit.MatchEnd, at);
            if (end < 0) break;
            matches.Add(snippet[(at + 1)..end]);
        }
        return matches;
    }


    /// <summary>
    /// A JSON response written with a <see cref="Utf8JsonWriter"/> (the contract's own writers), with an ETag
    /// of its bytes: a client that sends it back in If-None-Match gets 304 Not Modified.
    /// </summary>
    private static IResult Json(Action<Utf8JsonWriter> write, string contentType = "application/json")
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer)) write(json);
        var bytes = buffer.ToArray();
        // Weak: the same JSON compressed or not is the same answer (RFC 9110 8.8.1).
        var tag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{System.IO.Hashing.XxHash64.HashToUInt64(bytes):x16}\"", isWeak: true);
        return Results.Bytes(bytes, contentType, entityTag: tag);
    }

    internal static IResult BadRequest(string parameter, string problem) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [$"'{parameter}' {problem}"] }, title: "The request is not valid");

    private static IResult NotFound(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
