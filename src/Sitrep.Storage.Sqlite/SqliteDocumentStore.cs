using System.Globalization;
using static Sitrep.Storage.StoredRows;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Linking;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, schema migrated on open, FTS5 full-text index.
/// Each <see cref="Store"/> call is one transaction, so a killed process loses at most the open batch;
/// an ingest shares transactions across calls (<see cref="ShareTransactions"/>).
/// Not thread-safe: one writer per process.
/// </summary>
public sealed partial class SqliteDocumentStore : IDocumentStore
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;
    private readonly SqliteLinkIndexes _linkIndexes;
    private SqliteCommand? _insertDocument, _indexText, _insertDelivery;
    private string? _lastFile;
    private string _lastFullPath = "";

    private SqliteDocumentStore(SqliteConnection connection, TimeProvider clock, SqliteLinkIndexes linkIndexes)
    {
        _connection = connection;
        _clock = clock;
        _linkIndexes = linkIndexes;
    }

    /// <inheritdoc/>
    public Layer StoredLayers => StoreSchema.StoredLayers;

    /// <summary>The schema version this build writes.</summary>
    public static int SchemaVersion => SqliteMigrations.Steps.Length;

    /// <summary>
    /// Opens the database at <paramref name="path"/> and brings its schema up to date; creates it
    /// (and its folder) when <paramref name="create"/> is true, else a missing file is an error.
    /// A <paramref name="pooled"/> store returns its connection to a pool when disposed, keeping the
    /// connection's page cache warm for the next: what a server opening a store per request wants.
    /// </summary>
    public static SqliteDocumentStore Open(string path, TimeProvider? clock = null, bool create = true, bool pooled = false) =>
        Open(path, clock, create, pooled, SqliteLinkIndexes.For(path));

    /// <summary>Opens a store that keeps linking's in-memory indexes to itself, as another process would.</summary>
    internal static SqliteDocumentStore OpenAsAnotherProcess(string path) => Open(path, null, create: true, pooled: false, new SqliteLinkIndexes());

    private static SqliteDocumentStore Open(string path, TimeProvider? clock, bool create, bool pooled, SqliteLinkIndexes linkIndexes)
    {
        if (!create && !File.Exists(path))
            throw new StoreException($"no database at '{path}': run 'sitrep ingest PATH --db {path}' first");
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = pooled,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            connection.Open();
            // 16 KiB pages (set before the first table exists) hold several reports each and make
            // ingest about 25% faster than the default 4 KiB; WAL lets readers run during an ingest.
            // Checkpoints every 8,192 pages (128 MB of log) rather than SQLite's 1,000: a batch of 250
            // reports dirties more than 1,000 pages, so the default copied the log into the database
            // at nearly every commit; this cut commit time by a fifth (ingest bench, 20,000 reports).
            Execute(connection, "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; " +
                                "PRAGMA busy_timeout = 10000; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 8192;");
            Migrate(connection);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection.Dispose();
            throw new StoreException($"cannot open database '{path}': {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return new SqliteDocumentStore(connection, clock ?? TimeProvider.System, linkIndexes);
    }

    /// <summary>
    /// Whether storing links new reports to their near-duplicates and their events to incidents
    /// (default true). Off only to measure what linking costs: reports stored without it stay unlinked.
    /// </summary>
    public bool Linking { get; set; } = true;

    /// <inheritdoc/>
    public void Prepare(Document document)
    {
        StoredReading.Encode(document);
        if (Linking) ReportLinker.Prepare(document);
    }

    private static void Migrate(SqliteConnection connection)
    {
        int version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
            throw new StoreException($"the database has schema version {version}, newer than this sitrep understands ({SchemaVersion}); upgrade sitrep");
        if (version == SchemaVersion) return;

        using var transaction = connection.BeginTransaction();
        for (int step = version; step < SchemaVersion; step++)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = SqliteMigrations.Steps[step] + $"\nPRAGMA user_version = {step + 1};";
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <inheritdoc/>
    public StoreOutcome Store(IReadOnlyList<Document> batch)
    {
        if (batch.Count == 0) return default;
        PrepareCommands();
        int added = 0;
        long firstNewRow = 0;
        string now = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var transaction = _shared ?? _connection.BeginTransaction();
        _shared = null;
        _insertDocument!.Transaction = _indexText!.Transaction = _insertDelivery!.Transaction = _insertEvent!.Transaction = transaction;
        try
        {
            var newDocuments = new List<Document>();
            foreach (var document in batch)
            {
                if (InsertDocument(document, now))
                {
                    if (added++ == 0) firstNewRow = LastInsertRowid();
                    newDocuments.Add(document); // its events only with its first copy: a re-run stores nothing twice
                }
                InsertDelivery(document, now);
            }
            if (added > 0)
            {
                // Linking stores each report's events as it decides their incidents.
                if (Linking) LinkNewDocuments(newDocuments, transaction);
                else
                {
                    foreach (var document in newDocuments) InsertEvents(document, incidents: null);
                    _linkIndexes.ForgetHeads(); // they head incidents of their own, which the index does not hold
                }
                // New rows get consecutive rowids above every older row. Indexing them in one statement
                // is about twice as fast as one FTS5 insert per document.
                _indexText.Parameters["$first"].Value = firstNewRow;
                _indexText.ExecuteNonQuery();
                _uncommitted += added;
                if (_sharing > 0) CountForDeferral(added, transaction);
            }
            if (_sharing > 0 && _uncommitted < _sharing) _shared = transaction;
            else Commit(transaction);
        }
        catch
        {
            Abandon(transaction);
            throw;
        }
        return new StoreOutcome(added, batch.Count - added);
    }

    // A shared transaction stays open across Store calls until it holds this many new reports (0: none shared).
    private int _sharing;
    private SqliteTransaction? _shared;
    private int _uncommitted;

    /// <inheritdoc/>
    public IDisposable ShareTransactions(int documents)
    {
        if (_sharing > 0) throw new InvalidOperationException("transactions are already shared");
        _sharing = Math.Max(1, documents);
        StartSession();
        return new SharedTransactions(this);
    }

    private sealed class SharedTransactions(SqliteDocumentStore store) : IDisposable
    {
        public void Dispose()
        {
            store._sharing = 0;
            if (store._shared is { } open)
            {
                store._shared = null;
                try
                {
                    store.Commit(open);
                }
                catch
                {
                    store.Abandon(open);
                    throw;
                }
            }
            store.RestoreListingIndexes();
        }
    }

    // Commits with the link generation moved on when reports were added; the head index, if any, followed them.
    private void Commit(SqliteTransaction transaction)
    {
        long generation = _uncommitted > 0 ? NextLinkGeneration(transaction) : -1;
        transaction.Commit();
        transaction.Dispose();
        if (_uncommitted > 0) _linkIndexes.HeadsGeneration = generation;
        _uncommitted = 0;
    }

    // Rolls back, and drops linking's in-memory indexes: they may hold what the rollback took back.
    private void Abandon(SqliteTransaction transaction)
    {
        transaction.Dispose();
        _uncommitted = 0;
        _linkIndexes.Forget();
    }

    // True when the document was new (not already stored).
    private bool InsertDocument(Document d, string now)
    {
        var p = _insertDocument!.Parameters;
        p["$id"].Value = d.Id;
        p["$date"].Value = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        p["$published"].Value = d.Published is { } t ? t.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value;
        p["$source"].Value = (object?)d.Source ?? DBNull.Value;
        p["$url"].Value = (object?)d.Url ?? DBNull.Value;
        p["$title"].Value = (object?)d.Title ?? DBNull.Value;
        p["$text"].Value = d.Text;
        p["$words"].Value = d.WordCount;
        p["$sentence_count"].Value = d.Sentences.Length;
        p["$sentences"].Value = RangeBlob(d.Sentences, s => s.Range);
        p["$paragraphs"].Value = RangeBlob(d.Paragraphs, r => r);
        p["$stored_at"].Value = now;
        p["$source_country"].Value = (object?)d.SourceCountry ?? DBNull.Value;
        p["$reading"].Value = StoredReading.Encode(d);
        return _insertDocument.ExecuteNonQuery() == 1;
    }

    private long LastInsertRowid()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT last_insert_rowid()";
        return (long)command.ExecuteScalar()!;
    }

    private void InsertDelivery(Document d, string now)
    {
        var p = _insertDelivery!.Parameters;
        p["$document_id"].Value = d.Id;
        p["$source"].Value = d.Source ?? "";
        p["$file"].Value = FullPath(d.Origin.File);
        p["$line"].Value = (object?)d.Origin.Line ?? DBNull.Value;
        p["$external_id"].Value = (object?)d.ExternalId ?? DBNull.Value;
        p["$url"].Value = (object?)d.Url ?? DBNull.Value;
        p["$delivered_at"].Value = now;
        _insertDelivery.ExecuteNonQuery();
    }

    // Resolved once per file: a batch usually comes from one file.
    private string FullPath(string file)
    {
        if (file != _lastFile)
        {
            _lastFile = file;
            _lastFullPath = DeliveryFile(file);
        }
        return _lastFullPath;
    }

    private void PrepareCommands()
    {
        if (_insertDocument is not null) return;
        _insertDocument = Prepare("""
            INSERT INTO documents (id, date, published, source, url, title, text, words, sentence_count, sentences, paragraphs, stored_at, source_country, reading)
            VALUES ($id, $date, $published, $source, $url, $title, $text, $words, $sentence_count, $sentences, $paragraphs, $stored_at, $source_country, $reading)
            ON CONFLICT (id) DO NOTHING
            """, "$id", "$date", "$published", "$source", "$url", "$title", "$text", "$words", "$sentence_count", "$sentences", "$paragraphs", "$stored_at", "$source_country", "$reading");
        _indexText = Prepare("INSERT INTO documents_fts (rowid, title, text) SELECT rowid, title, text FROM documents WHERE rowid >= $first", "$first");
        _insertDelivery = Prepare("""
            INSERT INTO deliveries (document_id, source, file, line, external_id, url, delivered_at)
            VALUES ($document_id, $source, $file, $line, $external_id, $url, $delivered_at)
            ON CONFLICT DO NOTHING
            """, "$document_id", "$source", "$file", "$line", "$external_id", "$url", "$delivered_at");
        _insertEvent = PrepareEventInsert();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    /// <inheritdoc/>
    public StoreStats GetStats()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = StatsSql;
        using var r = command.ExecuteReader();
        r.Read();
        return ReadStats(r, SchemaVersion);
    }

    /// <inheritdoc/>
    public IReadOnlyList<DocumentSummary> ListDocuments(DocumentQuery query) => DocumentListing.List(_connection, SqliteDialect.Instance, query);

    /// <inheritdoc/>
    public StoredDocument? GetDocument(string id) => StoredRows.Document(_connection, id);

    /// <inheritdoc/>
    public Document? GetReading(string id) => StoredRows.Reading(_connection, id);

    /// <inheritdoc/>
    public IReadOnlyList<SearchHit> Search(string query, int limit)
    {
        try
        {
            return RunSearch(query, limit);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1) // SQLITE_ERROR: the query is not valid FTS5 syntax
        {
            // A stray quote or operator: search for the words as typed.
            return RunSearch(QuoteTerms(query), limit);
        }
    }

    private IReadOnlyList<SearchHit> RunSearch(string match, int limit)
    {
        if (string.IsNullOrWhiteSpace(match)) return [];
        using var command = _connection.CreateCommand();
        command.CommandText = $"""
            SELECT d.id, d.date, d.source, d.title,
                   snippet(documents_fts, 1, char({(int)SearchHit.MatchStart}), char({(int)SearchHit.MatchEnd}), '…', 16),
                   bm25(documents_fts)
            FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
            WHERE documents_fts MATCH $query
            ORDER BY bm25(documents_fts)
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$query", match);
        command.Parameters.AddWithValue("$limit", limit);
        var hits = new List<SearchHit>();
        using var r = command.ExecuteReader();
        while (r.Read())
            hits.Add(ReadSearchHit(r, -r.GetDouble(5))); // bm25: lower is better
        return hits;
    }

    internal static string QuoteTerms(string query) => string.Join(' ',
        query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
             .Select(t => t.Replace("\"", ""))
             .Where(t => t.Any(char.IsLetterOrDigit))
             .Select(t => $"\"{t}\""));

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_shared is { } open) Abandon(open); // a session not ended: what it did not commit is lost, as in a crash
        _insertDocument?.Dispose();
        _indexText?.Dispose();
        _insertDelivery?.Dispose();
        _insertEvent?.Dispose();
        foreach (var command in _linkCommands.Values) command.Dispose();
        _connection.Dispose();
    }
}
