using Microsoft.Data.Sqlite;

namespace Sitrep.Storage.Sqlite;

/// <summary>What <see cref="SqliteRelink"/> needs of a store: copying tables from another file and folding the log in.</summary>
public sealed partial class SqliteDocumentStore
{
    /// <summary>Copies the rows of <paramref name="tables"/> from the store file at <paramref name="path"/> (same schema).</summary>
    internal void CopyFrom(string path, params string[] tables) => WithAttached(path, transaction =>
    {
        foreach (var table in tables) Command(transaction, $"INSERT INTO main.{table} SELECT * FROM other.{table}").ExecuteNonQuery();
    });

    /// <summary>Replaces every delivery, and each report's time of first storing, with those of the store file at <paramref name="path"/>.</summary>
    internal void RestoreDeliveries(string path) => WithAttached(path, transaction =>
    {
        Command(transaction, "DELETE FROM main.deliveries").ExecuteNonQuery();
        Command(transaction, "INSERT INTO main.deliveries SELECT * FROM other.deliveries WHERE document_id IN (SELECT id FROM main.documents)").ExecuteNonQuery();
        Command(transaction, "UPDATE main.documents SET stored_at = o.stored_at FROM other.documents o WHERE o.id = main.documents.id").ExecuteNonQuery();
    });

    /// <summary>Copies the write-ahead log into the database file and empties it.</summary>
    internal void Checkpoint() => Command(null, "PRAGMA wal_checkpoint(TRUNCATE)").ExecuteNonQuery();

    private void WithAttached(string path, Action<SqliteTransaction> work)
    {
        var attach = Command(null, "ATTACH DATABASE $path AS other");
        attach.Parameters.AddWithValue("$path", path);
        attach.ExecuteNonQuery();
        try
        {
            using var transaction = _connection.BeginTransaction();
            work(transaction);
            transaction.Commit();
        }
        finally
        {
            Command(null, "DETACH DATABASE other").ExecuteNonQuery();
        }
    }
}
