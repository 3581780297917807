using System.Runtime.Intrinsics;

namespace Sitrep.Linking;

/// <summary>
/// MinHash signatures of reports over word 3-shingles, and locality-sensitive hashing in bands, to
/// find near-duplicate reports (syndicated copies, light rewrites) among many without comparing
/// every pair. With 20 bands of 3 rows, pairs whose shingle sets overlap by Jaccard 0.37 or more
/// become candidates half the time, 0.6 almost always; a candidate is a duplicate when its
/// estimated Jaccard reaches <see cref="DuplicateThreshold"/>.
/// </summary>
internal static class MinHash
{
    /// <summary>LSH bands.</summary>
    public const int Bands = 20;
    /// <summary>Signature values per band.</summary>
    public const int Rows = 3;
    /// <summary>Values in a signature.</summary>
    public const int Size = Bands * Rows;

    /// <summary>Estimated Jaccard similarity of shingles from which two reports are near-duplicates.</summary>
    public const double DuplicateThreshold = 0.5;

    private const int ShingleWords = 3;

    /// <summary>The signature of <paramref name="text"/>, or null when it has fewer than three words.</summary>
    public static uint[]? Signature(string text)
    {
        var words = Words(text);
        if (words.Count < ShingleWords) return null;
        return Vector512.IsHardwareAccelerated ? SignatureByVectors(words) : SignatureOneByOne(words);
    }

    // Eight hash functions at a time: the same values as SignatureOneByOne.
    private static uint[] SignatureByVectors(List<ulong> words)
    {
        Span<Vector512<ulong>> minima = stackalloc Vector512<ulong>[SeedVectors.Length];
        minima.Fill(Vector512<ulong>.AllBitsSet);
        for (int i = 0; i + ShingleWords <= words.Count; i++)
        {
            var shingle = Vector512.Create(Shingle(words, i));
            for (int v = 0; v < SeedVectors.Length; v++)
                minima[v] = Vector512.Min(minima[v], Vector512.ShiftRightLogical(Mix(shingle ^ SeedVectors[v]), 32));
        }
        var signature = new uint[Size];
        for (int h = 0; h < Size; h++) signature[h] = (uint)minima[h / Vector512<ulong>.Count][h % Vector512<ulong>.Count];
        return signature;
    }

    /// <summary>The signature computed one hash function at a time, as machines without 512-bit vectors do.</summary>
    internal static uint[] SignatureOneByOne(List<ulong> words)
    {
        var signature = new uint[Size];
        Array.Fill(signature, uint.MaxValue);
        for (int i = 0; i + ShingleWords <= words.Count; i++)
        {
            ulong shingle = Shingle(words, i);
            for (int h = 0; h < Size; h++)
            {
                uint value = (uint)(Mix(shingle ^ Seeds[h]) >> 32);
                if (value < signature[h]) signature[h] = value;
            }
        }
        return signature;
    }

    private static ulong Shingle(List<ulong> words, int first)
    {
        ulong shingle = words[first];
        for (int k = 1; k < ShingleWords; k++) shingle = Mix(shingle * 31 + words[first + k]);
        return shingle;
    }

    /// <summary>The fraction of positions where two signatures agree: an estimate of the shingles' Jaccard similarity.</summary>
    public static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        int same = 0;
        for (int i = 0; i < Size; i++) if (a[i] == b[i]) same++;
        return (double)same / Size;
    }

    /// <summary>One key per band: reports sharing any key are candidate duplicates.</summary>
    public static long[] BandKeys(ReadOnlySpan<uint> signature)
    {
        var keys = new long[Bands];
        for (int band = 0; band < Bands; band++)
        {
            ulong h = (ulong)band;
            for (int r = 0; r < Rows; r++) h = Mix(h * 0x9E3779B97F4A7C15 + signature[band * Rows + r]);
            keys[band] = (long)h;
        }
        return keys;
    }

    /// <summary>The signature as bytes, for storing.</summary>
    public static byte[] ToBytes(uint[] signature)
    {
        var bytes = new byte[Size * sizeof(uint)];
        Buffer.BlockCopy(signature, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    /// <summary>A signature stored by <see cref="ToBytes"/>.</summary>
    public static uint[] FromBytes(byte[] bytes)
    {
        var signature = new uint[Size];
        Buffer.BlockCopy(bytes, 0, signature, 0, Math.Min(bytes.Length, signature.Length * sizeof(uint)));
        return signature;
    }

    // Lower-cased words of letters and digits, each hashed (FNV-1a): punctuation, case and spacing
    // differences between copies of a story do not count.
    internal static List<ulong> Words(string text)
    {
        var words = new List<ulong>(text.Length / 5);
        ulong hash = 14695981039346656037;
        bool inWord = false;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211;
                inWord = true;
            }
            else if (inWord)
            {
                words.Add(hash);
                hash = 14695981039346656037;
                inWord = false;
            }
        }
        if (inWord) words.Add(hash);
        return words;
    }

    private static readonly ulong[] Seeds = MakeSeeds();

    // The seeds eight to a vector, the last padded with copies of the first (their minima are dropped).
    private static readonly Vector512<ulong>[] SeedVectors = [.. Enumerable.Range(0, (Size + Vector512<ulong>.Count - 1) / Vector512<ulong>.Count)
        .Select(v => Vector512.Create([.. Enumerable.Range(v * Vector512<ulong>.Count, Vector512<ulong>.Count).Select(h => Seeds[h % Size])]))];

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[Size];
        ulong x = 20220106;
        for (int i = 0; i < Size; i++) seeds[i] = x = Mix(x + 0x9E3779B97F4A7C15);
        return seeds;
    }

    // SplitMix64's finaliser: a fast, well-spread 64-bit mix.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    private static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ Vector512.ShiftRightLogical(z, 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ Vector512.ShiftRightLogical(z, 27)) * 0x94D049BB133111EB;
        return z ^ Vector512.ShiftRightLogical(z, 31);
    }
}
