namespace Sitrep.Entities;

/// <summary>
/// A greedy left-to-right averaged-perceptron sequence tagger over BIO labels. Each label's score is
/// the sum of the weights of the token's features (<see cref="NerFeatures"/>); "I-X" may only follow
/// "B-X" or "I-X". A two-pass model holds a first-pass tagger whose labels for the whole report the
/// second pass reads (<see cref="PredictionAggregation"/>). Immutable and thread-safe once built.
/// </summary>
public sealed class PerceptronTagger
{
    private const string Magic = "SITREP-NER-4";
    private readonly string[] _labels;
    private readonly FeatureWeights _weights;
    private readonly WordClusters _clusters;
    private readonly NameLexicon _names;
    private readonly PerceptronTagger? _firstPass;

    internal PerceptronTagger(string[] labels, FeatureWeights weights, WordClusters clusters, NameLexicon names, PerceptronTagger? firstPass = null)
    {
        if (weights.Width != labels.Length) throw new ArgumentException("one weight per label expected", nameof(weights));
        _labels = labels;
        _weights = weights;
        _clusters = clusters;
        _names = names;
        _firstPass = firstPass;
    }

    /// <summary>The labels, e.g. "O", "B-PER", "I-PER".</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The gazetteer names the model was trained with.</summary>
    internal NameLexicon Names => _names;

    /// <summary>Number of features with weights.</summary>
    public int FeatureCount => _weights.Count;

    /// <summary>
    /// Tags one sentence; <paramref name="document"/> tells how its words are written elsewhere in the
    /// report. A two-pass model reads the sentence as a report of its own (use <see cref="TagDocument"/> for reports).
    /// </summary>
    internal string[] Tag(IReadOnlyList<string> words, DocumentCase? document = null) =>
        _firstPass is null ? Tag(Prepare(words), document ?? DocumentCase.None, null) : TagDocument([words])[0];

    /// <summary>What both passes read of a sentence besides its words, computed once.</summary>
    internal readonly record struct SentenceInput(IReadOnlyList<string> Words, bool Capitals, int[]?[] Classes, int[] Gazetteer);

    internal SentenceInput Prepare(IReadOnlyList<string> words) =>
        new(words, NerFeatures.IsAllCaps(words), _clusters.ClassesOf(words), _names.Match(words));

    /// <summary>Tags one sentence, given what the first pass said of each word's other occurrences (null for a one-pass model).</summary>
    internal string[] Tag(SentenceInput sentence, DocumentCase document, int[]? firstPass)
    {
        var words = sentence.Words;
        var tags = new string[words.Count];
        Span<ulong> features = stackalloc ulong[NerFeatures.MaxPerToken];
        Span<float> scores = stackalloc float[_weights.Stride];
        string previous = "<s>", previous2 = "<s>";
        for (int i = 0; i < words.Count; i++)
        {
            if (NerFeatures.IsPlainOutside(words[i], previous))
            {
                tags[i] = "O";
                previous2 = previous;
                previous = "O";
                continue;
            }
            int n = NerFeatures.Extract(words, i, previous, previous2, sentence.Capitals, document, sentence.Classes, sentence.Gazetteer, firstPass, features);
            scores.Clear();
            _weights.AddScores(features[..n], scores);
            var label = _labels[Best(_labels, scores, previous)];
            tags[i] = label;
            previous2 = previous;
            previous = label;
        }
        return tags;
    }

    /// <summary>
    /// Tags every sentence of one report, then makes the report consistent: an entity string tagged
    /// with different types is given the type most of its mentions have ("Alma-Ata" is a place
    /// throughout, even where one sentence alone suggests a person).
    /// </summary>
    public string[][] TagDocument(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var context = new DocumentCase(sentences);
        var inputs = sentences.Select(Prepare).ToArray();
        var firstPass = _firstPass is null ? null : PredictionAggregation.Of(sentences, [.. inputs.Select(s => _firstPass.Tag(s, context, null))]);
        var tags = inputs.Select((s, k) => Tag(s, context, firstPass?[k])).ToArray();
        var votes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        for (int s = 0; s < tags.Length; s++)
            foreach (var (type, start, end) in ConllCorpus.Chunks(tags[s]))
            {
                var key = string.Join(' ', sentences[s].Skip(start).Take(end - start));
                var types = votes.TryGetValue(key, out var t) ? t : votes[key] = [];
                types[type] = types.GetValueOrDefault(type) + 1;
            }
        // News names a person in full, then by surname: a lone surname is that person.
        var surnames = votes.Where(v => v.Key.Contains(' ') && v.Value.ContainsKey("PER")).Select(v => v.Key[(v.Key.LastIndexOf(' ') + 1)..]).ToHashSet(StringComparer.Ordinal);
        for (int s = 0; s < tags.Length; s++)
            foreach (var (type, start, end) in ConllCorpus.Chunks(tags[s]))
            {
                var text = string.Join(' ', sentences[s].Skip(start).Take(end - start));
                var types = votes[text];
                var majority = end - start == 1 && surnames.Contains(text) ? "PER" : types.MaxBy(t => (t.Value, t.Key == type)).Key;
                if (majority == type) continue;
                tags[s][start] = "B-" + majority;
                for (int i = start + 1; i < end; i++) tags[s][i] = "I-" + majority;
            }
        for (int s = 0; s < tags.Length; s++) NameHeads.Apply(sentences[s], tags[s]);
        return tags;
    }

    /// <summary>The best label allowed after <paramref name="previous"/>.</summary>
    internal static int Best(string[] labels, ReadOnlySpan<float> scores, string previous)
    {
        int best = -1;
        for (int l = 0; l < labels.Length; l++)
        {
            if (!Allowed(labels[l], previous)) continue;
            if (best < 0 || scores[l] > scores[best]) best = l;
        }
        return best;
    }

    private static bool Allowed(string label, string previous) =>
        !label.StartsWith("I-", StringComparison.Ordinal)
        || (previous.Length > 2 && previous.AsSpan(2).SequenceEqual(label.AsSpan(2)));

    /// <summary>Writes the model: labels, feature hashes and half-precision weights, word classes, gazetteer names.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(Magic);
        writer.Write(_labels.Length);
        foreach (var label in _labels) writer.Write(label);
        writer.Write(_firstPass is not null);
        if (_firstPass is not null) WriteWeights(writer, _firstPass._weights);
        WriteWeights(writer, _weights);
        writer.Write(_clusters.Count);
        foreach (var (word, classes) in _clusters.Classes.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            writer.Write(word);
            writer.Write((byte)classes.Length);
            foreach (int c in classes) writer.Write((short)c);
        }
        writer.Write(_names.Count);
        foreach (var (name, kinds) in _names.Names.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            writer.Write(name);
            writer.Write((byte)kinds);
        }
    }

    private static void WriteWeights(BinaryWriter writer, FeatureWeights weights)
    {
        writer.Write(weights.Count);
        for (int row = 0; row < weights.Count; row++)
        {
            writer.Write(weights.Hashes[row]);
            foreach (var weight in weights.Row(row)) writer.Write((Half)weight);
        }
    }

    private static FeatureWeights ReadWeights(BinaryReader reader, int width)
    {
        int count = reader.ReadInt32();
        var hashes = new ulong[count];
        var weights = new float[count * width];
        for (int row = 0; row < count; row++)
        {
            hashes[row] = reader.ReadUInt64();
            for (int l = 0; l < width; l++) weights[row * width + l] = (float)reader.ReadHalf();
        }
        return new FeatureWeights(hashes, weights, width);
    }

    /// <summary>Reads a model written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static PerceptronTagger Load(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        try
        {
            if (reader.ReadString() != Magic) throw Damaged(path, "is not a Sitrep NER model of this version");
            var labels = new string[reader.ReadInt32()];
            for (int l = 0; l < labels.Length; l++) labels[l] = reader.ReadString();
            var firstPassWeights = reader.ReadBoolean() ? ReadWeights(reader, labels.Length) : null;
            var weights = ReadWeights(reader, labels.Length);
            int clustered = reader.ReadInt32();
            var classes = new Dictionary<string, int[]>(clustered, StringComparer.Ordinal);
            for (int w = 0; w < clustered; w++)
            {
                var word = reader.ReadString();
                var ids = new int[reader.ReadByte()];
                for (int g = 0; g < ids.Length; g++) ids[g] = reader.ReadInt16();
                classes[word] = ids;
            }
            int named = reader.ReadInt32();
            var names = new Dictionary<string, NameKinds>(named, StringComparer.Ordinal);
            for (int k = 0; k < named; k++) names[reader.ReadString()] = (NameKinds)reader.ReadByte();
            var clusters = new WordClusters(classes);
            var lexicon = new NameLexicon(names);
            var firstPass = firstPassWeights is null ? null : new PerceptronTagger(labels, firstPassWeights, clusters, lexicon);
            return new PerceptronTagger(labels, weights, clusters, lexicon, firstPass);
        }
        catch (EndOfStreamException e)
        {
            throw Damaged(path, "is truncated or not a Sitrep NER model", e);
        }
    }

    private static InvalidDataException Damaged(string path, string what, Exception? inner = null) =>
        new($"{path} {what}; rebuild it with 'sitrep train ner' (see models/README.md)", inner);
}
