using Microsoft.Data.Sqlite;
using Npgsql;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Storage.Postgres;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Storage;

/// <summary>Each store keeps how a report was read when stored, and <c>sitrep db relink</c> replaces it with a new reading.</summary>
public class StoredReadingTests
{
    private const string Report =
        "Soldiers shot dead four men at a checkpoint outside Bunia on Sunday, a local official said. The army said the men were militia fighters.";

    private static Document Read()
    {
        var document = new Document(Report, new DateOnly(2024, 6, 2), new SourceLocation("wire.jsonl", 7)) { Source = "Test Wire" };
        StandardStages.Default.Providing(StoreSchema.StoredLayers).Process(document);
        return document;
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void AStoredReport_KeepsEveryLayerAsRead_AndItsEventsAgreeWithTheStoredOnes(string kind)
    {
        using var dir = new TempDirectory();
        using var store = TestStores.Open(kind, dir);
        var document = Read();
        store.Store([document]);

        var stored = store.GetReading(document.Id)!;
        Assert.Equal(document.Id, stored.Id);
        Assert.Equal(new SourceLocation("wire.jsonl", 7), stored.Origin);
        Assert.Equal(document.Entities, stored.Entities);
        Assert.Equal(document.Places, stored.Places);
        Assert.Equal(document.Times, stored.Times);
        var events = store.ListEvents(new EventQuery(DocumentId: document.Id));
        Assert.NotEmpty(events);
        Assert.Equal(events.Select(e => e.Event.SubEventType), stored.Events.Select(e => e.SubEventType));
        Assert.Empty(stored.Diagnostics);
        Assert.Null(store.GetReading("no-such-report"));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Relink_ReadsAgainAReportStoredWithoutAReading_AsFromItsFirstDelivery(string kind)
    {
        using var dir = new TempDirectory();
        var document = Read();
        string? connection = kind == TestStores.Postgres ? TestStores.FreshSchema() : null;
        using (var store = connection is null ? TestStores.Open(kind, dir) : PostgresDocumentStore.Open(connection, migrate: true)) store.Store([document]);
        // As an older sitrep left it.
        if (connection is null)
        {
            using var sqlite = new SqliteConnection($"Data Source={dir.File("store.db")};Pooling=False");
            sqlite.Open();
            using var forget = new SqliteCommand("UPDATE documents SET reading = NULL", sqlite);
            Assert.Equal(1, forget.ExecuteNonQuery());
            using (var before = SqliteDocumentStore.Open(dir.File("store.db"), create: false)) Assert.Null(before.GetReading(document.Id));
            SqliteRelink.Run(dir.File("store.db"), StandardStages.Default.Providing(StoreSchema.StoredLayers));
        }
        else
        {
            using (var postgres = new NpgsqlConnection(connection))
            {
                postgres.Open();
                using var forget = new NpgsqlCommand("UPDATE documents SET reading = NULL", postgres);
                Assert.Equal(1, forget.ExecuteNonQuery());
            }
            using var shared = PostgresDocumentStore.Open(connection);
            Assert.Null(shared.GetReading(document.Id));
            shared.Relink(StandardStages.Default.Providing(StoreSchema.StoredLayers));
        }

        using var after = connection is null ? (IDocumentStore)SqliteDocumentStore.Open(dir.File("store.db"), create: false) : PostgresDocumentStore.Open(connection);
        var read = after.GetReading(document.Id)!;
        Assert.Equal(document.Entities, read.Entities);
        Assert.Equal(new SourceLocation(Path.GetFullPath("wire.jsonl"), 7), read.Origin);
    }
}
