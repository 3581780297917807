using Sitrep.Storage.Sqlite;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Server;

/// <summary>The HTTP API over a store holding two reports, through the real server pipeline (WebApplicationFactory).</summary>
public sealed class ApiTests : IClassFixture<ApiTests.Host>
{
    public sealed class Host : WebApplicationFactory<Sitrep.Server.ServerSettings>
    {
        private readonly TempDirectory _directory = new();
        public string Database => _directory.File("api.db");
        public string Secret { get; }

        public Host()
        {
            using var store = SqliteDocumentStore.Open(Database);
            store.Store([Read(NairobiReport, new DateOnly(2024, 3, 5)), Read(MarketReport, new DateOnly(2024, 3, 8)), Read(QuietReport, new DateOnly(2024, 3, 9))]);
            Secret = store.CreateApiKey("tests").Secret;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Sitrep:Database", Database);
            builder.UseSetting("Sitrep:MaxBodyBytes", "20000");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing) _directory.Dispose();
        }
    }

    // Reports written for these tests.
    private const string NairobiReport =
        "Police in Nairobi fired tear gas at about 300 protesters demanding lower fuel prices on Tuesday, the Daily Ledger reported. " +
        "Two protesters were killed when police opened fire on the crowd, a hospital official said.";
    private const string MarketReport =
        "Gunmen attacked a market in Maiduguri on Friday, killing 12 civilians, residents said. The army said troops were pursuing the attackers.";

    private const string QuietReport =
        "The city council of Mombasa approved a budget for new parks and a library on Monday, the mayor's office said.";

    private readonly Host _host;
    private readonly HttpClient _client;

    public ApiTests(Host host)
    {
        _host = host;
        _client = host.CreateClient();
    }

    private static Document Read(string text, DateOnly date)
    {
        var document = new Document(text, date, new SourceLocation("test")) { Source = "Test Wire" };
        StandardStages.Default.Process(document);
        return document;
    }

    private async Task<JsonElement> GetJson(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static string? CountryOf(JsonElement e) => e.GetProperty("place").GetProperty("country").GetString();

    [Fact]
    public async Task Healthz_SaysTheStoreAnswers()
    {
        var health = await GetJson("/healthz");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("documents").GetInt32() >= 2);
    }

    [Fact]
    public async Task Events_ListsFiltersAndPages()
    {
        var page = await GetJson("/api/events");
        var events = page.GetProperty("events");
        Assert.True(page.GetProperty("total").GetInt32() >= 2);
        Assert.Contains(events.EnumerateArray(), e => CountryOf(e) == "KE");
        var kenya = await GetJson("/api/events?country=ke");
        Assert.NotEmpty(kenya.GetProperty("events").EnumerateArray());
        Assert.All(kenya.GetProperty("events").EnumerateArray(), e => Assert.Equal("KE", CountryOf(e)));
        var second = await GetJson("/api/events?page_size=1&page=2");
        Assert.Equal(events[1].GetProperty("id").GetString(), second.GetProperty("events")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Events_FilterByBoxAndWords()
    {
        var nigeria = (await GetJson("/api/events?bbox=2.5,4,15,14")).GetProperty("events");
        Assert.NotEmpty(nigeria.EnumerateArray());
        Assert.All(nigeria.EnumerateArray(), e => Assert.Equal("NG", CountryOf(e)));
        var words = (await GetJson("/api/events?q=tear%20gas")).GetProperty("events");
        Assert.NotEmpty(words.EnumerateArray());
        Assert.All(words.EnumerateArray(), e => Assert.Equal("KE", CountryOf(e)));
        Assert.Equal(0, (await GetJson("/api/events?q=volcano")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Event_HasSourcesItsIncidentsClaimsAndEvidenceFromTheReport()
    {
        var events = (await GetJson("/api/events")).GetProperty("events");
        var id = events.EnumerateArray().First(e => e.TryGetProperty("fatalities", out var f) && f.ValueKind == JsonValueKind.Number && f.GetInt32() > 0).GetProperty("id").GetString()!;
        var detail = await GetJson($"/api/events/{id}");
        Assert.Equal("Test Wire", detail.GetProperty("sources")[0].GetProperty("outlet").GetString());
        var incident = detail.GetProperty("incident");
        Assert.Contains(id[..id.LastIndexOf('-')], incident.GetProperty("documents").EnumerateArray().Select(d => d.GetString()));
        var claim = Assert.Single(incident.GetProperty("claims").EnumerateArray(), c => c.GetProperty("field").GetString() == "fatalities");
        Assert.False(string.IsNullOrEmpty(claim.GetProperty("text").GetString()), "a claim is a figure the report gave, with its words");
        Assert.Equal(claim.GetProperty("value").GetInt32(), incident.GetProperty("fatalities").GetInt32());
        var evidence = detail.GetProperty("evidence")[0];
        var text = evidence.GetProperty("text").GetString()!;
        var report = NairobiReport.Contains(text) ? NairobiReport : MarketReport;
        Assert.Equal(report[evidence.GetProperty("start").GetInt32()..evidence.GetProperty("end").GetInt32()], text);
    }

    [Fact]
    public async Task Document_HasTextAndAnnotations()
    {
        var documentId = (await GetJson("/api/events")).GetProperty("events")[0].GetProperty("documents")[0].GetString();
        var report = await GetJson($"/api/documents/{documentId}");
        Assert.Contains(report.GetProperty("text").GetString(), new[] { NairobiReport, MarketReport });
        Assert.NotEmpty(report.GetProperty("document").GetProperty("entities").EnumerateArray());
        Assert.NotEmpty(report.GetProperty("stored_events").EnumerateArray());
    }

    [Fact]
    public async Task Document_ThatTellsOfNoEvent_SaysSoAsTheEngineDoes()
    {
        var id = DocumentId.Compute(QuietReport);
        var quiet = await GetJson($"/api/documents/{id}");
        Assert.Empty(quiet.GetProperty("stored_events").EnumerateArray());
        Assert.Equal(DiagnosticCodes.NoEvents, Assert.Single(quiet.GetProperty("diagnostics").EnumerateArray()).GetProperty("code").GetString());
        var documentId = (await GetJson("/api/events")).GetProperty("events")[0].GetProperty("documents")[0].GetString();
        Assert.Empty((await GetJson($"/api/documents/{documentId}")).GetProperty("diagnostics").EnumerateArray());
    }

    [Fact]
    public async Task Document_IsShownAsReadWhenStored_NotReadAgainByTheServer()
    {
        // What a reading kept at ingest holds and a fresh reading of the same text would not: a note of its own.
        var document = Read("The harbour board of Lamu met on Thursday to discuss dredging, a spokesman said.", new DateOnly(2024, 3, 10));
        document.AddDiagnostic("noted-at-ingest", "made by this test when the report was stored");
        using (var store = SqliteDocumentStore.Open(_host.Database)) store.Store([document]);

        var shown = await GetJson($"/api/documents/{document.Id}");
        Assert.Equal("noted-at-ingest", Assert.Single(shown.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "noted-at-ingest").GetProperty("code").GetString());
        var entities = shown.GetProperty("document").GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("text").GetString()).ToArray();
        Assert.Equal(document.Entities.Select(e => document.Text[e.Range.Start..e.Range.End]), entities);

        // A report stored by an older sitrep has no reading: the server says so instead of reading it again with its own models.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_host.Database}"))
        {
            connection.Open();
            using var forget = connection.CreateCommand();
            forget.CommandText = "UPDATE documents SET reading = NULL WHERE id = $id";
            forget.Parameters.AddWithValue("$id", document.Id);
            Assert.Equal(1, forget.ExecuteNonQuery());
        }
        var older = await GetJson($"/api/documents/{document.Id}");
        Assert.Equal(JsonValueKind.Null, older.GetProperty("document").ValueKind);
        Assert.Equal(DiagnosticCodes.ReadingNotStored, Assert.Single(older.GetProperty("diagnostics").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(document.Text, older.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Events_CarryAnETag_AndAClientThatHasItGetsNotModified()
    {
        var first = await _client.GetAsync("/api/events?country=KE");
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/events?country=KE");
        again.Headers.IfNoneMatch.Add(tag!);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again)).StatusCode);
        Assert.NotEqual(tag, (await _client.GetAsync("/api/events?country=NG")).Headers.ETag); // another answer, another tag
    }

    [Fact]
    public async Task AnsweredFromMemory_UntilTheStoreChanges_EvenWhenAnotherProcessWritesIt()
    {
        const string url = "/api/events?q=Garissa";
        await _client.GetAsync("/healthz"); // the first request opens (and migrates) the store, which moves its files
        Assert.Equal(0, (await GetJson(url)).GetProperty("total").GetInt32());
        var cached = await _client.GetAsync(url);
        Assert.NotNull(cached.Headers.Age); // answered from memory
        // Written to the file directly, as `sitrep ingest` in another process would.
        using (var store = SqliteDocumentStore.Open(_host.Database))
            store.Store([Read("Gunmen attacked a bus near Garissa on Sunday, killing four passengers, police said.", new DateOnly(2024, 3, 10))]);
        Assert.Equal(1, (await GetJson(url)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task WhenReadsNeedAKey_NoAnswerIsServedFromMemoryToAClientWithout()
    {
        using var keyed = _host.WithWebHostBuilder(b => b.UseSetting("Sitrep:RequireKeyForReads", "true"));
        var client = keyed.CreateClient();
        using var withKey = new HttpRequestMessage(HttpMethod.Get, "/api/events?country=NG");
        withKey.Headers.Add("X-Api-Key", _host.Secret);
        await client.GetAsync("/healthz"); // the first request opens (and migrates) the store, which moves its files
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(withKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/events?country=NG")).StatusCode);
    }

    [Fact]
    public async Task Answers_AreCompressed_WhenTheClientAsks()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var response = await _client.SendAsync(request);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        using var gzip = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        var body = await new StreamReader(gzip).ReadToEndAsync();
        Assert.Equal(await (await _client.GetAsync("/api/events")).Content.ReadAsStringAsync(), body);
    }

    [Fact]
    public async Task GeoJson_IsAFeatureCollectionOfPoints()
    {
        var response = await _client.GetAsync("/api/events.geojson?country=NG");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var geo = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        Assert.NotEmpty(geo.GetProperty("features").EnumerateArray());
        Assert.All(geo.GetProperty("features").EnumerateArray(), f => Assert.Equal("Point", f.GetProperty("geometry").GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Report_CountsWhatEventsLists()
    {
        var total = (await GetJson("/api/events")).GetProperty("total").GetInt32();
        var summary = await GetJson("/api/report");
        Assert.Equal(total, summary.GetProperty("events").GetInt32());
        Assert.Equal(total, summary.GetProperty("by_type").EnumerateArray().Sum(t => t.GetProperty("events").GetInt32()));
    }

    [Fact]
    public async Task Search_FindsTheReportAndMarksMatches()
    {
        var hits = await GetJson("/api/search?q=market");
        Assert.Equal("market", hits[0].GetProperty("matches")[0].GetString());
        await GetJson("/api/search", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OpenApi_DescribesEveryEndpoint()
    {
        var paths = (await GetJson("/openapi.json")).GetProperty("paths");
        foreach (var path in new[] { "/api/events", "/api/events/{id}", "/api/events.geojson", "/api/documents/{id}", "/api/report", "/api/search", "/api/reports", "/healthz" })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }

    [Theory]
    [InlineData("/api/events?country=Kazakhstan", "country")]
    [InlineData("/api/events?from=06/01/2022", "from")]
    [InlineData("/api/events?from=2022-02-01&to=2022-01-01", "from")]
    [InlineData("/api/events?bbox=1,2,3", "bbox")]
    [InlineData("/api/events?bbox=0,95,10,96", "bbox")]
    [InlineData("/api/events?page=0", "page")]
    [InlineData("/api/events?page_size=100000", "page_size")]
    [InlineData("/api/report?to=yesterday", "to")]
    public async Task BadFilters_Are400sNamingTheParameter(string url, string parameter)
    {
        var problem = await GetJson(url, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory]
    [InlineData("type", "Protests' OR '1'='1")]
    [InlineData("q", "\" OR 1=1; DROP TABLE events; --")]
    [InlineData("q", "NEAR(( AND")]
    [InlineData("country", "';")]
    [InlineData("bbox", "0,0,1,1) OR (1=1")]
    [InlineData("from", "2024-01-01' OR '1'='1")]
    public async Task InjectionAttempts_ReturnSafeResults(string parameter, string value)
    {
        var before = (await GetJson("/api/events")).GetProperty("total").GetInt32();
        var response = await _client.GetAsync($"/api/events?{parameter}={Uri.EscapeDataString(value)}");
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        if (response.StatusCode == HttpStatusCode.OK)
            Assert.Equal(0, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32());
        Assert.Equal(before, (await GetJson("/api/events")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task UnknownIds_Are404s()
    {
        await GetJson("/api/events/nope-1", HttpStatusCode.NotFound);
        await GetJson("/api/documents/nope", HttpStatusCode.NotFound);
    }

    private const string NewReport = """{"text": "Hundreds of farmers marched through Lusaka on Monday to protest maize prices, organisers said.", "published": "2024-04-01", "source": "Field desk"}""";

    private static HttpRequestMessage Post(string body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = new StringContent(body, Encoding.UTF8, "application/x-ndjson") };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return request;
    }

    [Fact]
    public async Task PostReports_WithoutAValidKey_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(Post(NewReport, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(Post(NewReport, "sk_made_up"))).StatusCode);
    }

    [Fact]
    public async Task PostReports_WithARevokedKey_Is401()
    {
        string secret;
        using (var store = SqliteDocumentStore.Open(_host.Database))
        {
            var key = store.CreateApiKey("short-lived");
            store.RevokeApiKey(key.Key.Id);
            secret = key.Secret;
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(Post(NewReport, secret))).StatusCode);
    }

    [Fact]
    public async Task PostReports_StoresOnceAndReportsEachBadLine()
    {
        var body = NewReport + "\nnot json\n" + """{"text": "No date here."}""" + "\n";
        var response = await _client.SendAsync(Post(body, _host.Secret));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, result.GetProperty("received").GetInt32());
        Assert.Equal(2, result.GetProperty("failed").GetInt32());
        var failedLines = result.GetProperty("results").EnumerateArray().Where(r => r.TryGetProperty("error", out _)).Select(r => r.GetProperty("line").GetInt32());
        Assert.Equal([2, 3], failedLines);
        var again = await (await _client.SendAsync(Post(NewReport, _host.Secret))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("added").GetInt32());
        Assert.Equal(1, again.GetProperty("already_known").GetInt32());
    }

    private static HttpRequestMessage Post(HttpContent content, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = content };
        request.Headers.Add("X-Api-Key", key);
        return request;
    }

    [Fact]
    public async Task PostReports_ReadsTheBodyByItsContentType()
    {
        var pretty = """
            {
              "text": "Teachers marched to the education ministry in Lusaka on Tuesday over unpaid salaries, union leaders said.",
              "published": "2024-04-02"
            }
            """;
        var one = await _client.SendAsync(Post(new StringContent(pretty, Encoding.UTF8, "application/json"), _host.Secret));
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(1, (await one.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("received").GetInt32());

        var array = $"[{NewReport}, 7]";
        var two = await (await _client.SendAsync(Post(new StringContent(array, Encoding.UTF8, "application/json"), _host.Secret))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 1), (two.GetProperty("received").GetInt32(), two.GetProperty("failed").GetInt32()));

        var jsonl = await _client.SendAsync(Post(new StringContent(NewReport + "\n", Encoding.UTF8, "application/jsonl"), _host.Secret));
        Assert.Equal(HttpStatusCode.OK, jsonl.StatusCode);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await _client.SendAsync(Post(new StringContent(NewReport, Encoding.UTF8, "text/plain"), _host.Secret))).StatusCode);
        var form = new MultipartFormDataContent { { new StringContent(NewReport), "file" } };
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await _client.SendAsync(Post(form, _host.Secret))).StatusCode);
    }

    [Fact]
    public async Task PostReports_ABatchLargerThanOneStoreBatch_IsStoredWhole()
    {
        var lines = Enumerable.Range(0, 260).Select(i => $$"""{"text":"Bulletin {{i}} calm","published":"2024-04-03"}""");
        var result = await (await _client.SendAsync(Post(string.Join("\n", lines), _host.Secret))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((260, 260, 0), (result.GetProperty("received").GetInt32(), result.GetProperty("added").GetInt32() + result.GetProperty("already_known").GetInt32(), result.GetProperty("failed").GetInt32()));
        var search = await GetJson("/api/search?q=Bulletin&limit=200");
        Assert.Equal(200, search.GetArrayLength());
    }

    [Fact]
    public async Task WriteRateLimit_CountsAKeyOnceHoweverItIsPresented()
    {
        using var limited = _host.WithWebHostBuilder(b => b.UseSetting("Sitrep:WritesPerMinute", "2"));
        var client = limited.CreateClient();
        HttpRequestMessage Bearer()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = new StringContent(NewReport, Encoding.UTF8, "application/x-ndjson") };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _host.Secret);
            return request;
        }
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Post(NewReport, _host.Secret))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Post(NewReport, _host.Secret))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(Post(NewReport, _host.Secret))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(Bearer())).StatusCode);
    }

    [Fact]
    public async Task Responses_ForbidFramingAndForeignContent_AndHeadIsAnsweredLikeGet()
    {
        foreach (var path in new[] { "/", "/api/events" })
        {
            var response = await _client.GetAsync(path);
            Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
            Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        }
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/events"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _client.DeleteAsync("/api/events")).StatusCode);
    }

    [Fact]
    public async Task PostReports_OversizedBody_Is413()
    {
        var huge = $$"""{"text": "{{new string('a', 30_000)}}", "published": "2024-04-01"}""";
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await _client.SendAsync(Post(huge, _host.Secret))).StatusCode);
    }
}
