namespace Sitrep.Tests.Support;

/// <summary>
/// Compares output with a file under tests/Sitrep.Tests/Golden. Run the tests with
/// SITREP_UPDATE_GOLDEN=1 to rewrite the files after an intended change, then review the diff.
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "tests", "Sitrep.Tests", "Golden", name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("SITREP_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"Golden file {path} is missing; run with SITREP_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
