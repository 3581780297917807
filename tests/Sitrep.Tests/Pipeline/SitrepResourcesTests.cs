using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Pipeline;

/// <summary>The resources a program embedding the engine loads from one folder, and the one-call reading API.</summary>
public class SitrepResourcesTests
{
    [Fact]
    public void AFolderWithoutResources_IsAnErrorNamingEachMissingFile()
    {
        using var empty = new TempDirectory();
        var error = Assert.Throws<MissingResourcesException>(() => SitrepResources.Load(empty.Path));
        Assert.Equal(SitrepResources.FileNames.Select(empty.File), error.Missing);
        Assert.Contains("gazetteer.bin", error.Message);
    }

    [Fact]
    public void OneMissingFile_IsNamedAlone()
    {
        using var folder = new TempDirectory();
        SitrepResources.Shipped.Save(folder.Path);
        File.Delete(folder.File("events.bin"));
        var error = Assert.Throws<MissingResourcesException>(() => SitrepResources.Load(folder.Path));
        Assert.Equal([folder.File("events.bin")], error.Missing);
    }

    [Fact]
    public void SavedResources_LoadAgain_AndReadAReportAsTheShippedOnesDo()
    {
        using var folder = new TempDirectory();
        SitrepResources.Shipped.Save(folder.Path);
        var loaded = SitrepResources.Load(folder.Path);
        const string Report = "Police fired tear gas at hundreds of protesters in Nairobi on Tuesday. Two protesters were killed.";
        var date = new DateOnly(2024, 3, 5);
        var ours = loaded.Pipeline.Process(Report, date);
        var shipped = SitrepResources.Shipped.Pipeline.Process(Report, date);
        var e = Assert.Single(ours.Events);
        Assert.Equal("KE", e.Place?.Country);
        Assert.Equal(shipped.Events.Select(x => (x.EventType, x.SubEventType, x.Fatalities)), ours.Events.Select(x => (x.EventType, x.SubEventType, x.Fatalities)));
    }

    [Fact]
    public void ABatch_IsReadInItsOrder()
    {
        var reports = Enumerable.Range(1, 40)
            .Select(i => ($"Report number {i}: gunmen attacked a village near Maiduguri, killing {i} people.", new DateOnly(2024, 1, 1).AddDays(i)))
            .ToList();
        var read = StandardStages.Default.ProcessAll(reports).ToList();
        Assert.Equal(reports.Select(r => r.Item1), read.Select(d => d.Text));
        Assert.Equal(reports.Select(r => r.Item2), read.Select(d => d.Date));
        Assert.All(read, d => Assert.True((d.Layers & Layer.Events) != 0));
    }
}

/// <summary>The CLI when the engine's resources are incomplete.</summary>
public class MissingResourcesCliTests
{
    [Fact]
    public void Extract_WithoutTheGazetteersPackages_FailsAndSaysWhatIsMissing_InsteadOfLeavingPlacesOut()
    {
        using var empty = new TempDirectory();
        var (code, output, error) = CliProcess.Run(
            new Dictionary<string, string> { ["SITREP_NODE_MODULES"] = empty.Path, ["SITREP_GAZETTEER"] = "" },
            "extract", TestPaths.SeedReport, "--format", "json");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("the engine's resources are incomplete", error);
        Assert.Contains("npm ci", error);
    }
}
