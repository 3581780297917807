using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Events;

/// <summary>
/// Which sense an event word has where it stands: "protesters rallied in the square" against "oil prices
/// rallied", "gunmen attacked a convoy" against "Arsenal's attack", "shelling" against "Shell". A
/// classifier over the word and its neighbours, learned from the event words of ACLED's training notes
/// (the event sense) and of Reuters-21578's business news (mostly the everyday sense). The detector
/// asks it unless soldiers, police or gunmen are named, people beside a protest word, or a government
/// resigning (<see cref="EventDetection.LeftToSenses"/>): there business news would teach it the wrong prior.
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

    /// <summary>The model shipped with the build: <c>models/trigger-senses.bin</c> beside the program.</summary>
    public static string DefaultPath { get; } = Path.Combine(AppContext.BaseDirectory, "models", FileName);

    private static readonly Lazy<TriggerSenses?> Shipped = new(() =>
        File.Exists(DefaultPath) ? new TriggerSenses(TextClassifier.Load(DefaultPath)) : null);

    /// <summary>Whether the event word at <paramref name="i"/> of the sentence's <paramref name="words"/> is used in its event sense.</summary>
    public bool IsEventSense(List<(string Lower, string Original)> words, int i) => IsEventSense(Features(words, i));

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

    // One event word where it stands: its features, whether the detector asks the model for it, and which text it is from.
    private readonly record struct Occurrence(string[] Features, bool LeftToSenses, int Text);

    /// <summary>The event words of <paramref name="texts"/>, sentence by sentence.</summary>
    private static IEnumerable<Occurrence> Occurrences(IEnumerable<string> texts, DocumentPipeline text)
    {
        int n = 0;
        foreach (var body in texts)
        {
            n++;
            if (string.IsNullOrWhiteSpace(body)) continue;
            foreach (var occurrence in Occurrences(body, n, text)) yield return occurrence;
        }
    }

    private static List<Occurrence> Occurrences(string body, int n, DocumentPipeline text)
    {
        var found = new List<Occurrence>();
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
            bool? armed = null, actor = null;
            for (int i = 0; i < words.Count; i++)
                if ((EventLexicon.Of(words[i].Lower) & EventCue.Trigger) != 0)
                    found.Add(new(Features(words, i), EventDetection.LeftToSenses(words, i, ref armed, ref actor), n));
        }
        return found;
    }

    /// <summary>
    /// Learns the senses from the event words of <paramref name="eventTexts"/> (told events: ACLED notes)
    /// and of <paramref name="otherTexts"/> (news that is mostly not about events: business wires).
    /// </summary>
    public static TriggerSenses Train(IEnumerable<string> eventTexts, IEnumerable<string> otherTexts, int epochs = 10)
    {
        var (events, others) = Read(eventTexts, otherTexts);
        return new TriggerSenses(TextClassifier.Train(Examples(events, others, _ => true), epochs));
    }

    /// <summary>
    /// Trains on four fifths of the texts (by their order) and reads the fifth left out where the detector asks the model
    /// (<see cref="EventDetection.LeftToSenses"/>): the share of event words read in their everyday sense, of the event texts and of the others.
    /// </summary>
    public static (double EventsOverruled, double OthersOverruled) HeldOut(IEnumerable<string> eventTexts, IEnumerable<string> otherTexts, int epochs = 10)
    {
        var (events, others) = Read(eventTexts, otherTexts);
        static bool Trained(Occurrence o) => o.Text % 5 != 0;
        var model = new TriggerSenses(TextClassifier.Train(Examples(events, others, Trained), epochs));
        double Overruled(List<Occurrence> all)
        {
            var held = all.Where(o => !Trained(o) && o.LeftToSenses).ToList();
            return held.Count == 0 ? 0 : held.Count(o => !model.IsEventSense(o.Features)) / (double)held.Count;
        }
        return (Overruled(events), Overruled(others));
    }

    private bool IsEventSense(string[] features) => classifier.Predict(features).Label == EventSense;

    private static (List<Occurrence> Events, List<Occurrence> Others) Read(IEnumerable<string> eventTexts, IEnumerable<string> otherTexts)
    {
        var text = new PipelineBuilder().Use(new TextStage()).Build();
        return ([.. Occurrences(eventTexts, text)], [.. Occurrences(otherTexts, text)]);
    }

    private static List<(string[] Features, string Label)> Examples(List<Occurrence> events, List<Occurrence> others, Func<Occurrence, bool> keep) =>
        [.. events.Where(keep).Select(o => (o.Features, EventSense)), .. others.Where(keep).Select(o => (o.Features, OtherSense))];

    /// <summary>Writes the model.</summary>
    public void Save(string path) => classifier.Save(path);
}
