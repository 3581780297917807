using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Pipeline;
using Sitrep.Reading;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Storage;

/// <summary>
/// Settling the incidents (<see cref="IEventStore.SettleIncidents"/>): whatever order reports come in,
/// the incidents end as linking them in date order makes them, in either store.
/// </summary>
public class SettleTests
{
    private static readonly DocumentPipeline Pipeline = StandardStages.Default.Providing(StoreSchema.StoredLayers);

    // ACLED's notes on one war, read as reports: many incidents told by several notes each, read once for every test.
    private static readonly Lazy<List<Document>> Notes = new(() =>
    {
        var reports = AcledCsv.Read(Path.Combine(TestPaths.Shared, "data", "events", "acled", "acled-ukraine-2022-2022.csv")).Take(600)
            .Select((r, i) => new Document(r.Notes, r.Date, new SourceLocation("notes.jsonl", i + 1)) { Source = "ACLED" }).ToList();
        foreach (var report in reports) Pipeline.Process(report);
        return reports;
    });

    // The notes in two halves (every other one), one half stored before the other: each half spans the year.
    private static IEnumerable<Document> Halves(int first) =>
        Notes.Value.Where((_, i) => i % 2 == first).Concat(Notes.Value.Where((_, i) => i % 2 != first));

    private static IEnumerable<Document> InDateOrder() => Notes.Value.OrderBy(d => d.Date).ThenBy(d => d.Id, StringComparer.Ordinal);

    private static void StoreInBatches(IDocumentStore store, IEnumerable<Document> reports)
    {
        foreach (var batch in reports.Chunk(100)) store.Store(batch);
    }

    // Each event's incident, and whether it heads it.
    private static Dictionary<string, (string Incident, bool Head)> IncidentOfEach(IDocumentStore store)
    {
        var heads = store.ListEvents(new EventQuery(Limit: int.MaxValue, IncidentsOnly: true)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return store.ListEvents(new EventQuery(Limit: int.MaxValue)).ToDictionary(e => e.Id, e => (e.IncidentId, heads.Contains(e.Id)));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void ReportsInEitherOrder_SettleToTheIncidentsOfDateOrder(string kind)
    {
        using var inOrderDir = new TempDirectory();
        using var inOrder = TestStores.Open(kind, inOrderDir);
        StoreInBatches(inOrder, InDateOrder());
        Assert.Equal(0, inOrder.SettleIncidents()); // reports in date order are linked once
        var expected = IncidentOfEach(inOrder);

        foreach (int first in new[] { 0, 1 })
        {
            using var dir = new TempDirectory();
            using var store = TestStores.Open(kind, dir);
            StoreInBatches(store, Halves(first));
            Assert.NotEqual(expected, IncidentOfEach(store)); // as stored, the order mattered

            Assert.True(store.SettleIncidents() > 0);

            Assert.Equal(expected, IncidentOfEach(store));
            Assert.Equal(0, store.SettleIncidents()); // settled stays settled
        }
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task AnIngest_EndsSettled(string kind)
    {
        using TempDirectory inOrderDir = new(), dir = new();
        using var inOrder = TestStores.Open(kind, inOrderDir);
        StoreInBatches(inOrder, InDateOrder());
        using var store = TestStores.Open(kind, dir);
        var runner = new IngestRunner(Pipeline, store, IngestOptions.Default);

        foreach (int half in new[] { 1, 0 })
        {
            var items = Notes.Value.Where((_, i) => i % 2 == half)
                .Select(d => ReadItem.Ok(new RawReport(d.Text, d.Date, d.Origin) { Source = d.Source }));
            var result = await runner.RunAsync(items, _ => { });
            Assert.True(result.Settled > 0);
        }

        Assert.Equal(IncidentOfEach(inOrder), IncidentOfEach(store));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void AnAnalystsSplit_HoldsWhenIncidentsAreSettled(string kind)
    {
        using var dir = new TempDirectory();
        using var store = TestStores.Open(kind, dir);
        var late = Notes.Value.Where((_, i) => i % 2 == 1).ToList();
        StoreInBatches(store, Notes.Value.Where((_, i) => i % 2 == 0));
        var pair = IncidentOfEach(store).GroupBy(e => e.Value.Incident).First(g => g.Count() >= 2).Select(e => e.Key).Order(StringComparer.Ordinal).Take(2).ToList();
        Assert.NotNull(store.UnlinkEvent(pair[1]));

        StoreInBatches(store, late);
        Assert.True(store.SettleIncidents() > 0);

        var incidents = IncidentOfEach(store);
        Assert.NotEqual(incidents[pair[0]].Incident, incidents[pair[1]].Incident);
    }

    [Fact]
    public void AReportStoredByAnOlderSitrep_IsNotSettled_AndNothingChanges()
    {
        using var dir = new TempDirectory();
        var path = dir.File("store.db");
        using var store = SqliteDocumentStore.Open(path);
        var early = InDateOrder().Take(100).ToList();
        StoreInBatches(store, InDateOrder().Skip(100).Take(200));
        Execute(path, "UPDATE documents SET reading = NULL WHERE id = (SELECT id FROM documents ORDER BY date DESC LIMIT 1)");
        StoreInBatches(store, early);
        var before = IncidentOfEach(store);

        Assert.Null(store.SettleIncidents());

        Assert.Equal(before, IncidentOfEach(store));
    }

    private static void Execute(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
