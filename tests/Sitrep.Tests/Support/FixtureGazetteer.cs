using Sitrep.Places;

namespace Sitrep.Tests.Support;

/// <summary>
/// A gazetteer of a dozen places with namesakes (<c>tests/Sitrep.Tests/Fixtures/gazetteer/</c>), compiled
/// by the real builder from files in the packages' formats: geoparser tests that check one signal state
/// every entry a name has, and need no npm package.
/// </summary>
internal static class FixtureGazetteer
{
    public static string Folder => Path.Combine(TestPaths.RepositoryRoot, "tests", "Sitrep.Tests", "Fixtures", "gazetteer");

    private static readonly Lazy<Gazetteer> Built = new(() =>
    {
        string File(string name) => Path.Combine(Folder, name);
        return new GazetteerBuilder().Build(new GazetteerSources(
            File("cities500.txt"), File("admin1.json"), File("admin2.json"), File("countries.json"), File("country-names.json"),
            File("subdivisions.json"), File("more-places.json"), File("world-cities.json"), File("event-places.tsv")));
    });

    public static Gazetteer Default => Built.Value;
}
