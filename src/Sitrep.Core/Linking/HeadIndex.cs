namespace Sitrep.Linking;

/// <summary>
/// An embedded store's incident heads, in memory: each dated head with what linking compares of it,
/// indexed under its disorder type and half-degree cell (when it has a point) and under its disorder
/// type, country and first-level division (when it has one), each split by time precision and by a
/// span of days as wide as that precision's window. A new event's candidates are found by a few
/// dictionary probes, reading only the heads dated within its window (a year of reports piles
/// thousands of heads into a city's cell), and tested here with <see cref="IncidentMatcher.Matches"/>,
/// so only the heads it matches are handed back and no stored row is read to find them; storing an
/// event writes no entry into indexes whose keys would scatter it across the whole file. About 130
/// bytes a head.
/// </summary>
internal sealed class HeadIndex
{
    private readonly List<Head> _heads = [];
    private readonly Stack<int> _freeSlots = new();
    private readonly Dictionary<EventKey, int> _slotOfHead = [];
    private readonly Dictionary<EventKey, int> _slotOfIncident = [];
    private readonly Dictionary<(int Cell, int Span), List<int>> _byCell = [];
    private readonly Dictionary<(int Family, int Country, int Admin1, int Span), List<int>> _byRegion = [];
    // Event ids that are not "{20 hex digits}-{ordinal}", kept whole (see EventKey).
    private readonly List<string> _otherIds = [];
    private readonly Dictionary<string, int> _otherIndex = new(StringComparer.Ordinal);
    // Types, countries, divisions and actors, each kept once.
    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _nameIndex = new(StringComparer.Ordinal);

    /// <summary>Heads indexed.</summary>
    public int Count => _slotOfHead.Count;

    /// <summary>
    /// Indexes a head (in its <see cref="EventMention.IncidentId"/>); one without a date, or with a time
    /// precision linking never searches, is not indexed.
    /// </summary>
    public void Add(EventMention head)
    {
        if (head.Date is not { } date || head.TimePrecision is < 1 or > 3) return;
        var key = KeyOf(head.Id);
        if (_slotOfHead.ContainsKey(key)) throw new InvalidOperationException($"{head.Id} is indexed already");
        var entry = new Head(key, KeyOf(head.IncidentId), date.DayNumber, (byte)head.TimePrecision, (byte)Math.Clamp(head.GeoPrecision, 0, 255),
            head.Inter1 is { } inter ? (sbyte)inter : (sbyte)-1, NameOf(head.EventType), NameOf(head.SubEventType), NameOf(head.Country),
            NameOf(head.Admin1), NameOf(head.Actor1), head.Latitude ?? double.NaN, head.Longitude ?? double.NaN, head.Confidence);
        int slot;
        if (_freeSlots.TryPop(out slot)) _heads[slot] = entry;
        else
        {
            slot = _heads.Count;
            _heads.Add(entry);
        }
        _slotOfHead[key] = slot;
        _slotOfIncident[entry.Incident] = slot;
        int family = LinkCells.Family(head.EventType), span = SpanOf(entry.TimePrecision, entry.Day);
        if (head is { Latitude: { } lat, Longitude: { } lon }) ListOf(_byCell, (CellKey(family, LinkCells.Cell(lat, lon)), span)).Add(slot);
        if (head is { Country: not null, Admin1: not null }) ListOf(_byRegion, (family, entry.Country, entry.Admin1, span)).Add(slot);
    }

    /// <summary>Drops the head with this id, if indexed (an event no longer its incident's head).</summary>
    public void Remove(string headId)
    {
        if (KnownKey(headId) is not { } key || !_slotOfHead.Remove(key, out int slot)) return;
        var head = _heads[slot];
        _slotOfIncident.Remove(head.Incident);
        int family = LinkCells.Family(_names[head.EventType]), span = SpanOf(head.TimePrecision, head.Day);
        if (!double.IsNaN(head.Latitude)) RemoveFrom(_byCell[(CellKey(family, LinkCells.Cell(head.Latitude, head.Longitude)), span)], slot);
        if (head is { Country: >= 0, Admin1: >= 0 }) RemoveFrom(_byRegion[(family, head.Country, head.Admin1, span)], slot);
        _freeSlots.Push(slot);
    }

    /// <summary>Moves the indexed head of incident <paramref name="drop"/>, if any, into incident <paramref name="keep"/>.</summary>
    public void Rename(string keep, string drop)
    {
        if (KnownKey(drop) is not { } dropKey || !_slotOfIncident.Remove(dropKey, out int slot)) return;
        var keepKey = KeyOf(keep);
        _heads[slot] = _heads[slot] with { Incident = keepKey };
        _slotOfIncident[keepKey] = slot;
    }

    /// <summary>The indexed head of an incident, or null when its head is not indexed.</summary>
    public EventMention? HeadOf(string incident) => KnownKey(incident) is { } key && _slotOfIncident.TryGetValue(key, out int slot) ? MentionAt(slot) : null;

    /// <summary>
    /// The heads in <paramref name="cells"/> that <paramref name="searcher"/> matches, at most
    /// <paramref name="limit"/>: by time precision, cell, date and id, as the store's index once listed them.
    /// </summary>
    public List<EventMention> Near(EventMention searcher, IReadOnlyList<int> cells, int limit)
    {
        var found = new List<(Head Head, int Cell, EventMention Mention)>();
        int family = LinkCells.Family(searcher.EventType);
        var probe = ProbeOf(searcher);
        var spans = SpansAround(searcher).ToList();
        foreach (int cell in cells.Distinct())
            foreach (int span in spans)
                if (_byCell.TryGetValue((CellKey(family, cell), span), out var slots))
                    foreach (int slot in slots)
                        if (MatchAt(slot, probe, searcher) is { } match) found.Add((_heads[slot], cell, match));
        found.Sort((x, y) => x.Head.TimePrecision.CompareTo(y.Head.TimePrecision) is var c and not 0 ? c
            : x.Cell.CompareTo(y.Cell) is var d and not 0 ? d
            : CompareDayThenId(x.Head, x.Mention, y.Head, y.Mention));
        return [.. found.Take(limit).Select(f => f.Mention)];
    }

    /// <summary>
    /// The heads in <paramref name="searcher"/>'s first-level division that it matches where either side
    /// is coded at region level (geo precision 3 or coarser), at most <paramref name="limit"/>: by time
    /// precision, date and id.
    /// </summary>
    public List<EventMention> InRegion(EventMention searcher, int limit)
    {
        var probe = ProbeOf(searcher);
        if (probe.Country < 0 || probe.Admin1 < 0) return [];
        int family = LinkCells.Family(searcher.EventType);
        var found = new List<(Head Head, EventMention Mention)>();
        foreach (int span in SpansAround(searcher))
            if (_byRegion.TryGetValue((family, probe.Country, probe.Admin1, span), out var slots))
                foreach (int slot in slots)
                    if ((_heads[slot].GeoPrecision >= 3 || searcher.GeoPrecision >= 3) && MatchAt(slot, probe, searcher) is { } match)
                        found.Add((_heads[slot], match));
        found.Sort((x, y) => x.Head.TimePrecision.CompareTo(y.Head.TimePrecision) is var c and not 0 ? c : CompareDayThenId(x.Head, x.Mention, y.Head, y.Mention));
        return [.. found.Take(limit).Select(f => f.Mention)];
    }

    // A head's span: its time precision, then which run of days as wide as that precision's window
    // (1, 7 or 31 days either way) its date falls in. Spans of different precisions never collide.
    private static int SpanOf(int timePrecision, int day) => day / SpanDays(timePrecision) * 4 + timePrecision;

    private static int SpanDays(int timePrecision) => 2 * IncidentMatcher.WindowDays(timePrecision) + 1;

    // Every span holding a head the searcher's date window may reach, of each indexed time precision.
    private static IEnumerable<int> SpansAround(EventMention searcher)
    {
        if (searcher.Date is not { } date) yield break;
        int day = date.DayNumber;
        for (int precision = 1; precision <= 3; precision++)
        {
            int window = IncidentMatcher.WindowDays(Math.Max(precision, searcher.TimePrecision)), width = SpanDays(precision);
            for (int run = (day - window) / width; run <= (day + window) / width; run++) yield return run * 4 + precision;
        }
    }

    // The head at the slot as a mention, when the searcher matches it. The matcher's tests of date,
    // country, sub-event type and place run first on the kept numbers, so most heads are turned down
    // without building a mention; the matcher itself then has the last word.
    private EventMention? MatchAt(int slot, in Probe probe, EventMention searcher)
    {
        var head = _heads[slot];
        if (searcher is not { Date: { } date, Latitude: { } lat, Longitude: { } lon }
            || Math.Abs(head.Day - date.DayNumber) > IncidentMatcher.WindowDays(Math.Max(head.TimePrecision, searcher.TimePrecision))
            || head.Country != probe.Country || probe.Country < 0 || double.IsNaN(head.Latitude)
            || probe.SubEventTypeMustMatch && head.SubEventType != probe.SubEventType
            || !IncidentMatcher.PlacesMatch(head.GeoPrecision, searcher.GeoPrecision, head.Admin1 == probe.Admin1 && probe.Admin1 >= 0, head.Latitude, head.Longitude, lat, lon))
            return null;
        var mention = MentionAt(slot);
        return IncidentMatcher.Matches(searcher, mention) ? mention : null;
    }

    private EventMention MentionAt(int slot)
    {
        var h = _heads[slot];
        string id = IdOf(h.Key);
        string? Name(int name) => name < 0 ? null : _names[name];
        return new EventMention(id, id[..id.LastIndexOf('-')], _names[h.EventType], _names[h.SubEventType], DateOnly.FromDayNumber(h.Day),
            h.TimePrecision, double.IsNaN(h.Latitude) ? null : h.Latitude, double.IsNaN(h.Longitude) ? null : h.Longitude,
            Name(h.Country), Name(h.Admin1), h.GeoPrecision, Name(h.Actor1), h.Inter1 < 0 ? null : h.Inter1)
        {
            IncidentId = IdOf(h.Incident), IsHead = true, Confidence = h.Confidence,
        };
    }

    // A searcher's names as this index numbers them; a name it has never kept is -2, which no head has.
    private Probe ProbeOf(EventMention searcher) => new(NameIn(searcher.Country), NameIn(searcher.Admin1),
        NameIn(searcher.SubEventType), IncidentMatcher.NeedsSameSubEventType(searcher.EventType));

    private int NameIn(string? name) => name is null ? -1 : _nameIndex.GetValueOrDefault(name, -2);

    private int NameOf(string? name)
    {
        if (name is null) return -1;
        if (!_nameIndex.TryGetValue(name, out int known))
        {
            _nameIndex[name] = known = _names.Count;
            _names.Add(name);
        }
        return known;
    }

    private static int CompareDayThenId(Head x, EventMention xm, Head y, EventMention ym) =>
        x.Day.CompareTo(y.Day) is var c and not 0 ? c : string.CompareOrdinal(xm.Id, ym.Id);

    private static void RemoveFrom(List<int> slots, int slot)
    {
        int i = slots.IndexOf(slot);
        slots[i] = slots[^1];
        slots.RemoveAt(slots.Count - 1);
    }

    private static int CellKey(int family, int cell) => family * 1_000_000 + cell;

    private static List<int> ListOf<TKey>(Dictionary<TKey, List<int>> index, TKey key) where TKey : notnull
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

    // The key of an id this index may hold, without keeping a new one.
    private EventKey? KnownKey(string id) =>
        EventKey.TryParse(id) ?? (_otherIndex.TryGetValue(id, out int known) ? EventKey.Other(known) : null);

    private string IdOf(EventKey key) => key.IsOther ? _otherIds[key.OtherIndex] : key.ToString();

    private readonly record struct Probe(int Country, int Admin1, int SubEventType, bool SubEventTypeMustMatch);

    // Names are indexes into _names, -1 for none; Inter1 -1 for none; a missing point is NaN.
    private readonly record struct Head(
        EventKey Key, EventKey Incident, int Day, byte TimePrecision, byte GeoPrecision, sbyte Inter1,
        int EventType, int SubEventType, int Country, int Admin1, int Actor1, double Latitude, double Longitude, double Confidence);
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
