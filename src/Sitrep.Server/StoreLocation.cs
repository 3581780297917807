using Sitrep.Storage;
using Sitrep.Storage.Sqlite;
using Sitrep.Storage.Postgres;

namespace Sitrep.Server;

/// <summary>
/// Which store a command or server uses: an embedded SQLite file, or a shared PostgreSQL database
/// named by an Npgsql connection string. The one place that turns a location into an open store.
/// </summary>
public sealed record StoreLocation(string? SqlitePath, string? PostgresConnection)
{
    /// <summary>An SQLite file.</summary>
    public static StoreLocation Sqlite(string path) => new(Path.GetFullPath(path), null);

    /// <summary>A PostgreSQL database.</summary>
    public static StoreLocation Postgres(string connectionString) => new(null, connectionString);

    /// <summary>Whether this is a shared PostgreSQL database.</summary>
    public bool IsPostgres => PostgresConnection is not null;

    /// <summary>
    /// Opens the store. SQLite creates a missing file when <paramref name="create"/> and migrates on open;
    /// PostgreSQL's schema is migrated by <c>sitrep db migrate</c> (or here, with <paramref name="migrate"/>).
    /// </summary>
    public IDocumentStore Open(bool create = true, bool pooled = false, bool migrate = false) => PostgresConnection is { } connection
        ? PostgresDocumentStore.Open(connection, migrate: migrate)
        : SqliteDocumentStore.Open(SqlitePath!, create: create, pooled: pooled);

    /// <summary>How the location reads in messages: the file, or the server and database (never a password).</summary>
    public override string ToString() => PostgresConnection is { } connection ? PostgresDocumentStore.Describe(connection) : SqlitePath!;
}
