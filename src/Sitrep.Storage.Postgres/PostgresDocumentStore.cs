using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Sitrep.Documents;
using Sitrep.Linking;
using static Sitrep.Storage.StoredRows;

namespace Sitrep.Storage.Postgres;

/// <summary>
/// The shared store: a PostgreSQL database (with PostGIS) that many ingest workers write and many
/// analysts read at once. Each <see cref="Store"/> call is one transaction; linking inside it is
/// serialised across workers by an advisory lock (see <see cref="Store"/>). One instance holds one
/// connection: not thread-safe, one per worker thread or request.
/// </summary>
public sealed partial class PostgresDocumentStore : IDocumentStore
{
    private readonly NpgsqlConnection _connection;
    private readonly TimeProvider _clock;

    // Advisory lock keys (arbitrary constants) of the linking step and of migrations: every worker
    // running this code takes the same ones.
    private const long LinkingLock = 0x5174_7265_704C_696E;
    private const long MigrationLock = 0x5174_7265_704D_6967;

    private PostgresDocumentStore(NpgsqlConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
    }

    /// <summary>The layers the PostgreSQL store keeps: the same as the SQLite store's.</summary>
    public Layer StoredLayers => StoreSchema.StoredLayers;

    /// <summary>The schema version this build writes.</summary>
    public static int SchemaVersion => PostgresMigrations.Steps.Length;

    /// <summary>
    /// Connects to the database named by an Npgsql <paramref name="connectionString"/>. Its schema must be
    /// current: <paramref name="migrate"/> brings it up to date first (what <c>sitrep db migrate</c> does),
    /// else an older schema is an error that says to migrate.
    /// </summary>
    public static PostgresDocumentStore Open(string connectionString, TimeProvider? clock = null, bool migrate = false)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = new NpgsqlConnection(Tuned(connectionString));
            connection.Open();
            int version = migrate ? Migrate(connection) : CurrentVersion(connection);
            if (version < SchemaVersion)
                throw new StoreException($"the PostgreSQL database has schema version {version}, older than this sitrep's ({SchemaVersion}): run 'sitrep db migrate --postgres CONN'");
            if (version > SchemaVersion)
                throw new StoreException($"the PostgreSQL database has schema version {version}, newer than this sitrep understands ({SchemaVersion}); upgrade sitrep");
            return new PostgresDocumentStore(connection, clock ?? TimeProvider.System);
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            connection?.Dispose();
            throw new StoreException($"cannot open {Describe(connectionString)}: {e.Message}", e);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    // Linking runs the same few statements for every event: Npgsql prepares them on the server after a
    // few uses, unless the connection string says otherwise.
    private static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Max Auto Prepare")) builder.MaxAutoPrepare = 64;
        return builder.ToString();
    }

    /// <summary>Applies the missing schema steps; returns the version reached.</summary>
    public static int Migrate(string connectionString)
    {
        using var store = Open(connectionString, migrate: true);
        return SchemaVersion;
    }

    private static int Migrate(NpgsqlConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})");
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
        int version = Convert.ToInt32(Scalar(connection, transaction, "SELECT coalesce(max(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture);
        for (int step = version; step < SchemaVersion; step++)
        {
            Execute(connection, transaction, PostgresMigrations.Steps[step]);
            Execute(connection, transaction, $"INSERT INTO schema_migrations (version) VALUES ({step + 1})");
        }
        transaction.Commit();
        return Math.Max(version, SchemaVersion);
    }

    // The store's tables live in the connection's current schema (the first of its search path).
    private static int CurrentVersion(NpgsqlConnection connection) =>
        Scalar(connection, null, "SELECT to_regclass(quote_ident(current_schema()) || '.schema_migrations') IS NOT NULL") is true
            ? Convert.ToInt32(Scalar(connection, null, "SELECT coalesce(max(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture)
            : 0;

    /// <summary>The server and database of a connection string, never its password.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
        }
        catch (ArgumentException)
        {
            return "malformed connection string";
        }
    }

    /// <summary>
    /// Stores a batch in one transaction. Documents are written under row locks only, so several
    /// workers store at once; a document two workers race to store is kept once (the second waits on
    /// the first's key, then finds it there). Linking then takes one transaction-scoped advisory lock
    /// until commit and stores each new report's events in the incidents it decides: each worker's
    /// linking reads every batch linked before it, as it would in a single process, and the same
    /// reports give the same incidents in any order.
    /// </summary>
    public StoreOutcome Store(IReadOnlyList<Document> batch) => StoreBatch(batch, []);

    /// <inheritdoc/>
    public void Prepare(Document document)
    {
        StoredReading.Encode(document);
        ReportLinker.Prepare(document);
    }

    /// <summary>
    /// Stores the documents made from claimed work rows and marks those rows done, in one transaction:
    /// a worker that dies before the commit leaves both undone, and the rows go to another worker.
    /// </summary>
    public StoreOutcome StoreWork(IReadOnlyList<Document> batch, IReadOnlyList<long> workIds) => StoreBatch(batch, workIds);

    private StoreOutcome StoreBatch(IReadOnlyList<Document> batch, IReadOnlyList<long> workIds)
    {
        if (batch.Count == 0 && workIds.Count == 0) return default;
        var now = _clock.GetUtcNow();
        using var transaction = _connection.BeginTransaction();
        var added = new List<Document>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in batch)
        {
            if (seen.Add(document.Id) && InsertDocument(document, now, transaction)) added.Add(document);
            InsertDelivery(document, now, transaction);
        }
        // Linking stores each new report's events as it decides their incidents.
        if (added.Count > 0)
        {
            Execute(_connection, transaction, $"SELECT pg_advisory_xact_lock({LinkingLock})");
            ReportLinker.Link(added, new LinkData(this, transaction));
        }
        if (workIds.Count > 0)
        {
            using var done = new NpgsqlCommand("UPDATE work SET state = 'done', done_at = now(), leased_until = NULL WHERE id = ANY(@ids)", _connection, transaction);
            done.Parameters.AddWithValue("ids", workIds.ToArray());
            done.ExecuteNonQuery();
        }
        transaction.Commit();
        return new StoreOutcome(added.Count, batch.Count - added.Count);
    }

    private bool InsertDocument(Document d, DateTimeOffset now, NpgsqlTransaction transaction)
    {
        using var command = new NpgsqlCommand("""
            INSERT INTO documents (id, date, published, source, url, title, text, words, sentence_count, sentences, paragraphs, stored_at, source_country, reading)
            VALUES (@id, @date, @published, @source, @url, @title, @text, @words, @sentence_count, @sentences, @paragraphs, @stored_at, @source_country, @reading)
            ON CONFLICT (id) DO NOTHING
            """, _connection, transaction);
        var p = command.Parameters;
        p.AddWithValue("id", d.Id);
        p.AddWithValue("date", d.Date);
        p.AddWithValue("published", NpgsqlDbType.TimestampTz, d.Published is { } t ? t.UtcDateTime : DBNull.Value);
        p.AddWithValue("source", NpgsqlDbType.Text, (object?)d.Source ?? DBNull.Value);
        p.AddWithValue("url", NpgsqlDbType.Text, (object?)d.Url ?? DBNull.Value);
        p.AddWithValue("title", NpgsqlDbType.Text, (object?)d.Title ?? DBNull.Value);
        p.AddWithValue("text", d.Text);
        p.AddWithValue("words", d.WordCount);
        p.AddWithValue("sentence_count", d.Sentences.Length);
        p.AddWithValue("sentences", RangeBlob(d.Sentences, s => s.Range));
        p.AddWithValue("paragraphs", RangeBlob(d.Paragraphs, r => r));
        p.AddWithValue("stored_at", now.UtcDateTime);
        p.AddWithValue("source_country", NpgsqlDbType.Text, (object?)d.SourceCountry ?? DBNull.Value);
        p.AddWithValue("reading", StoredReading.Encode(d));
        return command.ExecuteNonQuery() == 1;
    }

    private void InsertDelivery(Document d, DateTimeOffset now, NpgsqlTransaction transaction)
    {
        using var command = new NpgsqlCommand("""
            INSERT INTO deliveries (document_id, source, file, line, external_id, url, delivered_at)
            VALUES (@document_id, @source, @file, @line, @external_id, @url, @delivered_at)
            ON CONFLICT DO NOTHING
            """, _connection, transaction);
        var p = command.Parameters;
        p.AddWithValue("document_id", d.Id);
        p.AddWithValue("source", d.Source ?? "");
        p.AddWithValue("file", DeliveryFile(d.Origin.File));
        p.AddWithValue("line", NpgsqlDbType.Integer, (object?)d.Origin.Line ?? DBNull.Value);
        p.AddWithValue("external_id", NpgsqlDbType.Text, (object?)d.ExternalId ?? DBNull.Value);
        p.AddWithValue("url", NpgsqlDbType.Text, (object?)d.Url ?? DBNull.Value);
        p.AddWithValue("delivered_at", now.UtcDateTime);
        command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public StoreStats GetStats()
    {
        using var command = new NpgsqlCommand(StatsSql, _connection);
        using var r = command.ExecuteReader();
        r.Read();
        return ReadStats(r, SchemaVersion);
    }

    /// <inheritdoc/>
    public IReadOnlyList<DocumentSummary> ListDocuments(DocumentQuery query) => DocumentListing.List(_connection, PostgresDialect.Instance, query);

    /// <inheritdoc/>
    public StoredDocument? GetDocument(string id) => StoredRows.Document(_connection, id);

    /// <inheritdoc/>
    public Document? GetReading(string id) => StoredRows.Reading(_connection, id);

    /// <summary>
    /// Full-text search over title and text: every word must occur ("quoted phrases", or, -excluded
    /// as in a web search box; any input is valid), ranked by cover density, title words weighing more.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string query, int limit)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        using var command = new NpgsqlCommand($"""
            SELECT d.id, d.date, d.source, d.title,
                   ts_headline('sitrep', d.text, q, 'StartSel=' || chr({(int)SearchHit.MatchStart}) || ', StopSel=' || chr({(int)SearchHit.MatchEnd}) || ', MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=…'),
                   ts_rank_cd(d.search, q)
            FROM documents d, websearch_to_tsquery('sitrep', @query) q
            WHERE d.search @@ q
            ORDER BY 6 DESC, d.seq
            LIMIT @limit
            """, _connection);
        command.Parameters.AddWithValue("query", query);
        command.Parameters.AddWithValue("limit", limit);
        var hits = new List<SearchHit>();
        using var r = command.ExecuteReader();
        while (r.Read())
            hits.Add(ReadSearchHit(r, r.GetFloat(5)));
        return hits;
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        return command.ExecuteScalar();
    }

    /// <summary>The store's connection, for the work queue's statements (<see cref="WorkQueue"/>).</summary>
    public NpgsqlConnection Connection => _connection;

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();
}
