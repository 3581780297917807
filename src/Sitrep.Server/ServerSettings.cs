using Sitrep.Storage;

namespace Sitrep.Server;

/// <summary>The server's settings, from the "Sitrep" configuration section.</summary>
public sealed record ServerSettings
{
    /// <summary>
    /// The store served: the PostgreSQL database of <c>Sitrep:Postgres</c> (an Npgsql connection string)
    /// when set, else the SQLite file of <c>Sitrep:Database</c> (default <c>sitrep.db</c> in the working directory).
    /// </summary>
    public required StoreLocation Store { get; init; }

    /// <summary>When true, read endpoints need an API key too (<c>Sitrep:RequireKeyForReads</c>).</summary>
    public bool RequireKeyForReads { get; init; }

    /// <summary>Largest request body accepted, in bytes (<c>Sitrep:MaxBodyBytes</c>; default 8 MiB).</summary>
    public long MaxBodyBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Write requests allowed per key (or client address) per minute (<c>Sitrep:WritesPerMinute</c>).</summary>
    public int WritesPerMinute { get; init; } = 60;

    /// <summary>Reads the settings from <paramref name="configuration"/>.</summary>
    public static ServerSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Sitrep");
        return new ServerSettings
        {
            Store = section["Postgres"] is { Length: > 0 } postgres
                ? StoreLocation.Postgres(postgres)
                : StoreLocation.Sqlite(section["Database"] is { Length: > 0 } db ? db : "sitrep.db"),
            RequireKeyForReads = section.GetValue("RequireKeyForReads", false),
            MaxBodyBytes = section.GetValue("MaxBodyBytes", 8L * 1024 * 1024),
            WritesPerMinute = section.GetValue("WritesPerMinute", 60),
        };
    }
}
