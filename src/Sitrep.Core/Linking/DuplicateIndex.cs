namespace Sitrep.Linking;

/// <summary>
/// The LSH band index of an embedded store's reports, in memory: each report's MinHash signature and
/// its band keys in an open-addressing multimap. It is rebuilt from the stored signatures (band keys
/// derive from them) and kept up to date as reports are stored, so a new report's duplicate
/// candidates cost twenty array probes instead of twenty B-tree searches, and storing a report writes
/// one signature row instead of twenty index entries. About 0.7 KB a report (64 MB at 100,000).
/// </summary>
internal sealed class DuplicateIndex
{
    // A story syndicated a thousand times shares its band keys with every copy: a key keeps its first
    // copies only, enough for any later copy to find some (and link through them), and no probe walks
    // a thousand-slot run.
    private const int MaxReportsPerKey = 64;

    private readonly List<string> _ids = [];
    private uint[] _signatures = new uint[1024 * MinHash.Size];
    // Slot: band key's low 32 bits above (report index + 1); 0 is empty. A key's 32 bits may collide
    // with another's: a candidate found so is weeded out by its signature's similarity, like any other.
    private ulong[] _slots = new ulong[1 << 16];
    private int _used;

    /// <summary>Reports indexed.</summary>
    public int Count => _ids.Count;

    /// <summary>Indexes a report under its signature's band keys.</summary>
    public void Add(string id, ReadOnlySpan<uint> signature, ReadOnlySpan<long> bandKeys)
    {
        if ((_used + bandKeys.Length) * 2 > _slots.Length) Grow();
        int report = _ids.Count;
        _ids.Add(id);
        if ((report + 1) * MinHash.Size > _signatures.Length) Array.Resize(ref _signatures, _signatures.Length * 2);
        signature.CopyTo(_signatures.AsSpan(report * MinHash.Size, MinHash.Size));
        foreach (long key in bandKeys) Insert((uint)key, report);
    }

    /// <summary>Up to <paramref name="limit"/> indexed reports sharing any of the band keys, each once, with their signatures.</summary>
    public List<(string Id, uint[] Signature)> Candidates(ReadOnlySpan<long> bandKeys, int limit)
    {
        var found = new List<(string, uint[])>();
        var seen = new HashSet<int>();
        int mask = _slots.Length - 1;
        foreach (long key in bandKeys)
        {
            uint k = (uint)key;
            for (int i = Home(k, mask); _slots[i] != 0 && found.Count < limit; i = (i + 1) & mask)
            {
                if ((uint)(_slots[i] >> 32) != k) continue;
                int report = (int)(uint)_slots[i] - 1;
                if (seen.Add(report)) found.Add((_ids[report], _signatures.AsSpan(report * MinHash.Size, MinHash.Size).ToArray()));
            }
        }
        return found;
    }

    private void Insert(uint key, int report)
    {
        int mask = _slots.Length - 1, same = 0, i = Home(key, mask);
        for (; _slots[i] != 0; i = (i + 1) & mask)
            if ((uint)(_slots[i] >> 32) == key && ++same >= MaxReportsPerKey) return;
        _slots[i] = ((ulong)key << 32) | (uint)(report + 1);
        _used++;
    }

    // Every report again, in the order they came (band keys derive from the signature), so the table
    // holds the same reports under each key however it grew.
    private void Grow()
    {
        _slots = new ulong[_slots.Length * 2];
        _used = 0;
        for (int report = 0; report < _ids.Count; report++)
        {
            var keys = MinHash.BandKeys(_signatures.AsSpan(report * MinHash.Size, MinHash.Size));
            foreach (long key in keys) Insert((uint)key, report);
        }
    }

    // Band keys are already well-mixed hashes: their low bits pick the home slot.
    private static int Home(uint key, int mask) => (int)(key & (uint)mask);
}
