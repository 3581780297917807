using Sitrep.Linking;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// Linking's in-memory indexes of one database file, shared by every store of it in this process (a
/// server opens a store per request, and reading a large store's signatures and heads anew for each
/// would cost more than the request): the near-duplicate band index and the incident-head index.
/// They are read and changed only inside a write transaction, which SQLite grants one connection at
/// a time, so stores of one database never change them together.
/// </summary>
internal sealed class SqliteLinkIndexes
{
    // A process rarely writes to more than one database; tests open hundreds, each small.
    private const int MaxShared = 8;
    private static readonly Dictionary<string, SqliteLinkIndexes> Shared = new(StringComparer.Ordinal);
    private static readonly Queue<string> SharedOrder = new();

    /// <summary>The indexes of the database at <paramref name="path"/>.</summary>
    public static SqliteLinkIndexes For(string path)
    {
        string key = Path.GetFullPath(path);
        lock (Shared)
        {
            if (Shared.TryGetValue(key, out var known)) return known;
            if (Shared.Count == MaxShared) Shared.Remove(SharedOrder.Dequeue());
            SharedOrder.Enqueue(key);
            return Shared[key] = new SqliteLinkIndexes();
        }
    }

    /// <summary>The band index, and the seq of the last stored signature it holds.</summary>
    public DuplicateIndex? Duplicates { get; set; }

    /// <inheritdoc cref="Duplicates"/>
    public long SignaturesIndexed { get; set; }

    /// <summary>
    /// The head index, and the store's link generation it reflects. Every transaction that changes
    /// events moves the generation on; a head index of an older one is read again.
    /// </summary>
    public HeadIndex? Heads { get; set; }

    /// <inheritdoc cref="Heads"/>
    public long HeadsGeneration { get; set; } = -1;

    /// <summary>The store's count of settlings the band index reflects (<c>link_state.settled</c>).</summary>
    public long Settled { get; set; } = -1;

    /// <summary>Drops both indexes: a rolled-back batch may have added what the database no longer holds.</summary>
    public void Forget()
    {
        Duplicates = null;
        SignaturesIndexed = 0;
        ForgetHeads();
    }

    /// <summary>Drops the head index, to be read again when next needed.</summary>
    public void ForgetHeads()
    {
        Heads = null;
        HeadsGeneration = -1;
    }
}
