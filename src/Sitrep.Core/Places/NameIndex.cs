using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Sitrep.Places;

/// <summary>
/// An open-addressing hash table from name keys (<see cref="PlaceNames.Key(ReadOnlySpan{char}, Span{char})"/>)
/// to lists of gazetteer entry indices, held in flat arrays so it loads as a few block reads and a
/// lookup of a span allocates nothing.
/// </summary>
internal sealed class NameIndex
{
    /// <summary>Set on a posting when the key is an alternate name of the entry, not its own name.</summary>
    public const int AlternateFlag = 1 << 30;
    /// <summary>Set on a posting when the key is a division's name without its generic word ("Zhambyl" for "Zhambyl Region").</summary>
    public const int CoreFlag = 1 << 29;
    /// <summary>The entry index bits of a posting.</summary>
    public const int EntryMask = CoreFlag - 1;

    internal readonly char[] Keys;
    internal readonly int[] KeyStarts;     // keys.Length + 1 offsets into Keys
    internal readonly int[] PostingStarts; // keys.Length + 1 offsets into Postings
    internal readonly int[] Postings;
    internal readonly int[] Slots;         // key index + 1, 0 for empty; length a power of two

    internal NameIndex(char[] keys, int[] keyStarts, int[] postingStarts, int[] postings, int[] slots)
    {
        Keys = keys;
        KeyStarts = keyStarts;
        PostingStarts = postingStarts;
        Postings = postings;
        Slots = slots;
    }

    /// <summary>Number of distinct keys.</summary>
    public int Count => KeyStarts.Length - 1;

    /// <summary>The text of key number <paramref name="k"/> (0 to <see cref="Count"/> - 1).</summary>
    internal string KeyAt(int k) => new(Keys, KeyStarts[k], KeyStarts[k + 1] - KeyStarts[k]);

    /// <summary>The postings filed under <paramref name="key"/> (empty when none), best candidates first.</summary>
    public ReadOnlySpan<int> Find(ReadOnlySpan<char> key) => FindSegment(key);

    /// <summary>As <see cref="Find"/>, as a segment of the index's own array (kept without copying).</summary>
    public ArraySegment<int> FindSegment(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty) return [];
        int mask = Slots.Length - 1;
        for (int slot = (int)Hash(key) & mask; ; slot = (slot + 1) & mask)
        {
            int k = Slots[slot] - 1;
            if (k < 0) return [];
            if (Keys.AsSpan(KeyStarts[k], KeyStarts[k + 1] - KeyStarts[k]).SequenceEqual(key))
                return new ArraySegment<int>(Postings, PostingStarts[k], PostingStarts[k + 1] - PostingStarts[k]);
        }
    }

    internal static ulong Hash(ReadOnlySpan<char> key) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(key));

    /// <summary>Builds the table from key → postings; postings keep the order given.</summary>
    internal static NameIndex Build(IReadOnlyDictionary<string, List<int>> entries)
    {
        var keys = entries.Keys.Order(StringComparer.Ordinal).ToArray();
        var keyStarts = new int[keys.Length + 1];
        var postingStarts = new int[keys.Length + 1];
        var chars = new char[keys.Sum(k => k.Length)];
        var postings = new int[keys.Sum(k => entries[k].Count)];
        int c = 0, p = 0;
        for (int k = 0; k < keys.Length; k++)
        {
            keys[k].CopyTo(chars.AsSpan(c));
            keyStarts[k] = c;
            c += keys[k].Length;
            postingStarts[k] = p;
            foreach (var posting in entries[keys[k]]) postings[p++] = posting;
        }
        keyStarts[keys.Length] = c;
        postingStarts[keys.Length] = p;

        var slots = new int[Math.Max(16, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)keys.Length * 2))];
        int mask = slots.Length - 1;
        for (int k = 0; k < keys.Length; k++)
        {
            int slot = (int)Hash(keys[k]) & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = k + 1;
        }
        return new NameIndex(chars, keyStarts, postingStarts, postings, slots);
    }
}
