using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Events;
using Sitrep.Places;

namespace Sitrep.Pipeline;

/// <summary>
/// Everything the engine's stages read: the entity tagger, the event classifier with ACLED's actor names,
/// the model of event-word senses, and the compiled gazetteer. Load it once from a folder and build the
/// pipeline from it; a missing file is an error that names it, never a stage silently left out.
/// </summary>
public sealed class SitrepResources
{
    /// <summary>The files of a resources folder, in the order <see cref="Load"/> reads them.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [EntityModel.FileName, Events.EventModel.FileName, Events.EventModel.ActorsFile, TriggerSenses.FileName, GazetteerFile.FileName];

    private static readonly Lazy<SitrepResources> LazyShipped = new(LoadShipped);

    private readonly Lazy<DocumentPipeline> _pipeline;

    // Where each resource was read from, in the order of FileNames.
    private readonly string[] _files;

    private SitrepResources(string[] files, PerceptronTagger tagger, Gazetteer gazetteer, TextClassifier eventModel, ActorLexicon actors, TriggerSenses senses)
    {
        _files = files;
        Tagger = tagger;
        Gazetteer = gazetteer;
        EventModel = eventModel;
        Actors = actors;
        Senses = senses;
        _pipeline = new(() => new PipelineBuilder().UseAll(this).Build());
    }

    /// <summary>The entity tagger.</summary>
    public PerceptronTagger Tagger { get; }

    /// <summary>The place index.</summary>
    public Gazetteer Gazetteer { get; }

    /// <summary>The classifier of event types.</summary>
    public TextClassifier EventModel { get; }

    /// <summary>ACLED's actor names, learned with the event model.</summary>
    public ActorLexicon Actors { get; }

    /// <summary>Which sense an event word has where it stands.</summary>
    public TriggerSenses Senses { get; }

    /// <summary>Every stage, in dependency order, reading these resources.</summary>
    public DocumentPipeline Pipeline => _pipeline.Value;

    /// <summary>
    /// The resources in <paramref name="directory"/>, as <see cref="Save"/> writes them (<c>sitrep resources
    /// export DIR</c>): <c>ner.bin</c>, <c>events.bin</c>, <c>actors.tsv</c>, <c>trigger-senses.bin</c> and
    /// <c>gazetteer.bin</c>.
    /// </summary>
    /// <exception cref="MissingResourcesException">A file is missing; every missing one is named.</exception>
    public static SitrepResources Load(string directory)
    {
        var paths = FileNames.Select(f => Path.Combine(directory, f)).ToArray();
        var missing = paths.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0) throw new MissingResourcesException(missing);
        return new SitrepResources(paths,
            PerceptronTagger.Load(paths[0]), GazetteerFile.Load(paths[4]), TextClassifier.Load(paths[1]),
            ActorLexicon.Load(paths[2]), new TriggerSenses(TextClassifier.Load(paths[3])));
    }

    /// <summary>
    /// The resources of this build: the trained models in <c>models/</c> beside the program, and the
    /// gazetteer compiled from the installed npm packages (cached, recompiled when a package changes).
    /// </summary>
    /// <exception cref="MissingResourcesException">A model or the gazetteer's packages are missing.</exception>
    public static SitrepResources Shipped => LazyShipped.Value;

    private static SitrepResources LoadShipped()
    {
        var missing = new List<string>();
        var tagger = EntityModel.Default;
        if (tagger is null) missing.Add(EntityModel.DefaultPath);
        var eventModel = Events.EventModel.Default;
        if (eventModel is null) missing.Add(Events.EventModel.DefaultPath);
        var actors = Events.EventModel.DefaultActors;
        if (actors is null) missing.Add(Events.EventModel.DefaultActorsPath);
        var senses = TriggerSenses.Default;
        if (senses is null) missing.Add(TriggerSenses.DefaultPath);
        var gazetteer = GazetteerCache.Default;
        if (gazetteer is null)
            missing.Add((GazetteerCache.DefaultPath ?? "the gazetteer") +
                " (compiled from the gazetteer's npm packages: run 'npm ci' in the repository, or set SITREP_GAZETTEER to a compiled gazetteer)");
        if (missing.Count > 0) throw new MissingResourcesException(missing);
        string[] files = [EntityModel.DefaultPath, Events.EventModel.DefaultPath, Events.EventModel.DefaultActorsPath, TriggerSenses.DefaultPath, GazetteerCache.DefaultPath!];
        return new SitrepResources(files, tagger!, gazetteer!, eventModel!, actors!, senses!);
    }

    /// <summary>Writes these resources into <paramref name="directory"/> (created if need be), for <see cref="Load"/> to read.</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        for (int i = 0; i < _files.Length; i++)
        {
            var target = Path.Combine(directory, FileNames[i]);
            if (Path.GetFullPath(target) != Path.GetFullPath(_files[i])) File.Copy(_files[i], target, overwrite: true);
        }
    }
}

/// <summary>Files the engine needs are missing: each one is named.</summary>
public sealed class MissingResourcesException(IReadOnlyList<string> missing)
    : Exception("missing: " + string.Join("; ", missing))
{
    /// <summary>The missing files (or what to install).</summary>
    public IReadOnlyList<string> Missing { get; } = missing;
}
