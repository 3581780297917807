using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Events;

/// <summary>
/// Which sense an event word has where it stands: "protesters rallied in the square" against "oil prices
/// rallied", "gunmen attacked a convoy" against "Arsenal's attack", "shelling" against "Shell". A
/// classifier over the word and its neighbours, learned from the event words of ACLED's training notes
/// (the event sense) and of Reuters-21578's business news (mostly the everyday sense). The detector
/// asks it only where a sentence names no one who acts in events: with an actor named ("the
/// government has resigned", "workers rallied") business news would teach it the wrong prior.
/// </summary>
public sealed class TriggerSenses(TextClassifier classifier)
{
    /// <summary>The file the model is kept in under <c>models/</c>.</summary>
    public const string FileName = "trigger-senses.bin";

    private const string EventSense = "event", OtherSense = "other";

    // Words either side of the event word that its sense is read from.
    private const int Window = 4;

    /// <summary>The model shipped in <c>models/</c>, or null when the build has none (every event word then counts).</summary>
    public static TriggerSenses? Default => Shipped.Value;

    private static readonly Lazy<TriggerSenses?> Shipped = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "models", FileName);
        return File.Exists(path) ? new TriggerSenses(TextClassifier.Load(path)) : null;
    });

    /// <summary>Whether the event word at <paramref name="i"/> of the sentence's <paramref name="words"/> is used in its event sense.</summary>
    public bool IsEventSense(List<(string Lower, string Original)> words, int i) =>
        classifier.Predict(Features(words, i)).Label == EventSense;

    /// <summary>The features of the event word at <paramref name="i"/>: itself, its neighbours, and the words around it, each joined to it.</summary>
    internal static string[] Features(List<(string Lower, string Original)> words, int i)
    {
        string t = EventFeatures.Stem(words[i].Lower);
        string Word(int j) => j < 0 ? "<s>" : j >= words.Count ? "</s>" : Shape(words[j].Lower);
        var features = new List<string>(4 * Window + 8)
        {
            "bias", "t=" + t, $"t={t}|-1={Word(i - 1)}", $"t={t}|+1={Word(i + 1)}", $"t={t}|-2={Word(i - 2)}", $"t={t}|+2={Word(i + 2)}",
            $"t={t}|-1+1={Word(i - 1)}_{Word(i + 1)}",
        };
        // Capitalised inside a sentence: a name ("Shell", "Strike Force"), not the act.
        if (i > 0 && char.IsUpper(words[i].Original[0])) features.Add($"t={t}|capital");
        for (int j = Math.Max(0, i - Window); j < Math.Min(words.Count, i + Window + 1); j++)
        {
            if (j == i) continue;
            var c = Word(j);
            features.Add($"t={t}|c={c}");
            features.Add("c=" + c);
        }
        return [.. features.Distinct()];
    }

    // Numbers as one symbol, other words by their stem.
    private static string Shape(string lower) =>
        lower.Length > 0 && char.IsDigit(lower[0]) ? "#" : EventFeatures.Stem(lower);

    /// <summary>The event words of <paramref name="texts"/>, sentence by sentence, with their features.</summary>
    internal static IEnumerable<string[]> Occurrences(IEnumerable<string> texts, DocumentPipeline text)
    {
        foreach (var body in texts)
        {
            if (string.IsNullOrWhiteSpace(body)) continue;
            foreach (var features in Occurrences(body, text)) yield return features;
        }
    }

    private static List<string[]> Occurrences(string body, DocumentPipeline text)
    {
        var found = new List<string[]>();
        var document = new Document(body, new DateOnly(2000, 1, 1), new SourceLocation("training"));
        text.Process(document);
        foreach (var sentence in document.Sentences)
        {
            var words = new List<(string Lower, string Original)>(sentence.EndToken - sentence.FirstToken);
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                var original = document.TextOf(document.Tokens[t].Range);
                words.Add((original.ToLowerInvariant(), original));
            }
            for (int i = 0; i < words.Count; i++)
                if ((EventLexicon.Of(words[i].Lower) & EventCue.Trigger) != 0) found.Add(Features(words, i));
        }
        return found;
    }

    /// <summary>
    /// Learns the senses from the event words of <paramref name="eventTexts"/> (told events: ACLED notes)
    /// and of <paramref name="otherTexts"/> (news that is mostly not about events: business wires).
    /// </summary>
    public static TriggerSenses Train(IEnumerable<string> eventTexts, IEnumerable<string> otherTexts, int epochs = 10)
    {
        var text = new PipelineBuilder().UseText().Build();
        var examples = Occurrences(eventTexts, text).Select(f => (f, EventSense))
            .Concat(Occurrences(otherTexts, text).Select(f => (f, OtherSense))).ToList();
        return new TriggerSenses(TextClassifier.Train(examples, epochs));
    }

    /// <summary>Writes the model.</summary>
    public void Save(string path) => classifier.Save(path);
}
