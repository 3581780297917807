namespace Sitrep.Linking;

/// <summary>
/// The blocking index of an embedded store's incident heads, in memory: each dated head under its
/// disorder type and half-degree cell (when it has a point) and under its disorder type, country and
/// first-level division (when it has one). A new event's candidate heads are found by a few
/// dictionary probes instead of range scans of two SQLite indexes, and storing an event writes no
/// entry into indexes whose keys scatter it across the whole file. About 60 bytes a head.
/// </summary>
internal sealed class HeadIndex
{
    private readonly Dictionary<int, List<Entry>> _byCell = [];
    private readonly Dictionary<(int Family, string Country, string Admin1), List<Entry>> _byRegion = [];
    // Event ids that are not "{20 hex digits}-{ordinal}", kept whole (see EventKey).
    private readonly List<string> _otherIds = [];
    private readonly Dictionary<string, int> _otherIndex = new(StringComparer.Ordinal);

    /// <summary>Heads indexed.</summary>
    public int Count { get; private set; }

    /// <summary>Indexes a head; one without a date, or with a time precision linking never searches, is not indexed.</summary>
    public void Add(EventMention head)
    {
        if (!TryEntry(head, out var entry)) return;
        Count++;
        if (head is { Latitude: { } lat, Longitude: { } lon })
            ListOf(_byCell, CellKey(LinkCells.Family(head.EventType), LinkCells.Cell(lat, lon))).Add(entry);
        if (head is { Country: { } country, Admin1: { } admin1 })
            ListOf(_byRegion, (LinkCells.Family(head.EventType), country, admin1)).Add(entry);
    }

    /// <summary>Drops a head indexed by <see cref="Add"/> (an event no longer its incident's head).</summary>
    public void Remove(EventMention head)
    {
        if (!TryEntry(head, out var entry)) return;
        bool found = false;
        if (head is { Latitude: { } lat, Longitude: { } lon } && _byCell.TryGetValue(CellKey(LinkCells.Family(head.EventType), LinkCells.Cell(lat, lon)), out var cell))
            found |= RemoveFrom(cell, entry.Key);
        if (head is { Country: { } country, Admin1: { } admin1 } && _byRegion.TryGetValue((LinkCells.Family(head.EventType), country, admin1), out var region))
            found |= RemoveFrom(region, entry.Key);
        if (found) Count--;
    }

    /// <summary>
    /// Ids of the heads of disorder <paramref name="family"/> in <paramref name="cells"/> dated within the
    /// window of their and the searcher's time precisions, at most <paramref name="limit"/>: by time
    /// precision, cell, date and id, as the store's index once listed them.
    /// </summary>
    public List<string> Near(int family, IReadOnlyList<int> cells, DateOnly date, int timePrecision, int limit)
    {
        var found = new List<(Entry Entry, int Cell)>();
        foreach (int cell in cells.Distinct())
            if (_byCell.TryGetValue(CellKey(family, cell), out var entries))
                foreach (var entry in entries)
                    if (InWindow(entry, date.DayNumber, timePrecision)) found.Add((entry, cell));
        found.Sort((x, y) => x.Entry.TimePrecision.CompareTo(y.Entry.TimePrecision) is var c and not 0 ? c
            : x.Cell.CompareTo(y.Cell) is var d and not 0 ? d
            : CompareDayThenId(x.Entry, y.Entry));
        return [.. found.Take(limit).Select(f => IdOf(f.Entry.Key))];
    }

    /// <summary>
    /// Ids of the heads of disorder <paramref name="family"/> in one first-level division dated within the
    /// window, where either side is coded at region level (geo precision 3 or coarser), at most
    /// <paramref name="limit"/>: by time precision, date and id.
    /// </summary>
    public List<string> InRegion(int family, string country, string admin1, DateOnly date, int timePrecision, int geoPrecision, int limit)
    {
        if (!_byRegion.TryGetValue((family, country, admin1), out var entries)) return [];
        var found = new List<Entry>();
        foreach (var entry in entries)
            if ((entry.GeoPrecision >= 3 || geoPrecision >= 3) && InWindow(entry, date.DayNumber, timePrecision)) found.Add(entry);
        found.Sort((x, y) => x.TimePrecision.CompareTo(y.TimePrecision) is var c and not 0 ? c : CompareDayThenId(x, y));
        return [.. found.Take(limit).Select(e => IdOf(e.Key))];
    }

    private static bool InWindow(Entry entry, int day, int timePrecision) =>
        Math.Abs(entry.Day - day) <= IncidentMatcher.WindowDays(Math.Max(entry.TimePrecision, timePrecision));

    private int CompareDayThenId(Entry x, Entry y) =>
        x.Day.CompareTo(y.Day) is var c and not 0 ? c : string.CompareOrdinal(IdOf(x.Key), IdOf(y.Key));

    // Linking searches time precisions 1 to 3 (ACLED's); a head with another is never a candidate.
    private bool TryEntry(EventMention head, out Entry entry)
    {
        entry = default;
        if (head.Date is not { } date || head.TimePrecision is < 1 or > 3) return false;
        entry = new Entry(KeyOf(head.Id), date.DayNumber, (byte)head.TimePrecision, (byte)Math.Clamp(head.GeoPrecision, 0, 255));
        return true;
    }

    private static bool RemoveFrom(List<Entry> entries, EventKey key)
    {
        int i = entries.FindIndex(e => e.Key == key);
        if (i < 0) return false;
        entries[i] = entries[^1];
        entries.RemoveAt(entries.Count - 1);
        return true;
    }

    private static int CellKey(int family, int cell) => family * 1_000_000 + cell;

    private static List<Entry> ListOf<TKey>(Dictionary<TKey, List<Entry>> index, TKey key) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        return list;
    }

    private EventKey KeyOf(string id)
    {
        if (EventKey.TryParse(id) is { } key) return key;
        if (!_otherIndex.TryGetValue(id, out int known))
        {
            _otherIndex[id] = known = _otherIds.Count;
            _otherIds.Add(id);
        }
        return EventKey.Other(known);
    }

    private string IdOf(EventKey key) => key.IsOther ? _otherIds[key.OtherIndex] : key.ToString();

    private readonly record struct Entry(EventKey Key, int Day, byte TimePrecision, byte GeoPrecision);
}

/// <summary>
/// An event id, "{report id: 20 hex digits}-{ordinal}", in twelve bytes instead of a 23-character
/// string: the first 16 digits, then the last 4 above the ordinal. Any other id is
/// <see cref="Other"/>, an index into a list its owner keeps.
/// </summary>
internal readonly record struct EventKey(ulong High, uint Low)
{
    private const int HexDigits = Documents.DocumentId.Length;

    /// <summary>Whether this stands for an id kept elsewhere (ordinals start at 1, so Low's ordinal part is never 0 otherwise).</summary>
    public bool IsOther => (Low & 0xFFFF) == 0;

    /// <summary>The index of the id kept elsewhere.</summary>
    public int OtherIndex => (int)High;

    /// <summary>A key standing for the <paramref name="index"/>-th id kept elsewhere.</summary>
    public static EventKey Other(int index) => new((ulong)index, 0);

    /// <summary>The key of a well-formed id, or null.</summary>
    public static EventKey? TryParse(string id)
    {
        if (id.Length < HexDigits + 2 || id.Length > HexDigits + 6 || id[HexDigits] != '-' || id[HexDigits + 1] == '0') return null;
        ulong high = 0;
        uint last = 0;
        for (int i = 0; i < HexDigits; i++)
        {
            int digit = id[i] switch { >= '0' and <= '9' => id[i] - '0', >= 'a' and <= 'f' => id[i] - 'a' + 10, _ => -1 };
            if (digit < 0) return null;
            if (i < 16) high = high << 4 | (uint)digit;
            else last = last << 4 | (uint)digit;
        }
        uint ordinal = 0;
        for (int i = HexDigits + 1; i < id.Length; i++)
        {
            if (id[i] is < '0' or > '9') return null;
            ordinal = ordinal * 10 + (uint)(id[i] - '0');
        }
        return ordinal is >= 1 and <= 0xFFFF ? new EventKey(high, last << 16 | ordinal) : null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{High:x16}{Low >> 16:x4}-{Low & 0xFFFF}";
}
