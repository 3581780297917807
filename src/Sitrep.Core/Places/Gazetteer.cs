using Sitrep.Documents;
namespace Sitrep.Places;

/// <summary>
/// The compiled place index: every entry (country, division, populated place, region) as columns,
/// a name index and a demonym index over them. Immutable and thread-safe; built by
/// <see cref="GazetteerBuilder"/>, saved and loaded by <see cref="GazetteerFile"/>.
/// </summary>
public sealed class Gazetteer
{
    internal readonly GazetteerColumns Columns;
    private readonly Dictionary<ushort, int> _countryEntries = [];
    private readonly Dictionary<ushort, int> _capitals = [];
    private readonly Dictionary<int, int> _seats = [];
    private readonly Dictionary<int, (int Since, int Before)> _admin1Changes = [];

    internal Gazetteer(GazetteerColumns columns, NameIndex names, NameIndex demonyms, NameIndex sounds)
    {
        Columns = columns;
        Names = names;
        Demonyms = demonyms;
        Sounds = sounds;
        for (int i = 0; i < columns.Levels.Length; i++)
        {
            if (columns.Levels[i] == (byte)PlaceLevel.Country) _countryEntries.TryAdd(columns.Countries[i], i);
            // The most populous capital where a country has more than one (seat of government and constitutional capital).
            if (((PlaceFlags)columns.Flags[i] & PlaceFlags.Capital) != 0
                && (!_capitals.TryGetValue(columns.Countries[i], out var other) || columns.Populations[i] > columns.Populations[other]))
                _capitals[columns.Countries[i]] = i;
        }
        // A division's seat: the most populous town flagged as a seat inside it (GeoNames' PPLA, PPLA2).
        for (int i = 0; i < columns.Levels.Length; i++)
        {
            if (((PlaceFlags)columns.Flags[i] & (PlaceFlags.AdminSeat | PlaceFlags.Capital)) == 0 || columns.Levels[i] != (byte)PlaceLevel.City) continue;
            foreach (int division in (ReadOnlySpan<int>)[columns.Admin1[i], columns.Admin2[i]])
                if (division >= 0 && (!_seats.TryGetValue(division, out var other) || columns.Populations[i] > columns.Populations[other]))
                    _seats[division] = i;
        }
        for (int c = 0; c < columns.ChangedAdmin1.Length; c++)
            _admin1Changes[columns.ChangedAdmin1[c]] = (columns.ChangedSince[c], columns.ChangedFrom[c]);
    }

    /// <summary>Place names (own, alternate and core forms) → entries.</summary>
    internal NameIndex Names { get; }

    /// <summary>Demonyms and adjectives ("Kazakh", "Sudanese") → country entries.</summary>
    internal NameIndex Demonyms { get; }

    /// <summary>Transliteration-insensitive keys (<see cref="PlaceNames.Sound"/>) → entries: the fallback when <see cref="Names"/> has nothing.</summary>
    internal NameIndex Sounds { get; }

    /// <summary>Number of entries.</summary>
    public int Count => Columns.Levels.Length;

    /// <summary>What the file was compiled from (for staleness checks and the about line).</summary>
    internal IReadOnlyList<SourceStamp> Sources => Columns.Sources;

    /// <summary>Entry <paramref name="i"/>'s preferred name.</summary>
    public string Name(int i) => new(Columns.NamePool, Columns.NameStarts[i], Columns.NameStarts[i + 1] - Columns.NameStarts[i]);

    /// <summary>Entry <paramref name="i"/>'s GeoNames id, or null for entries GeoNames has no id for here.</summary>
    public long? GeonameId(int i) => Columns.GeonameIds[i] == 0 ? null : Columns.GeonameIds[i];

    /// <summary>Latitude of the entry's point.</summary>
    public double Latitude(int i) => Columns.Latitudes[i];

    /// <summary>Longitude of the entry's point.</summary>
    public double Longitude(int i) => Columns.Longitudes[i];

    /// <summary>Population (0 when unknown).</summary>
    public int Population(int i) => Columns.Populations[i];

    /// <summary>Which source the entry came from.</summary>
    internal PlaceSource Source(int i) => (PlaceSource)Columns.Origins[i];

    /// <summary>Events coded at the entry in the event-place table (0 when none).</summary>
    public int Events(int i) => Columns.EventCounts[i];

    /// <summary>What kind of place the entry is.</summary>
    public PlaceLevel Level(int i) => (PlaceLevel)Columns.Levels[i];

    /// <summary>Capital, admin seat, historical.</summary>
    internal PlaceFlags Flags(int i) => (PlaceFlags)Columns.Flags[i];

    /// <summary>The entry's country as a packed ISO alpha-2 code (0 for regions across borders).</summary>
    public ushort CountryCode(int i) => Columns.Countries[i];

    /// <summary>The entry's country code as text ("KZ"), or empty.</summary>
    public string Country(int i) => CountryCodes.ToText(Columns.Countries[i]);

    /// <summary>The first-level division containing the entry (itself for a division), or -1.</summary>
    public int Admin1(int i) => Columns.Admin1[i];

    /// <summary>The second-level division containing the entry, or -1.</summary>
    public int Admin2(int i) => Columns.Admin2[i];

    /// <summary>The seat of division <paramref name="division"/> (its most populous town flagged as a seat or capital), or -1.</summary>
    internal int SeatOf(int division) => _seats.TryGetValue(division, out var i) ? i : -1;

    /// <summary>The country entry for a packed code, or -1.</summary>
    public int CountryEntry(ushort code) => _countryEntries.TryGetValue(code, out var i) ? i : -1;

    /// <summary>The capital (GeoNames PPLC) of the country with a packed code, or -1.</summary>
    public int Capital(ushort code) => _capitals.TryGetValue(code, out var i) ? i : -1;

    /// <summary>
    /// The first-level division that held entry <paramref name="i"/> on <paramref name="date"/>: divisions
    /// created later (Abai Region, June 2022) give way to the one they were cut from.
    /// </summary>
    public int Admin1On(int i, DateOnly date)
    {
        int admin1 = Admin1(i);
        while (admin1 >= 0 && _admin1Changes.TryGetValue(admin1, out var change) && date.DayNumber < change.Since)
            admin1 = change.Before;
        return admin1;
    }
}

/// <summary>Packs two-letter country codes into a ushort so entries carry them without strings.</summary>
internal static class CountryCodes
{
    /// <summary>"KZ" → packed; 0 for anything that is not two ASCII letters.</summary>
    public static ushort Pack(ReadOnlySpan<char> code) =>
        code.Length == 2 && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1])
            ? (ushort)((char.ToUpperInvariant(code[0]) << 8) | char.ToUpperInvariant(code[1]))
            : (ushort)0;

    /// <summary>Packed → "KZ" (empty for 0).</summary>
    public static string ToText(ushort code) => code == 0 ? "" : string.Create(2, code, (s, c) => { s[0] = (char)(c >> 8); s[1] = (char)(c & 0xFF); });
}

/// <summary>A source file the gazetteer was compiled from, as it was then: a changed stamp means rebuild.</summary>
internal sealed record SourceStamp(string Path, long Length, long LastWriteTicks)
{
    /// <summary>The stamp of the file as it is now (length -1 when missing).</summary>
    public static SourceStamp Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new SourceStamp(info.FullName, info.Length, info.LastWriteTimeUtc.Ticks) : new SourceStamp(info.FullName, -1, 0);
    }
}

/// <summary>The entry columns, parallel arrays indexed by entry.</summary>
internal sealed class GazetteerColumns
{
    public required int[] GeonameIds;
    public required float[] Latitudes;
    public required float[] Longitudes;
    public required int[] Populations;
    public required byte[] Origins;
    public required int[] EventCounts;
    public required byte[] Levels;
    public required byte[] Flags;
    public required ushort[] Countries;
    public required int[] Admin1;
    public required int[] Admin2;
    public required char[] NamePool;
    public required int[] NameStarts; // Count + 1
    public required int[] ChangedAdmin1;
    public required int[] ChangedSince;
    public required int[] ChangedFrom;
    public required SourceStamp[] Sources;
}
