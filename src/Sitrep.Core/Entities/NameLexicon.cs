using Sitrep.Documents;
using System.Collections.Frozen;
using Sitrep.Places;

namespace Sitrep.Entities;

/// <summary>What a gazetteer name can be, as bits (a name can be several: "Georgia").</summary>
[Flags]
internal enum NameKinds : byte
{
    /// <summary>Not a gazetteer name.</summary>
    None = 0,
    /// <summary>A country or territory.</summary>
    Country = 1,
    /// <summary>A first-level division.</summary>
    Division = 2,
    /// <summary>A city of 100,000 people or more.</summary>
    LargeCity = 4,
    /// <summary>A town of 15,000 to 100,000 people.</summary>
    Town = 8,
    /// <summary>A continent or a region across borders.</summary>
    Region = 16,
    /// <summary>A demonym or national adjective ("Kazakh", "Belarusian").</summary>
    Demonym = 32,
}

/// <summary>
/// Place names and demonyms from the geoparser's gazetteer, reduced to what the tagger needs: name
/// key → <see cref="NameKinds"/>. Built once when training and stored in the model, so tagging never
/// needs the gazetteer itself. Only places big enough to be news are kept: the small towns of
/// cities500 share their names with too many ordinary capitalised words.
/// </summary>
internal sealed class NameLexicon
{
    /// <summary>Longest name, in tokens, looked for.</summary>
    public const int MaxTokens = 4;

    private const int TownPopulation = 15_000;
    private const int LargeCityPopulation = 100_000;

    private readonly FrozenDictionary<string, NameKinds>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    internal NameLexicon(IDictionary<string, NameKinds> names)
    {
        Names = names.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = Names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>No names.</summary>
    public static NameLexicon Empty { get; } = new(new Dictionary<string, NameKinds>());

    /// <summary>Name key (<see cref="PlaceNames.Key(string)"/>) → kinds.</summary>
    internal FrozenDictionary<string, NameKinds> Names { get; }

    /// <summary>Number of names.</summary>
    public int Count => Names.Count;

    /// <summary>The kinds of the name with this key, or none.</summary>
    public NameKinds KindsOf(ReadOnlySpan<char> key) => _lookup.TryGetValue(key, out var kinds) ? kinds : NameKinds.None;

    /// <summary>The names of <paramref name="gazetteer"/> worth a feature.</summary>
    public static NameLexicon From(Gazetteer gazetteer)
    {
        var names = new Dictionary<string, NameKinds>(StringComparer.Ordinal);
        var index = gazetteer.Names;
        for (int k = 0; k < index.Count; k++)
        {
            var kinds = NameKinds.None;
            for (int p = index.PostingStarts[k]; p < index.PostingStarts[k + 1]; p++)
                kinds |= KindOf(gazetteer, index.Postings[p]);
            if (kinds != NameKinds.None) names[index.KeyAt(k)] = kinds;
        }
        var demonyms = gazetteer.Demonyms;
        for (int k = 0; k < demonyms.Count; k++)
        {
            var key = demonyms.KeyAt(k);
            names[key] = names.GetValueOrDefault(key) | NameKinds.Demonym;
        }
        return new NameLexicon(names);
    }

    // Alternate names count only for countries, divisions and large cities: a town's alternate names
    // include translations that are ordinary words elsewhere.
    private static NameKinds KindOf(Gazetteer gazetteer, int posting)
    {
        int entry = posting & NameIndex.EntryMask;
        bool alternate = (posting & NameIndex.AlternateFlag) != 0;
        int population = gazetteer.Population(entry);
        return gazetteer.Level(entry) switch
        {
            PlaceLevel.Country => NameKinds.Country,
            PlaceLevel.Admin1 => NameKinds.Division,
            PlaceLevel.Region => NameKinds.Region,
            PlaceLevel.City when population >= LargeCityPopulation => NameKinds.LargeCity,
            PlaceLevel.City when population >= TownPopulation && !alternate => NameKinds.Town,
            _ => NameKinds.None,
        };
    }

    /// <summary>
    /// The gazetteer kinds of each token of a sentence with its place in the longest name that covers
    /// it: 0 outside any name, else kinds in the low byte and the position (1 begin, 2 inside, 3 single) above.
    /// </summary>
    public int[] Match(IReadOnlyList<string> words)
    {
        var marks = new int[words.Count];
        if (Names.Count == 0) return marks;
        Span<char> joined = stackalloc char[PlaceNames.MaxKeyLength * 2];
        Span<char> key = stackalloc char[PlaceNames.MaxKeyLength];
        for (int i = 0; i < words.Count;)
        {
            // Names start with a capital or a digit-free word in capitals; lower-case runs are skipped cheaply.
            if (words[i].Length == 0 || !char.IsUpper(words[i][0])) { i++; continue; }
            int matched = 0;
            var kinds = NameKinds.None;
            for (int length = Math.Min(MaxTokens, words.Count - i); length >= 1 && matched == 0; length--)
            {
                int n = 0;
                bool fits = true;
                for (int t = i; t < i + length && fits; t++)
                {
                    if (t > i) joined[n++] = ' ';
                    if (n + words[t].Length > joined.Length) fits = false;
                    else { words[t].AsSpan().CopyTo(joined[n..]); n += words[t].Length; }
                }
                if (!fits) continue;
                int keyLength = PlaceNames.Key(joined[..n], key);
                if (keyLength == 0) continue;
                kinds = KindsOf(key[..keyLength]);
                if (kinds != NameKinds.None) matched = length;
            }
            if (matched == 0) { i++; continue; }
            for (int t = 0; t < matched; t++)
                marks[i + t] = (int)kinds | ((matched == 1 ? 3 : t == 0 ? 1 : 2) << 8);
            i += matched;
        }
        return marks;
    }
}
