using Sitrep.Storage.Sqlite;
using System.CommandLine;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Storage.Postgres;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep db migrate|relink</c>: bring a store's schema up to date, rebuild its incidents in a fixed order.</summary>
internal static class DbCommand
{
    public static Command Create(CliContext context)
    {
        var migrate = new Command("migrate", "Create the store's tables or apply the schema steps it lacks (PostgreSQL: run once before workers and servers; SQLite files migrate themselves on open)");
        var database = CommonOptions.Store(migrate);
        migrate.SetAction(parse =>
        {
            var location = database.Location(parse);
            try
            {
                using var store = location.Open(migrate: true);
                context.Out.WriteLine($"{location}: schema version {store.GetStats().SchemaVersion}");
                return SitrepCli.Ok;
            }
            catch (StoreException e)
            {
                context.Error.WriteLine($"sitrep: {e.Message}");
                return SitrepCli.Fatal;
            }
        });
        return new Command("db", "The store itself: its schema, and rebuilding its incidents") { migrate, Relink(context) };
    }

    private static Command Relink(CliContext context)
    {
        var relink = new Command("relink", "Read every stored report again in a fixed order (date, then id) and rebuild events and incidents from scratch, so that they depend on which reports the store holds, not on the order they came in (embedded store: run it while nothing else writes; shared store: one transaction, workers wait for it)");
        var database = CommonOptions.Store(relink);
        relink.SetAction(parse =>
        {
            var location = database.Location(parse);
            try
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var progress = new EveryTenThousand(n => context.Error.WriteLine($"relink: {n:N0} reports read again"));
                var pipeline = StandardStages.Default.Providing(StoreSchema.StoredLayers);
                int reports;
                if (location.PostgresConnection is { } connection)
                {
                    using var shared = PostgresDocumentStore.Open(connection);
                    reports = shared.Relink(pipeline, progress);
                }
                else reports = SqliteRelink.Run(location.SqlitePath!, pipeline, progress);
                using var store = location.Open(create: false);
                int incidents = store.CountEvents(new EventQuery(IncidentsOnly: true));
                context.Out.WriteLine($"{location}: {reports:N0} reports read again into {incidents:N0} incidents, {clock.Elapsed.TotalSeconds:N0} s");
                return SitrepCli.Ok;
            }
            catch (Exception e) when (e is StoreException or IOException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
            {
                context.Error.WriteLine($"sitrep: {e.Message}");
                return SitrepCli.Fatal;
            }
        });
        return relink;
    }

    // Says how far a long rebuild has got, on the rebuilding thread (so it prints in order).
    private sealed class EveryTenThousand(Action<int> say) : IProgress<int>
    {
        private int _said;

        public void Report(int value)
        {
            if (value / 10_000 <= _said) return;
            _said = value / 10_000;
            say(value);
        }
    }
}
