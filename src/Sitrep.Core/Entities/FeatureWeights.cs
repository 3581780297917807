using System.Numerics;
using System.Runtime.InteropServices;

namespace Sitrep.Entities;

/// <summary>
/// Feature hash → one weight per label, in an open-addressing table over flat arrays. The tagger looks
/// up some fifty features per token, so this is its inner loop: a probe is a multiply, a shift and an
/// array read, the weights are floats already (the model file keeps them as halves), and each row is
/// padded to whole SIMD vectors so adding it to the scores is two vector adds for nine labels.
/// </summary>
internal sealed class FeatureWeights
{
    private readonly ulong[] _hashes;   // row → feature hash
    private readonly Slot[] _slots;     // length a power of two; hash and row side by side, so a probe reads one cache line
    private readonly int _shift;
    private readonly float[] _weights;  // row * Stride + label; labels Width..Stride are zero padding

    /// <param name="hashes">The features, one per row.</param>
    /// <param name="weights">Row-major: <paramref name="width"/> weights per row.</param>
    /// <param name="width">Weights per feature (the number of labels).</param>
    public FeatureWeights(ulong[] hashes, float[] weights, int width)
    {
        if (weights.Length != hashes.Length * width) throw new ArgumentException("one row of weights per feature expected", nameof(weights));
        _hashes = hashes;
        Width = width;
        Stride = (width + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        _weights = new float[hashes.Length * Stride];
        for (int row = 0; row < hashes.Length; row++)
            weights.AsSpan(row * width, width).CopyTo(_weights.AsSpan(row * Stride));
        int bits = Math.Max(4, 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)hashes.Length * 2));
        _slots = new Slot[1 << bits];
        _shift = 64 - bits;
        for (int row = 0; row < hashes.Length; row++)
        {
            int slot = Home(hashes[row]);
            while (_slots[slot].RowPlusOne != 0)
            {
                if (_slots[slot].Hash == hashes[row]) throw new ArgumentException($"feature {hashes[row]:x} appears twice", nameof(hashes));
                slot = (slot + 1) & (_slots.Length - 1);
            }
            _slots[slot] = new Slot(hashes[row], row + 1);
        }
    }

    /// <summary>Weights per feature (the number of labels).</summary>
    public int Width { get; }

    /// <summary>Length of the scores span <see cref="AddScores"/> fills: <see cref="Width"/> rounded up to whole SIMD vectors.</summary>
    public int Stride { get; }

    /// <summary>Number of features.</summary>
    public int Count => _hashes.Length;

    /// <summary>The feature of each row, in row order.</summary>
    public ReadOnlySpan<ulong> Hashes => _hashes;

    /// <summary>The weights of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> Row(int row) => _weights.AsSpan(row * Stride, Width);

    /// <summary>Adds the weights of every known feature in <paramref name="features"/> to <paramref name="scores"/> (<see cref="Stride"/> long).</summary>
    public void AddScores(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (scores.Length != Stride) throw new ArgumentException($"{Stride} scores expected", nameof(scores));
        var sums = MemoryMarshal.Cast<float, Vector<float>>(scores);
        foreach (var feature in features)
        {
            int slot = Home(feature);
            int row;
            while ((row = _slots[slot].RowPlusOne - 1) >= 0 && _slots[slot].Hash != feature) slot = (slot + 1) & (_slots.Length - 1);
            if (row < 0) continue;
            var weights = MemoryMarshal.Cast<float, Vector<float>>(_weights.AsSpan(row * Stride, Stride));
            for (int v = 0; v < sums.Length; v++) sums[v] += weights[v];
        }
    }

    // Fibonacci hashing: the top bits of hash × 2^64/φ spread even poorly mixed keys.
    private int Home(ulong hash) => (int)((hash * 11400714819323198485UL) >> _shift);

    /// <summary>A table cell: a feature hash and its row + 1 (0 marks an empty cell).</summary>
    private readonly record struct Slot(ulong Hash, int RowPlusOne);
}
