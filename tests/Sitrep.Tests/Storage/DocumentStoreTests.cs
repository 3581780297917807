using Sitrep.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Sitrep.Linking;
using Sitrep.Storage;
using Sitrep.Storage.Postgres;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Storage;

/// <summary>The store contract, run against every store kind (<see cref="TestStores"/>), then what is particular to each.</summary>
public class DocumentStoreTests
{
    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Store_SameDocumentTwice_StoresItOnce(string kind)
    {
        using var dir = new TempDirectory();
        using var store = TestStores.Open(kind, dir);
        var seed = File.ReadAllText(TestPaths.SeedReport);

        var first = store.Store([TestDocuments.Make(seed, "seed.txt")]);
        var second = store.Store([TestDocuments.Make(seed, "seed.txt")]);

        Assert.Equal(new StoreOutcome(1, 0), first);
        Assert.Equal(new StoreOutcome(0, 1), second);
        var stats = store.GetStats();
        Assert.Equal(1, stats.Documents);
        Assert.Equal(1, stats.Deliveries);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Store_SameTextFromTwoFiles_RecordsBothDeliveries(string kind)
    {
        using var dir = new TempDirectory();
        using var store = TestStores.Open(kind, dir);
        store.Store([TestDocuments.Make("Troops entered the town.", "one.txt", source: "Wire A")]);
        store.Store([TestDocuments.Make("Troops  entered the town.\n", "two.txt", source: "Wire B")]);

        var stats = store.GetStats();
        Assert.Equal(1, stats.Documents);
        Assert.Equal(2, stats.Deliveries);
        Assert.Equal(2, stats.Files);
        Assert.Equal(2, store.ListDocuments(new DocumentQuery()).Single().Deliveries);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Store_DuplicateInsideOneBatch_CountsAsKnown(string kind)
    {
        using var dir = new TempDirectory();
        using var store = TestStores.Open(kind, dir);
        var outcome = store.Store([TestDocuments.Make("Same text."), TestDocuments.Make("Same text.")]);
        Assert.Equal(new StoreOutcome(1, 1), outcome);
    }

    [Fact]
    public void Open_NewDatabase_UsesWalAndLatestSchema()
    {
        using var dir = new TempDirectory();
        var path = dir.File("s.db");
        SqliteDocumentStore.Open(path).Dispose();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "PRAGMA user_version";
        Assert.Equal((long)SqliteDocumentStore.SchemaVersion, command.ExecuteScalar());
        command.CommandText = "PRAGMA page_size";
        Assert.Equal(16384L, command.ExecuteScalar());
    }

    [Fact]
    public void Open_DatabaseOfTheSchemaBefore_IsBroughtUpToDateAndLinks()
    {
        using var dir = new TempDirectory();
        var path = dir.File("s.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; " + string.Join("\n", SqliteMigrations.Steps[..^1])
                + $"\nPRAGMA user_version = {SqliteDocumentStore.SchemaVersion - 1};";
            command.ExecuteNonQuery();
        }

        using var store = SqliteDocumentStore.Open(path);
        var reports = IncidentReports.Market();
        store.Store(reports[..2]);

        Assert.Equal(SqliteDocumentStore.SchemaVersion, store.GetStats().SchemaVersion);
        Assert.Contains(store.ListIncidents(new EventQuery(Country: "NG")), i => i.Documents.Count == 2);
    }

    [Fact]
    public void Open_EventsKeyedById_BecomeRowsInTheOrderTheirReportsWereStored_AndKeepTheirIncidents()
    {
        using var dir = new TempDirectory();
        var path = dir.File("s.db");
        string later = new('a', 20), earlier = new('f', 20); // the earlier report sorts after the later one by id
        string Event(string document, int ordinal, string incident, int head) =>
            $"INSERT INTO events (id, document_id, ordinal, event_type, sub_event_type, date, time_precision, geo_precision, confidence, evidence, incident_id, incident_head) " +
            $"VALUES ('{document}-{ordinal}', '{document}', {ordinal}, 'Protests', 'Peaceful protest', '2022-01-05', 1, 1, 0.9, x'', '{incident}', {head});";
        CreateBeforeStep(path, "events_in_arrival", ReportRow(1, earlier) + ReportRow(2, later)
            + Event(earlier, 2, $"{earlier}-2", 1) + Event(earlier, 1, $"{later}-1", 0) + Event(later, 1, $"{later}-1", 1));

        using (var store = SqliteDocumentStore.Open(path))
        {
            Assert.Equal([$"{earlier}-1", $"{earlier}-2"], store.ListEvents(new EventQuery(DocumentId: earlier)).Select(e => e.Id).Order());
            var incident = Assert.Single(store.ListIncidents(new EventQuery()), i => i.Documents.Count == 2);
            Assert.Equal($"{later}-1", incident.Id);
        }
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var rows = check.CreateCommand();
        rows.CommandText = "SELECT group_concat(id, ' ') FROM (SELECT id FROM events ORDER BY seq)";
        Assert.Equal($"{earlier}-1 {earlier}-2 {later}-1", rows.ExecuteScalar());
    }

    [Fact]
    public void Open_LinksKeyedByTheirEvents_AreKeptUnderTheirNewerEvent_AndStillListedAndUnlinked()
    {
        using var dir = new TempDirectory();
        var path = dir.File("s.db");
        string later = new('a', 20), earlier = new('f', 20);
        string Event(int seq, string document, string incident, int head) =>
            $"INSERT INTO events (seq, id, document_id, ordinal, event_type, sub_event_type, date, time_precision, geo_precision, confidence, evidence, incident_id, incident_head) " +
            $"VALUES ({seq}, '{document}-1', '{document}', 1, 'Protests', 'Peaceful protest', '2022-01-05', 1, 1, 0.9, x'', '{incident}', {head});";
        CreateBeforeStep(path, "event_links_in_arrival", ReportRow(1, earlier) + ReportRow(2, later)
            + Event(7, earlier, $"{later}-1", 0) + Event(9, later, $"{later}-1", 1)
            + $"INSERT INTO event_links (a, b, reason) VALUES ('{later}-1', '{earlier}-1', 'same place and day');");

        using (var store = SqliteDocumentStore.Open(path))
        {
            var link = Assert.Single(store.ListLinks($"{later}-1"));
            Assert.Equal(($"{later}-1", $"{earlier}-1", "same place and day"), (link.A, link.B, link.Reason));
            Assert.Equal(9L, SqliteFile.Scalar(path, "SELECT seq FROM event_links"));

            Assert.NotNull(store.UnlinkEvent($"{earlier}-1"));
            Assert.Empty(store.ListLinks($"{later}-1"));
            Assert.Equal(2, store.ListIncidents(new EventQuery()).Count);
        }
    }

    // A database at the schema before the last step whose text contains stepMark, holding rows.
    private static void CreateBeforeStep(string path, string stepMark, string rows)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        int schemaBefore = Array.FindLastIndex(SqliteMigrations.Steps, step => step.Contains(stepMark));
        command.CommandText = "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; " + string.Join("\n", SqliteMigrations.Steps[..schemaBefore])
            + rows + $"\nPRAGMA user_version = {schemaBefore};";
        command.ExecuteNonQuery();
    }

    private static string ReportRow(int row, string id) =>
        $"INSERT INTO documents (rowid, id, date, text, words, sentence_count, sentences, paragraphs, stored_at) VALUES ({row}, '{id}', '2022-01-05', 'Police dispersed a march.', 4, 1, x'', x'', '2022-01-06');";

    [Fact]
    public void SharedTransactions_CommitOnceTheyHoldEnoughNewReports_AndWhenTheSessionEnds()
    {
        using var dir = new TempDirectory();
        var path = dir.File("s.db");
        using var store = SqliteDocumentStore.Open(path);
        using var reader = SqliteDocumentStore.Open(path);
        long Visible() => reader.GetStats().Documents;

        using (store.ShareTransactions(3))
        {
            store.Store([TestDocuments.Make("Police dispersed a march in Aktau on Monday.")]);
            store.Store([TestDocuments.Make("Police dispersed a march in Aktau on Monday.")]); // known: not counted
            store.Store([TestDocuments.Make("The internet was cut across the country.")]);
            Assert.Equal(0, Visible());
            store.Store([TestDocuments.Make("Banks ran out of cash in Almaty.")]);
            Assert.Equal(3, Visible());
            store.Store([TestDocuments.Make("The government resigned on Wednesday.")]);
            Assert.Equal(3, Visible());
        }

        Assert.Equal(4, Visible());
        // Each call commits alone again.
        store.Store([TestDocuments.Make("Peacekeepers arrived on Thursday.")]);
        Assert.Equal(5, Visible());
    }

    [Fact]
    public void Open_Reopen_KeepsData()
    {
        using var dir = new TempDirectory();
        var path = dir.File("s.db");
        using (var store = SqliteDocumentStore.Open(path)) store.Store([TestDocuments.Make("Kept across opens.")]);
        using (var store = SqliteDocumentStore.Open(path)) Assert.Equal(1, store.GetStats().Documents);
    }

    [Fact]
    public void Open_NewerSchema_FailsWithClearError()
    {
        using var dir = new TempDirectory();
        var path = dir.File("s.db");
        SqliteDocumentStore.Open(path).Dispose();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {SqliteDocumentStore.SchemaVersion + 1}";
            command.ExecuteNonQuery();
        }
        var error = Assert.Throws<StoreException>(() => SqliteDocumentStore.Open(path));
        Assert.Contains("newer", error.Message);
    }

    [Fact]
    public void Open_PathIsADirectory_FailsWithStoreException()
    {
        using var dir = new TempDirectory();
        Assert.Throws<StoreException>(() => SqliteDocumentStore.Open(dir.Path));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Search_FindsWordsRankedWithHighlightedSnippet(string kind)
    {
        using var dir = new TempDirectory();
        using var store = TestStores.Open(kind, dir);
        store.Store([
            TestDocuments.Make(File.ReadAllText(TestPaths.SeedReport), "seed.txt"),
            TestDocuments.Make("Floods closed two hospitals in the north.", "b.txt"),
            TestDocuments.Make("Markets reopened after the holiday.", "c.txt"),
        ]);

        var hits = store.Search("hospitals", 10);

        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Contains($"{SearchHit.MatchStart}hospitals{SearchHit.MatchEnd}", h.Snippet));
        Assert.Empty(store.Search("earthquake", 10));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Search_WithDiacriticsOrBrokenSyntax_DoesNotThrow(string kind)
    {
        using var dir = new TempDirectory();
        using var store = TestStores.Open(kind, dir);
        store.Store([TestDocuments.Make("The café in Bogotá was closed.")]);
        Assert.Single(store.Search("Bogota", 10));
        Assert.Single(store.Search("\"Bogotá", 10));
        Assert.Empty(store.Search("AND OR (", 10));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void ListDocuments_FiltersByDateRangeAndSource(string kind)
    {
        using var dir = new TempDirectory();
        using var store = TestStores.Open(kind, dir);
        store.Store([
            TestDocuments.Make("Report one.", date: new DateOnly(2022, 1, 1), source: "A"),
            TestDocuments.Make("Report two.", date: new DateOnly(2022, 1, 5), source: "B"),
            TestDocuments.Make("Report three.", date: new DateOnly(2022, 1, 9), source: "A"),
        ]);
        var middle = store.ListDocuments(new DocumentQuery(From: new DateOnly(2022, 1, 2), To: new DateOnly(2022, 1, 8)));
        Assert.Equal(["Report two."], middle.Select(d => d.Preview));
        Assert.Equal(["Report one.", "Report three."], store.ListDocuments(new DocumentQuery(Source: "A")).Select(d => d.Preview));
    }

    [PostgresFact]
    public void Postgres_OpenBeforeMigrate_SaysToMigrate_AndMigrateTwiceIsHarmless()
    {
        var connection = TestStores.FreshSchema();
        var error = Assert.Throws<StoreException>(() => PostgresDocumentStore.Open(connection));
        Assert.Contains("sitrep db migrate", error.Message);

        Assert.Equal(PostgresDocumentStore.SchemaVersion, PostgresDocumentStore.Migrate(connection));
        Assert.Equal(PostgresDocumentStore.SchemaVersion, PostgresDocumentStore.Migrate(connection));
        using var store = PostgresDocumentStore.Open(connection);
        Assert.Equal(PostgresDocumentStore.SchemaVersion, store.GetStats().SchemaVersion);
    }

    [PostgresFact]
    public void Postgres_Unreachable_FailsWithStoreExceptionNamingTheServer()
    {
        var error = Assert.Throws<StoreException>(() => PostgresDocumentStore.Open("Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2"));
        Assert.Contains("127.0.0.1:1", error.Message);
        Assert.DoesNotContain("Password", error.Message);
    }
}
