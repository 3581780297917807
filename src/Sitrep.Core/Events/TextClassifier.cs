using System.Text;

namespace Sitrep.Events;

/// <summary>
/// A multi-class averaged perceptron over sparse string features: small, fast, reproducible (fixed
/// seed), and good at the short, formulaic texts event coding reads (ACLED notes, wire sentences).
/// </summary>
public sealed class TextClassifier
{
    private const string Magic = "SITREP-EVT-1";
    private readonly string[] _labels;
    private readonly Dictionary<string, float[]> _weights;

    private TextClassifier(string[] labels, Dictionary<string, float[]> weights)
    {
        _labels = labels;
        _weights = weights;
    }

    /// <summary>The labels it can give.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The best label for <paramref name="features"/>, with the score margin over the runner-up.</summary>
    public (string Label, double Margin) Predict(IEnumerable<string> features)
    {
        var scores = Scores(features);
        int best = 0, second = -1;
        for (int i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best]) (second, best) = (best, i);
            else if (second < 0 || scores[i] > scores[second]) second = i;
        }
        return (_labels[best], second < 0 ? double.PositiveInfinity : scores[best] - scores[second]);
    }

    /// <summary>The score of every label.</summary>
    public double[] Scores(IEnumerable<string> features)
    {
        var scores = new double[_labels.Length];
        foreach (var f in features)
            if (_weights.TryGetValue(f, out var w))
                for (int i = 0; i < w.Length; i++) scores[i] += w[i];
        return scores;
    }

    /// <summary>Trains on (features, label) pairs for <paramref name="epochs"/> shuffled passes; the same input and seed give the same model.</summary>
    public static TextClassifier Train(IReadOnlyList<(string[] Features, string Label)> examples, int epochs = 10, int seed = 20220106)
    {
        var labels = examples.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var weights = new Dictionary<string, double[]>();
        var totals = new Dictionary<string, double[]>();
        var stamps = new Dictionary<string, int[]>();
        int step = 0;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);

        void Update(string feature, int label, double delta)
        {
            if (!weights.TryGetValue(feature, out var w))
            {
                weights[feature] = w = new double[labels.Length];
                totals[feature] = new double[labels.Length];
                stamps[feature] = new int[labels.Length];
            }
            var total = totals[feature];
            var stamp = stamps[feature];
            total[label] += (step - stamp[label]) * w[label];
            stamp[label] = step;
            w[label] += delta;
        }

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                step++;
                var (features, gold) = examples[i];
                var scores = new double[labels.Length];
                foreach (var f in features)
                    if (weights.TryGetValue(f, out var w))
                        for (int k = 0; k < w.Length; k++) scores[k] += w[k];
                int guess = 0;
                for (int k = 1; k < scores.Length; k++) if (scores[k] > scores[guess]) guess = k;
                int truth = index[gold];
                if (guess == truth) continue;
                foreach (var f in features)
                {
                    Update(f, truth, 1);
                    Update(f, guess, -1);
                }
            }
        }
        // Average: each weight's value integrated over every step, divided by the steps.
        var averaged = new Dictionary<string, float[]>(weights.Count);
        foreach (var (feature, w) in weights)
        {
            var total = totals[feature];
            var stamp = stamps[feature];
            var avg = new float[labels.Length];
            bool any = false;
            for (int k = 0; k < avg.Length; k++)
            {
                avg[k] = (float)((total[k] + (step - stamp[k]) * w[k]) / step);
                any |= avg[k] != 0;
            }
            if (any) averaged[feature] = avg;
        }
        return new TextClassifier(labels, averaged);
    }

    /// <summary>Writes the model.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new BinaryWriter(File.Create(path), Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(_labels.Length);
        foreach (var l in _labels) writer.Write(l);
        writer.Write(_weights.Count);
        foreach (var (feature, w) in _weights.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            writer.Write(feature);
            foreach (var x in w) writer.Write(x);
        }
    }

    /// <summary>Reads a model; throws <see cref="InvalidDataException"/> naming the file when it is not one.</summary>
    public static TextClassifier Load(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        try
        {
            if (reader.ReadString() != Magic) throw new InvalidDataException($"{path}: not an event model ({Magic}); rebuild it with 'sitrep train events'.");
            var labels = new string[reader.ReadInt32()];
            for (int i = 0; i < labels.Length; i++) labels[i] = reader.ReadString();
            int count = reader.ReadInt32();
            var weights = new Dictionary<string, float[]>(count);
            for (int i = 0; i < count; i++)
            {
                var feature = reader.ReadString();
                var w = new float[labels.Length];
                for (int k = 0; k < w.Length; k++) w[k] = reader.ReadSingle();
                weights[feature] = w;
            }
            return new TextClassifier(labels, weights);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: truncated event model; rebuild it with 'sitrep train events'.");
        }
    }
}
