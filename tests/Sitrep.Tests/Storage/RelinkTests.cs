using Sitrep.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Storage.Postgres;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Storage;

/// <summary><c>sitrep db relink</c>: incidents rebuilt in a fixed order are the same whatever order the reports came in.</summary>
public class RelinkTests
{
    private static readonly DocumentPipeline Pipeline = StandardStages.Default.Providing(StoreSchema.StoredLayers);

    // ACLED's notes on one war, read as reports: many incidents told by several notes each.
    private static List<Document> Reports() =>
        [.. AcledCsv.Read(Path.Combine(TestPaths.Shared, "data", "events", "acled", "acled-ukraine-2022-2022.csv")).Take(600)
            .Select((r, i) => new Document(r.Notes, r.Date, new SourceLocation("notes.jsonl", i + 1)) { Source = "ACLED" })];

    private static string Ingest(TempDirectory dir, string name, IEnumerable<Document> reports)
    {
        var path = dir.File(name);
        using var store = SqliteDocumentStore.Open(path);
        foreach (var batch in reports.Chunk(100))
        {
            foreach (var d in batch) Pipeline.Process(d);
            store.Store(batch);
        }
        return path;
    }

    private static Dictionary<string, string> IncidentOfEach(string path)
    {
        using var store = SqliteDocumentStore.Open(path, create: false);
        return store.ListEvents(new EventQuery(Limit: int.MaxValue)).ToDictionary(e => e.Id, e => e.IncidentId);
    }

    private static IEnumerable<Document> Interleaved(List<Document> reports, int firstHalf) =>
        reports.Where((_, i) => i % 2 == firstHalf).Concat(reports.Where((_, i) => i % 2 != firstHalf)).Select(Copy);

    [Fact]
    public void Relink_GivesTheSameIncidentsForReportsThatCameInDifferentOrders()
    {
        using var dir = new TempDirectory();
        var reports = Reports();
        var first = Ingest(dir, "a.db", Interleaved(reports, 0));
        var second = Ingest(dir, "b.db", Interleaved(reports, 1));
        Assert.NotEqual(IncidentOfEach(first), IncidentOfEach(second)); // the order mattered

        SqliteRelink.Run(first, Pipeline);
        SqliteRelink.Run(second, Pipeline);

        Assert.Equal(IncidentOfEach(first), IncidentOfEach(second));
    }

    [Fact]
    public void Relink_KeepsDeliveriesKeysAndAnAnalystsSplit()
    {
        using var dir = new TempDirectory();
        var path = Ingest(dir, "a.db", Interleaved(Reports(), 0));
        string secret, separated, from;
        using (var store = SqliteDocumentStore.Open(path))
        {
            secret = store.CreateApiKey("bot").Secret;
            var pair = IncidentOfEach(path).GroupBy(e => e.Value).First(g => g.Count() >= 2).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
            (separated, from) = (pair[1], pair[0]);
            Assert.NotNull(store.UnlinkEvent(separated));
        }
        long deliveries = Scalar(path, "SELECT count(*) FROM deliveries");

        SqliteRelink.Run(path, Pipeline);

        var incidents = IncidentOfEach(path);
        Assert.NotEqual(incidents[separated], incidents[from]);
        Assert.Equal(deliveries, Scalar(path, "SELECT count(*) FROM deliveries"));
        Assert.Equal(0, Scalar(path, "SELECT count(*) FROM deliveries WHERE file = 'relink'"));
        using (var store = SqliteDocumentStore.Open(path, create: false)) Assert.NotNull(store.FindApiKey(secret));
    }

    [Fact]
    public void Relink_ReadsAReportFromACountrysFeedAsItWasRead()
    {
        using var dir = new TempDirectory();
        var path = dir.File("a.db");
        using (var store = SqliteDocumentStore.Open(path))
        {
            var report = new Document("Police fired tear gas at traders protesting against power cuts in Hyderabad on Monday.",
                new DateOnly(2024, 3, 4), new SourceLocation("feed.jsonl", 1)) { SourceCountry = "PK" };
            Pipeline.Process(report);
            store.Store([report]);
        }
        string CountryOfEvents()
        {
            using var store = SqliteDocumentStore.Open(path, create: false);
            return string.Join(",", store.ListEvents(new EventQuery(Limit: 10)).Select(e => e.Event.Place?.Country));
        }
        Assert.Equal("PK", CountryOfEvents());

        SqliteRelink.Run(path, Pipeline);

        Assert.Equal("PK", CountryOfEvents());
    }

    private static PostgresDocumentStore IngestShared(IEnumerable<Document> reports)
    {
        var shared = PostgresDocumentStore.Open(TestStores.FreshSchema(), migrate: true);
        foreach (var batch in reports.Chunk(100))
        {
            foreach (var d in batch) Pipeline.Process(d);
            shared.Store(batch);
        }
        return shared;
    }

    private static Dictionary<string, string> IncidentOfEach(IDocumentStore store) =>
        store.ListEvents(new EventQuery(Limit: int.MaxValue)).ToDictionary(e => e.Id, e => e.IncidentId);

    [PostgresFact]
    public void TheSharedStore_LinksTheSameReportsInTheSameOrderAsTheEmbeddedOne()
    {
        using var dir = new TempDirectory();
        var reports = Reports();
        var embedded = Ingest(dir, "a.db", Interleaved(reports, 0));
        using var shared = IngestShared(Interleaved(reports, 0));

        Assert.Equal(IncidentOfEach(embedded), IncidentOfEach(shared));
    }

    [PostgresFact]
    public void RelinkOfTheSharedStore_GivesTheIncidentsOfTheEmbeddedOne_WhateverTheOrder()
    {
        using var dir = new TempDirectory();
        var reports = Reports();
        var embedded = Ingest(dir, "a.db", Interleaved(reports, 0));
        SqliteRelink.Run(embedded, Pipeline);
        using var shared = IngestShared(Interleaved(reports, 1));
        Assert.NotEqual(IncidentOfEach(embedded), IncidentOfEach(shared)); // the order mattered

        Assert.Equal(reports.Count, shared.Relink(Pipeline));

        Assert.Equal(IncidentOfEach(embedded), IncidentOfEach(shared));
    }

    [PostgresFact]
    public void RelinkOfTheSharedStore_KeepsDeliveriesAndAnAnalystsSplit()
    {
        using var shared = IngestShared(Interleaved(Reports(), 0));
        var pair = IncidentOfEach(shared).GroupBy(e => e.Value).First(g => g.Count() >= 2).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        Assert.NotNull(shared.UnlinkEvent(pair[1]));
        long deliveries = shared.GetStats().Deliveries;

        shared.Relink(Pipeline);

        var incidents = IncidentOfEach(shared);
        Assert.NotEqual(incidents[pair[0]], incidents[pair[1]]);
        Assert.Equal(deliveries, shared.GetStats().Deliveries);
    }

    private static Document Copy(Document d) => new(d.Text, d.Date, d.Origin) { Source = d.Source };

    private static long Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }
}
