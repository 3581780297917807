using Sitrep.Storage.Sqlite;
using Npgsql;
using Sitrep.Storage;
using Sitrep.Storage.Postgres;

namespace Sitrep.Tests.Support;

/// <summary>
/// The stores the store suite runs against: SQLite always, PostgreSQL when <c>SITREP_POSTGRES</c> holds
/// a connection string (.ci/run starts a throwaway server and sets it, with
/// <c>SITREP_POSTGRES_TESTS=required</c> so a missing server fails instead of skipping). Each test gets
/// a fresh SQLite file or a fresh PostgreSQL schema.
/// </summary>
internal static class TestStores
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static string? ConnectionString => Environment.GetEnvironmentVariable("SITREP_POSTGRES") is { Length: > 0 } s ? s : null;

    public static bool PostgresRequired => Environment.GetEnvironmentVariable("SITREP_POSTGRES_TESTS") == "required";

    /// <summary>Store kinds for a [Theory]: PostgreSQL only when a server is configured (or required, so its absence fails).</summary>
    public static TheoryData<string> Kinds
    {
        get
        {
            var kinds = new TheoryData<string> { Sqlite };
            if (ConnectionString is not null || PostgresRequired) kinds.Add(Postgres);
            return kinds;
        }
    }

    /// <summary>A new, empty store of <paramref name="kind"/>; SQLite's file lives in <paramref name="dir"/>.</summary>
    public static IDocumentStore Open(string kind, TempDirectory dir) => kind switch
    {
        Sqlite => SqliteDocumentStore.Open(dir.File("store.db")),
        Postgres => PostgresDocumentStore.Open(FreshSchema(), migrate: true),
        _ => throw new ArgumentException($"unknown store kind {kind}"),
    };

    /// <summary>The connection string of a new, empty schema in the test server (extensions stay in public).</summary>
    public static string FreshSchema()
    {
        var connection = ConnectionString ?? throw new InvalidOperationException("SITREP_POSTGRES is not set: start a server with '.ci/postgres start DIR' and export the string it prints");
        string schema = "t_" + Guid.NewGuid().ToString("N")[..16];
        using (var admin = new NpgsqlConnection(connection))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(connection) { SearchPath = $"{schema},public" }.ToString();
    }
}

/// <summary>A test that needs the PostgreSQL test server: skipped, saying how to start one, unless it is configured or required.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestStores.ConnectionString is null && !TestStores.PostgresRequired)
            Skip = "PostgreSQL tests need a server: export SITREP_POSTGRES=$(.ci/postgres start /tmp/sitrep-pg) (needs apt-get install postgresql postgis)";
    }
}
