namespace Sitrep.Places;

/// <summary>
/// Finds the compiled gazetteer for this process: <c>SITREP_GAZETTEER</c> when set, else the cache
/// beside the installed packages, compiled first when missing or when a source it records has changed.
/// </summary>
internal static class GazetteerCache
{
    private static readonly Lazy<Gazetteer?> Shared = new(() => Open(out _));

    /// <summary>The gazetteer of this process, or null when neither a compiled file nor its sources are present.</summary>
    public static Gazetteer? Default => Shared.Value;

    /// <summary>The compiled file used by default (null when the packages are not installed and no override is set).</summary>
    public static string? DefaultPath =>
        Environment.GetEnvironmentVariable("SITREP_GAZETTEER") is { Length: > 0 } explicitPath ? explicitPath
        : GazetteerSources.FindNodeModules() is { } modules ? GazetteerSources.CachePath(modules)
        : null;

    /// <summary>True when the file at <paramref name="path"/> exists and every source it records is unchanged.</summary>
    public static bool IsFresh(string path)
    {
        var sources = GazetteerFile.ReadSources(path);
        var builder = GazetteerBuilder.Signature;
        return sources is not null && sources.Contains(builder)
            && sources.All(s => s.Path == builder.Path || SourceStamp.Of(s.Path) == s);
    }

    /// <summary>Loads the default gazetteer, compiling it first when stale; <paramref name="built"/> says whether it did.</summary>
    public static Gazetteer? Open(out bool built)
    {
        built = false;
        var path = DefaultPath;
        if (path is null) return null;
        if (File.Exists(path) && (Environment.GetEnvironmentVariable("SITREP_GAZETTEER") is { Length: > 0 } || IsFresh(path)))
            return GazetteerFile.Load(path);
        var modules = GazetteerSources.FindNodeModules();
        if (modules is null) return null;
        var sources = GazetteerSources.InNodeModules(modules);
        if (!sources.Exist) return File.Exists(path) ? GazetteerFile.Load(path) : null;
        var gazetteer = new GazetteerBuilder().Build(sources);
        GazetteerFile.Save(gazetteer, path);
        built = true;
        return gazetteer;
    }
}
