using Sitrep.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Linking;
using Sitrep.Storage;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Storage;

/// <summary>A bulk ingest drops the indexes only listings read and builds them again when it ends, or at the next session after a crash.</summary>
public class DeferredIndexTests
{
    private static readonly string[] Texts =
    [
        "Police dispersed a march in Aktau on Monday.",
        "Protesters blocked a road in Almaty on Tuesday.",
        "Rioters set fire to the mayor's office in Almaty on Wednesday.",
        "Troops fired on demonstrators in Taraz on Wednesday.",
        "Workers went on strike in Zhanaozen on Tuesday.",
    ];

    // Distinct reports, as many as asked for.
    private static Document Report(int i) => TestDocuments.Make($"{Texts[i % Texts.Length]} It was the {i + 1}th report.", $"r{i}.txt");

    [Fact]
    public void LargeSession_DropsTheListingIndexesWhileItStores_AndBuildsTheSameAgainWhenItEnds()
    {
        using var dir = new TempDirectory();
        var path = dir.File("s.db");
        using var store = SqliteDocumentStore.Open(path);
        var before = ListingIndexes(path);
        Assert.Contains("incidents_in_order", before.Keys);
        store.DeferListingIndexesAfter = 2;

        using (store.ShareTransactions(1))
        {
            store.Store([Report(0)]);
            Assert.Equal(before, ListingIndexes(path));
            store.Store([Report(1)]);
            Assert.Empty(ListingIndexes(path));
            store.Store([Report(2)]);
            Assert.Equal(3, store.ListIncidents(new EventQuery()).Count);
        }

        Assert.Equal(before, ListingIndexes(path));
        Assert.Equal(0L, SqliteFile.Scalar(path, "SELECT count(*) FROM deferred_indexes"));
    }

    [Fact]
    public void SmallSessionIntoALargerStore_KeepsTheListingIndexes()
    {
        using var dir = new TempDirectory();
        var path = dir.File("s.db");
        using var store = SqliteDocumentStore.Open(path);
        store.Store([.. Enumerable.Range(0, 9).Select(Report)]);
        var before = ListingIndexes(path);
        store.DeferListingIndexesAfter = 2;

        using (store.ShareTransactions(1))
        {
            store.Store([Report(9)]);
            store.Store([Report(10)]); // 2 new reports, under a quarter of the 9 stored
            Assert.Equal(before, ListingIndexes(path));
        }

        Assert.Equal(before, ListingIndexes(path));
    }

    [Fact]
    public void SessionThatNeverEnds_LeavesListingsRight_AndTheEndOfTheNextBuildsTheIndexesAgain()
    {
        using var dir = new TempDirectory();
        var path = dir.File("s.db");
        Dictionary<string, string> before;
        using (var crashed = SqliteDocumentStore.Open(path))
        {
            before = ListingIndexes(path);
            crashed.DeferListingIndexesAfter = 2;
            crashed.ShareTransactions(1);
            crashed.Store([Report(0)]);
            crashed.Store([Report(1)]);
            crashed.Store([Report(2)]);
        } // disposed with its session open, as a killed process leaves it

        using var store = SqliteDocumentStore.Open(path);
        Assert.Empty(ListingIndexes(path));
        Assert.Equal(3, store.ListIncidents(new EventQuery()).Count);
        using (store.ShareTransactions(1)) { }
        Assert.Equal(before, ListingIndexes(path));
    }

    private static Dictionary<string, string> ListingIndexes(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
              AND name IN ('incidents_in_order', 'incidents_by_country_in_order', 'incidents_by_place', 'documents_by_date',
                           'documents_by_source', 'deliveries_by_file', 'document_duplicates_by_b')
            """;
        var indexes = new Dictionary<string, string>();
        using var r = command.ExecuteReader();
        while (r.Read()) indexes[r.GetString(0)] = r.GetString(1);
        return indexes;
    }
}
