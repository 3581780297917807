namespace Sitrep.Tests.Support;

/// <summary>Locations of the repository, its samples and the shared data beside it.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Samples => Path.Combine(RepositoryRoot, "samples");

    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string SeedReport => Path.Combine(Shared, "seed", "kazakhstan-2022-01-06.txt");

    public static string SeedExpected => Path.Combine(Shared, "seed", "kazakhstan-2022-01-06.expected.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (Sitrep.sln) above " + AppContext.BaseDirectory);
    }
}
