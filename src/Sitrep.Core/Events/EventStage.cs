using Sitrep.Documents;
using Sitrep.Places;

namespace Sitrep.Events;

/// <summary>Adds the events layer: ACLED-coded events with their evidence, from every earlier layer.</summary>
public sealed class EventStage(TextClassifier classifier, Gazetteer? gazetteer, ActorLexicon? actors = null, TriggerSenses? senses = null) : IStage
{
    private readonly EventCoder _coder = new(classifier, gazetteer, actors, senses);

    /// <inheritdoc/>
    public string Name => "events";

    /// <inheritdoc/>
    public Layer Requires => Layer.Paragraphs | Layer.Tokens | Layer.Sentences | Layer.Places | Layer.Quantities | Layer.Times | Layer.Attributions;

    /// <inheritdoc/>
    public Layer Provides => Layer.Events;

    /// <inheritdoc/>
    public void Process(Document document)
    {
        document.SetEvents(_coder.Code(document));
        if (document.Events.Count == 0)
            document.AddDiagnostic(DiagnosticCodes.NoEvents,
                "no ACLED event: nothing in the report is political violence, a protest or a strategic development (disasters, accidents, crime and plans are not coded)");
    }
}

/// <summary>Where the trained event model lives and how it is loaded once per process.</summary>
internal static class EventModel
{
    /// <summary>The model shipped with the build: <c>models/events.bin</c> beside the program.</summary>
    public static string DefaultPath { get; } = Path.Combine(AppContext.BaseDirectory, "models", FileName);

    /// <summary>The model's file name.</summary>
    public const string FileName = "events.bin";

    private static readonly Lazy<TextClassifier?> Shipped = new(() => File.Exists(DefaultPath) ? TextClassifier.Load(DefaultPath) : null);

    /// <summary>The shipped model, or null when the build has none.</summary>
    public static TextClassifier? Default => Shipped.Value;

    /// <summary>ACLED's actor names learned with the model: <c>models/actors.tsv</c> beside the program.</summary>
    public static string DefaultActorsPath { get; } = Path.Combine(AppContext.BaseDirectory, "models", ActorsFile);

    /// <summary>The actor lexicon's file name, written beside the model by <c>sitrep train events</c>.</summary>
    public const string ActorsFile = "actors.tsv";

    private static readonly Lazy<ActorLexicon?> ShippedActors = new(() => File.Exists(DefaultActorsPath) ? ActorLexicon.Load(DefaultActorsPath) : null);

    /// <summary>The shipped actor lexicon, or null when the build has none (the coder then keeps its generic names).</summary>
    public static ActorLexicon? DefaultActors => ShippedActors.Value;

    /// <summary>The classifier's training examples: the notes of the rows not held out, as features.</summary>
    public static List<(string[] Features, string Label)> Examples(IEnumerable<AcledGoldRow> rows, DocumentPipeline text) =>
        rows.Select(r =>
        {
            var d = new Document(r.Notes, r.Date, new SourceLocation(r.Id));
            text.Process(d);
            var words = new List<string>(d.Tokens.Length);
            foreach (var t in d.Tokens) words.Add(d.TextOf(t.Range));
            return (EventFeatures.Of(words), r.Label);
        }).ToList();
}
