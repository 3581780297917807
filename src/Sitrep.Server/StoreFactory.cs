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
    private long _writes;

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
            Interlocked.Increment(ref _writes);
            _writer.Release();
        }
    }

    /// <summary>
    /// What the read cache keys on: it changes whenever this server writes, and for an SQLite store
    /// whenever any process commits (the database file or its write-ahead log changes on disk), so a
    /// cached answer is never older than the store. A shared PostgreSQL store's writes by other processes
    /// show once the cached answer expires (<see cref="ReadCacheLifetime"/>).
    /// </summary>
    public string Version()
    {
        long writes = Interlocked.Read(ref _writes);
        if (_settings.Store.SqlitePath is not { } path) return writes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var database = new FileInfo(path);
        var log = new FileInfo(path + "-wal");
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{writes}:{database.Length}:{database.LastWriteTimeUtc.Ticks}:{(log.Exists ? log.Length : -1)}:{(log.Exists ? log.LastWriteTimeUtc.Ticks : 0)}");
    }

    /// <summary>How long a read's answer is kept: long where <see cref="Version"/> sees every change, short where it cannot.</summary>
    public TimeSpan ReadCacheLifetime => _settings.Store.IsPostgres ? TimeSpan.FromSeconds(2) : TimeSpan.FromMinutes(1);
}
