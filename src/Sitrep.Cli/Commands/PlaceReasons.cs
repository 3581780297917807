using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Places;

namespace Sitrep.Cli.Commands;

/// <summary>Why the geoparser put a report's places where it did, as this build reads the report (for <c>show</c> and <c>gazetteer lookup --explain</c>).</summary>
internal static class PlaceReasons
{
    /// <summary>Each place mention of <paramref name="document"/> with why its place won; the document gets its text and entity layers.</summary>
    public static List<PlaceExplanation> Explain(SitrepResources resources, Document document)
    {
        new PipelineBuilder().UseText().UseEntities(resources.Tagger).Build().Process(document);
        return new Geoparser(resources.Gazetteer).Explain(document);
    }
}
