using Microsoft.Data.Sqlite;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// Bulk loading: the indexes that only listings read are dropped while one ingest session adds many
/// reports, and built again when it ends. Their keys (dates, places, sources) scatter each batch's
/// entries across the whole index, so every commit rewrote most of their pages; built once at the end,
/// each is one sorted pass. Dropping records each index's definition in the same transaction, so a
/// crashed session leaves it to the end of the next session to build them again: meanwhile listings
/// are slower, never wrong. Linking and storing read none of these indexes.
/// </summary>
public sealed partial class SqliteDocumentStore
{
    private static readonly string[] ListingIndexes =
    [
        "incidents_in_order", "incidents_by_country_in_order", "incidents_by_place",
        "documents_by_date", "documents_by_source", "deliveries_by_file", "document_duplicates_by_b",
    ];

    /// <summary>
    /// New reports a session stores before the listing indexes are dropped, when they are also at least
    /// a quarter of the reports stored before it (a small ingest into a large store keeps them).
    /// </summary>
    internal int DeferListingIndexesAfter { get; set; } = 10_000;

    private long _addedThisSession, _storedBeforeSession;
    private bool _listingIndexesDeferred;

    private void StartSession()
    {
        _addedThisSession = 0;
        _listingIndexesDeferred = false;
        // Reports get consecutive rowids: the last is about their count, found without reading the table.
        _storedBeforeSession = Command(null, "SELECT max(rowid) FROM documents").ExecuteScalar() is long last ? last : 0;
    }

    // Called in a session's transaction once its new reports are stored.
    private void CountForDeferral(int added, SqliteTransaction transaction)
    {
        _addedThisSession += added;
        if (_listingIndexesDeferred || _addedThisSession < DeferListingIndexesAfter || _addedThisSession * 4 < _storedBeforeSession) return;
        _listingIndexesDeferred = true;
        string names = string.Join(", ", ListingIndexes.Select(n => $"'{n}'"));
        var present = new List<string>();
        using (var r = Command(transaction, $"SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ({names})").ExecuteReader())
            while (r.Read()) present.Add(r.GetString(0));
        Command(transaction, $"INSERT OR REPLACE INTO deferred_indexes (name, sql) SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND name IN ({names})").ExecuteNonQuery();
        foreach (var name in present) Command(transaction, $"DROP INDEX {name}").ExecuteNonQuery();
    }

    // Builds every index a session dropped (this one's, or one's that crashed), in one transaction
    // with forgetting their definitions.
    private void RestoreListingIndexes()
    {
        var definitions = new List<string>();
        using (var r = Command(null, "SELECT sql FROM deferred_indexes").ExecuteReader())
            while (r.Read()) definitions.Add(r.GetString(0));
        if (definitions.Count == 0) return;
        using var transaction = _connection.BeginTransaction();
        foreach (var sql in definitions)
            Command(transaction, sql.Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal)).ExecuteNonQuery();
        Command(transaction, "DELETE FROM deferred_indexes").ExecuteNonQuery();
        transaction.Commit();
    }
}
