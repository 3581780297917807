using Sitrep.Places;

namespace Sitrep.Tests.Support;

/// <summary>The compiled gazetteer the build installs, for tests that resolve real places.</summary>
internal static class TestGazetteer
{
    public static Gazetteer Default { get; } = GazetteerCache.Default
        ?? throw new InvalidOperationException("No gazetteer: the build installs its packages with 'npm ci'.");
}
