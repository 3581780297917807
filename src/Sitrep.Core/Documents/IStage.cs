namespace Sitrep.Documents;

/// <summary>One pipeline stage: reads the layers it <see cref="Requires"/> and adds those it <see cref="Provides"/>. Thread-safe.</summary>
public interface IStage
{
    /// <summary>Short name used in diagnostics.</summary>
    string Name { get; }

    /// <summary>Layers that must be present before this stage runs.</summary>
    Layer Requires { get; }

    /// <summary>Layers this stage adds.</summary>
    Layer Provides { get; }

    /// <summary>Adds this stage's layers to <paramref name="document"/>.</summary>
    void Process(Document document);
}
