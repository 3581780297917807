using Sitrep.Attribution;
using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Events;
using Sitrep.Numbers;
using Sitrep.Places;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Pipeline;

/// <summary>The engine's own stages, and the default pipeline made of them.</summary>
public static class StandardStages
{
    /// <summary>The default pipeline: every stage available in this build.</summary>
    public static DocumentPipeline Default => LazyDefault.Value;

    private static readonly Lazy<DocumentPipeline> LazyDefault = new(() => new PipelineBuilder().UseDefaults().Build());

    /// <summary>Adds paragraphs, tokens and sentences.</summary>
    public static PipelineBuilder UseText(this PipelineBuilder builder) => builder.Use(new TextStage());

    /// <summary>Adds counts and amounts.</summary>
    public static PipelineBuilder UseQuantities(this PipelineBuilder builder) => builder.Use(new QuantityStage());

    /// <summary>Adds temporal expressions resolved against the report date.</summary>
    public static PipelineBuilder UseTimes(this PipelineBuilder builder) => builder.Use(new TimeStage());

    /// <summary>Adds who is credited for each claim.</summary>
    public static PipelineBuilder UseAttributions(this PipelineBuilder builder) => builder.Use(new AttributionStage());

    /// <summary>Adds named entities found by <paramref name="tagger"/>.</summary>
    public static PipelineBuilder UseEntities(this PipelineBuilder builder, PerceptronTagger tagger) =>
        builder.Use(new EntityStage(tagger));

    /// <summary>Adds toponyms resolved against <paramref name="gazetteer"/>, using entities when an earlier stage adds them.</summary>
    public static PipelineBuilder UsePlaces(this PipelineBuilder builder, Gazetteer gazetteer) =>
        builder.Use(new PlaceStage(gazetteer, builder.Provides(Layer.Entities)));

    /// <summary>Adds ACLED-coded events from every earlier layer.</summary>
    public static PipelineBuilder UseEvents(this PipelineBuilder builder, TextClassifier classifier, Gazetteer? gazetteer, ActorLexicon? actors = null, TriggerSenses? senses = null) =>
        builder.Use(new EventStage(classifier, gazetteer, actors, senses));

    /// <summary>
    /// Adds every stage available in this build, in dependency order: entities when the model is shipped,
    /// places when the gazetteer is installed, events when both the event model and places are there.
    /// </summary>
    public static PipelineBuilder UseDefaults(this PipelineBuilder builder)
    {
        builder.UseText();
        if (EntityModel.Default is { } tagger) builder.UseEntities(tagger);
        var gazetteer = GazetteerCache.Default;
        if (gazetteer is not null) builder.UsePlaces(gazetteer);
        builder.UseQuantities().UseTimes().UseAttributions();
        if (gazetteer is not null && EventModel.Default is { } classifier) builder.UseEvents(classifier, gazetteer, EventModel.DefaultActors, TriggerSenses.Default);
        return builder;
    }
}
