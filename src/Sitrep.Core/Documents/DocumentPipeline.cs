namespace Sitrep.Documents;

/// <summary>An immutable, thread-safe list of stages whose order was checked when it was built.</summary>
public sealed class DocumentPipeline
{
    private readonly IStage[] _stages;

    internal DocumentPipeline(IStage[] stages) => _stages = stages;

    /// <summary>The stages in run order.</summary>
    public IReadOnlyList<IStage> Stages => _stages;

    /// <summary>The layers a document carries after this pipeline.</summary>
    public Layer Provides => _stages.Aggregate(Layer.None, (all, s) => all | s.Provides);

    /// <summary>
    /// This pipeline cut down to the stages needed for <paramref name="layers"/> and what those stages
    /// require, so an ingest does not compute layers its store would throw away.
    /// </summary>
    public DocumentPipeline Providing(Layer layers)
    {
        var needed = layers;
        var kept = new List<IStage>();
        for (int i = _stages.Length - 1; i >= 0; i--)
        {
            if ((_stages[i].Provides & needed) == Layer.None) continue;
            kept.Add(_stages[i]);
            needed |= _stages[i].Requires;
        }
        kept.Reverse();
        return new DocumentPipeline([.. kept]);
    }

    /// <summary>
    /// Reads one report: a document of <paramref name="text"/> dated <paramref name="date"/> (the day it was
    /// published; relative dates resolve against it) with every layer this pipeline adds.
    /// </summary>
    public Document Process(string text, DateOnly date, string origin = "-")
    {
        var document = new Document(text, date, new SourceLocation(origin));
        Process(document);
        return document;
    }

    /// <summary>
    /// Reads many reports on every core, in their order: as <see cref="Process(string, DateOnly, string)"/> for each.
    /// A failing stage ends the enumeration with an <see cref="AggregateException"/> holding its <see cref="StageException"/>.
    /// </summary>
    public IEnumerable<Document> ProcessAll(IEnumerable<(string Text, DateOnly Date)> reports) =>
        reports.AsParallel().AsOrdered().Select(r => Process(r.Text, r.Date));

    /// <summary>Runs every stage on <paramref name="document"/>; a failing stage throws <see cref="StageException"/>.</summary>
    public void Process(Document document)
    {
        foreach (var stage in _stages)
        {
            try
            {
                stage.Process(document);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new StageException(stage.Name, document.Id, e);
            }
        }
    }
}

/// <summary>Builds a <see cref="DocumentPipeline"/>, rejecting a stage whose required layers no earlier stage provides.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IStage> _stages = [];

    /// <summary>Whether an earlier stage adds <paramref name="layers"/>.</summary>
    public bool Provides(Layer layers) => _stages.Any(s => (s.Provides & layers) != 0);

    /// <summary>Appends a stage.</summary>
    public PipelineBuilder Use(IStage stage)
    {
        _stages.Add(stage);
        return this;
    }

    /// <summary>Checks the stage order and freezes the pipeline.</summary>
    public DocumentPipeline Build()
    {
        var available = Layer.None;
        foreach (var stage in _stages)
        {
            var missing = stage.Requires & ~available;
            if (missing != Layer.None)
                throw new InvalidOperationException($"Stage '{stage.Name}' requires {missing}, which no earlier stage provides.");
            var twice = stage.Provides & available;
            if (twice != Layer.None)
                throw new InvalidOperationException($"Stage '{stage.Name}' provides {twice}, which an earlier stage already provides.");
            available |= stage.Provides;
        }
        return new DocumentPipeline([.. _stages]);
    }
}

/// <summary>A stage failed on a document: a bug or bad model, reported against that document only.</summary>
public sealed class StageException(string stage, string documentId, Exception inner)
    : Exception($"stage '{stage}' failed on document {documentId}: {inner.Message}", inner)
{
    /// <summary>The failing stage's name.</summary>
    public string Stage { get; } = stage;
}
