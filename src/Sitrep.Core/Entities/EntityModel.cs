namespace Sitrep.Entities;

/// <summary>Where the trained entity model lives and how it is loaded once per process.</summary>
internal static class EntityModel
{
    /// <summary>The model shipped with the build: <c>models/ner.bin</c> beside the program.</summary>
    public static string DefaultPath { get; } = Path.Combine(AppContext.BaseDirectory, "models", FileName);

    /// <summary>The model's file name.</summary>
    public const string FileName = "ner.bin";

    private static readonly Lazy<PerceptronTagger?> Shipped = new(() => File.Exists(DefaultPath) ? PerceptronTagger.Load(DefaultPath) : null);

    /// <summary>The shipped model, or null when the build has none.</summary>
    public static PerceptronTagger? Default => Shipped.Value;
}
