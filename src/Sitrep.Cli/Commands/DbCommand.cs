using System.CommandLine;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep db migrate</c>: bring a store's schema up to date.</summary>
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
        return new Command("db", "The store's schema") { migrate };
    }
}
