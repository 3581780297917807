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
    /// <summary>The default pipeline: every stage, reading the resources shipped with this build (<see cref="SitrepResources.Shipped"/>).</summary>
    /// <exception cref="MissingResourcesException">A model or the gazetteer is missing.</exception>
    public static DocumentPipeline Default => SitrepResources.Shipped.Pipeline;

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

    /// <summary>Adds every stage, in dependency order, reading <paramref name="resources"/>.</summary>
    public static PipelineBuilder UseAll(this PipelineBuilder builder, SitrepResources resources) =>
        builder.UseText().UseEntities(resources.Tagger).UsePlaces(resources.Gazetteer)
            .UseQuantities().UseTimes().UseAttributions()
            .UseEvents(resources.EventModel, resources.Gazetteer, resources.Actors, resources.Senses);
}
