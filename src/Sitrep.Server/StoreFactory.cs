using Sitrep.Storage;

namespace Sitrep.Server;

/// <summary>
/// Opens the store for each request: SQLite connections are not shared between threads, and WAL lets
/// any number of readers run beside the one writer (PostgreSQL's connections come from Npgsql's pool).
/// Writes are serialised here, one at a time.
/// </summary>
public sealed class StoreFactory
{
    private readonly ServerSettings _settings;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Lazy<bool> _migrated;

    /// <summary>A factory for the database in <paramref name="settings"/>.</summary>
    public StoreFactory(ServerSettings settings)
    {
        _settings = settings;
        // The first open creates the database or brings its schema up to date; later opens only read it.
        _migrated = new Lazy<bool>(() =>
        {
            settings.Store.Open().Dispose();
            return true;
        });
    }

    /// <summary>A store for one request; dispose it when done.</summary>
    public IDocumentStore Open()
    {
        _ = _migrated.Value;
        return _settings.Store.Open(create: false, pooled: true);
    }

    /// <summary>Runs <paramref name="write"/> with the store, after any other write has finished.</summary>
    public async Task<T> WriteAsync<T>(Func<IDocumentStore, T> write, CancellationToken cancel)
    {
        await _writer.WaitAsync(cancel);
        try
        {
            using var store = Open();
            return write(store);
        }
        finally
        {
            _writer.Release();
        }
    }
}
