using System.Globalization;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using static Sitrep.Storage.StoredRows;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// Rebuilds a SQLite store's events and incidents as one ingest of its reports in a fixed order (by
/// date, then id) would make them: the incidents then depend on which reports the store holds, not
/// on the order they arrived in or on which ingests ran at once. Reports, their deliveries, API keys
/// and an analyst's separations are kept; events are read again with the models of this build. Run it
/// while nothing else writes to the store: the rebuilt file replaces the old one.
/// </summary>
public static class SqliteRelink
{
    /// <summary>Rebuilds the store at <paramref name="path"/>; returns the number of reports read again.</summary>
    public static int Run(string path, DocumentPipeline pipeline, IProgress<int>? progress = null)
    {
        if (!File.Exists(path)) throw new StoreException($"no database at '{path}'");
        var full = Path.GetFullPath(path);
        var rebuilt = full + ".relink";
        foreach (var leftover in new[] { rebuilt, rebuilt + "-wal", rebuilt + "-shm" }) File.Delete(leftover);
        // The old file whole, its log folded in, so that it can be read and then replaced.
        using (var old = SqliteDocumentStore.Open(full, create: false)) old.Checkpoint();

        int count = 0;
        using (var store = SqliteDocumentStore.Open(rebuilt, create: true))
        {
            store.CopyFrom(full, "api_keys", "event_separations"); // separations steer the linking below
            using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            source.Open();
            using var read = source.CreateCommand();
            read.CommandText = $"SELECT date, published, source, url, title, text, source_country, {FirstDeliveryColumns} FROM documents ORDER BY date, id";
            var batch = new List<Document>(256);
            using (store.ShareTransactions(2000))
            using (var r = read.ExecuteReader())
            {
                while (r.Read())
                {
                    var document = new Document(r.GetString(5), DateOnly.ParseExact(r.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), FirstDelivery(r, 7))
                    {
                        Published = r.IsDBNull(1) ? null : DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture),
                        Source = r.IsDBNull(2) ? null : r.GetString(2),
                        Url = r.IsDBNull(3) ? null : r.GetString(3),
                        Title = r.IsDBNull(4) ? null : r.GetString(4),
                        SourceCountry = r.IsDBNull(6) ? null : r.GetString(6),
                    };
                    pipeline.Process(document);
                    batch.Add(document);
                    if (batch.Count == batch.Capacity) Flush();
                }
                Flush();
            }
            // Each report's deliveries and first storing as they were, not as this rebuild made them.
            store.RestoreDeliveries(full);
            store.Checkpoint();

            void Flush()
            {
                if (batch.Count == 0) return;
                store.Store(batch);
                count += batch.Count;
                progress?.Report(count);
                batch.Clear();
            }
        }
        SqliteConnection.ClearAllPools();
        File.Move(rebuilt, full, overwrite: true);
        foreach (var log in new[] { full + "-wal", full + "-shm", rebuilt + "-wal", rebuilt + "-shm" }) File.Delete(log);
        SqliteLinkIndexes.For(full).Forget();
        return count;
    }
}
