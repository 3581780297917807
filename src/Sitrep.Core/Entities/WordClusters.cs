using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// Word classes learnt from unlabelled news with the exchange algorithm (Kneser and Ney 1993; Martin
/// et al. 1998): words are moved between K classes to maximise the likelihood of the class bigrams,
/// so words used alike ("Almaty", "Taraz"; "said", "added") share a class. Learnt at three
/// granularities; the tagger uses all three, which helps with words the annotated data never saw.
/// </summary>
internal sealed partial class WordClusters
{
    /// <summary>Class counts learnt by default, coarse to fine.</summary>
    public static readonly int[] DefaultGranularities = [32, 128, 512];

    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    internal WordClusters(IDictionary<string, int[]> classes)
    {
        Classes = classes.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = Classes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>No clusters.</summary>
    public static WordClusters Empty { get; } = new(new Dictionary<string, int[]>());

    /// <summary>Word → its class at each granularity.</summary>
    internal FrozenDictionary<string, int[]> Classes { get; }

    /// <summary>Number of words with classes.</summary>
    public int Count => Classes.Count;

    /// <summary>The word's classes (one per granularity), or null when unknown.</summary>
    public int[]? ClassesOf(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var c) ? c : null;

    /// <summary>The classes of each word of a sentence, looked up once (the tagger reads each word's three times).</summary>
    public int[]?[] ClassesOf(IReadOnlyList<string> words)
    {
        var classes = new int[]?[words.Count];
        for (int i = 0; i < classes.Length; i++) classes[i] = ClassesOf(words[i]);
        return classes;
    }

    /// <summary>Learns classes for every word seen at least <paramref name="minCount"/> times in <paramref name="texts"/>.</summary>
    public static WordClusters Learn(IEnumerable<string> texts, int minCount = 3, int iterations = 6, int[]? granularities = null)
    {
        granularities ??= DefaultGranularities;
        // Word ids by frequency; id 0 marks a sentence boundary.
        var sequences = new List<string[]>();
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = new List<Token>();
        foreach (var text in texts)
        {
            tokens.Clear();
            Tokenizer.Tokenize(text, tokens);
            var span = CollectionsMarshal.AsSpan(tokens);
            foreach (var sentence in SentenceSplitter.Split(text, span, ParagraphSplitter.Split(text)))
            {
                var words = new string[sentence.TokenCount];
                for (int t = 0; t < words.Length; t++)
                {
                    var token = span[sentence.FirstToken + t];
                    words[t] = text.Substring(token.Start, token.Length);
                    CollectionsMarshal.GetValueRefOrAddDefault(frequency, words[t], out _)++;
                }
                sequences.Add(words);
            }
        }
        var vocabulary = frequency.Where(f => f.Value >= minCount).OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key).ToArray();
        var id = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int w = 0; w < vocabulary.Length; w++) id[vocabulary[w]] = w + 1;
        int v = vocabulary.Length + 1;

        var counts = new long[v];
        var next = new Dictionary<long, int>();
        foreach (var words in sequences)
        {
            int previous = 0;
            foreach (var word in words)
            {
                int current = id.GetValueOrDefault(word);
                if (current == 0) { previous = 0; continue; }
                counts[current]++;
                if (previous != 0) CollectionsMarshal.GetValueRefOrAddDefault(next, (long)previous * v + current, out _)++;
                previous = current;
            }
        }
        var successors = new List<(int Word, int Count)>[v];
        var predecessors = new List<(int Word, int Count)>[v];
        for (int w = 0; w < v; w++) { successors[w] = []; predecessors[w] = []; }
        foreach (var (key, count) in next)
        {
            int a = (int)(key / v), b = (int)(key % v);
            successors[a].Add((b, count));
            predecessors[b].Add((a, count));
        }

        var result = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var word in vocabulary) result[word] = new int[granularities.Length];
        for (int g = 0; g < granularities.Length; g++)
        {
            var classOf = Exchange(granularities[g], v, counts, successors, predecessors, iterations);
            for (int w = 1; w < v; w++) result[vocabulary[w - 1]][g] = classOf[w];
        }
        return new WordClusters(result);
    }

    // The exchange algorithm over words 1..v-1 with K classes; returns each word's class.
    private static int[] Exchange(int k, int v, long[] counts, List<(int Word, int Count)>[] successors,
        List<(int Word, int Count)>[] predecessors, int iterations)
    {
        var classOf = new int[v];
        for (int w = 1; w < v; w++) classOf[w] = (w - 1) % k; // round robin by frequency rank
        var classCount = new long[k];
        var bigram = new long[k * k];
        for (int w = 1; w < v; w++)
        {
            classCount[classOf[w]] += counts[w];
            foreach (var (u, c) in successors[w]) bigram[classOf[w] * k + classOf[u]] += c;
        }
        var right = new long[k];
        var left = new long[k];
        var rightClasses = new List<int>(k);
        var leftClasses = new List<int>(k);
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            int moved = 0;
            for (int w = 1; w < v; w++)
            {
                int from = classOf[w];
                Array.Clear(right);
                Array.Clear(left);
                rightClasses.Clear();
                leftClasses.Clear();
                foreach (var (u, c) in successors[w])
                {
                    if (u == w) continue;
                    if (right[classOf[u]] == 0) rightClasses.Add(classOf[u]);
                    right[classOf[u]] += c;
                }
                foreach (var (u, c) in predecessors[w])
                {
                    if (u == w) continue;
                    if (left[classOf[u]] == 0) leftClasses.Add(classOf[u]);
                    left[classOf[u]] += c;
                }
                // Take w out of its class.
                foreach (int c in rightClasses) bigram[from * k + c] -= right[c];
                foreach (int c in leftClasses) bigram[c * k + from] -= left[c];
                classCount[from] -= counts[w];

                int best = from;
                double bestGain = double.NegativeInfinity;
                for (int to = 0; to < k; to++)
                {
                    double gain = -2 * (XLogX(classCount[to] + counts[w]) - XLogX(classCount[to]));
                    foreach (int c in rightClasses) gain += XLogX(bigram[to * k + c] + right[c]) - XLogX(bigram[to * k + c]);
                    foreach (int c in leftClasses) gain += XLogX(bigram[c * k + to] + left[c]) - XLogX(bigram[c * k + to]);
                    if (gain > bestGain + 1e-9 || (to == from && gain >= bestGain - 1e-9))
                    {
                        bestGain = gain;
                        best = to;
                    }
                }
                foreach (int c in rightClasses) bigram[best * k + c] += right[c];
                foreach (int c in leftClasses) bigram[c * k + best] += left[c];
                classCount[best] += counts[w];
                if (best != from) moved++;
                classOf[w] = best;
            }
            if (moved == 0) break;
        }
        return classOf;
    }

    private static double XLogX(long x) => x <= 0 ? 0 : x * Math.Log(x);

    [GeneratedRegex("<(TITLE|BODY)>(.*?)</\\1>", RegexOptions.Singleline)]
    private static partial Regex SgmlText();

    /// <summary>
    /// The texts under <paramref name="path"/>: Reuters-21578 SGML (titles and bodies), CSV news (the
    /// quoted fields after the first), CoNLL files (their sentences), plain text; directories recursively.
    /// </summary>
    public static IEnumerable<string> ReadTexts(string path)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : Enumerable.Repeat(path, 1);
        foreach (var file in files)
        {
            if (file.EndsWith(".sgm", StringComparison.OrdinalIgnoreCase))
            {
                foreach (Match m in SgmlText().Matches(File.ReadAllText(file, System.Text.Encoding.Latin1)))
                    yield return System.Net.WebUtility.HtmlDecode(m.Groups[2].Value);
            }
            else if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var line in File.ReadLines(file))
                {
                    var fields = line.Split("\",\"");
                    if (fields.Length > 1) yield return string.Join(". ", fields.Skip(1)).Trim('"').Replace("\\", " ");
                }
            }
            else if (file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            {
                yield return File.ReadAllText(file);
            }
        }
    }
}
