using System.Diagnostics;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.EndToEnd;

/// <summary>
/// The engine as a library: Sitrep.Core packed as a NuGet package, and a console program of a few lines
/// built against that package (not the project) that loads a resources folder and prints the seed report's events.
/// </summary>
public class PackageTests
{
    private const string Program = """
        using Sitrep.Pipeline;
        using Sitrep.Reading;

        var resources = SitrepResources.Load(args[0]);
        foreach (var item in new ReportReader(ReaderOptions.Default).Read([args[1]]))
        {
            var document = item.Report!.ToDocument();
            resources.Pipeline.Process(document);
            foreach (var e in document.Events)
                Console.WriteLine($"{e.Date:yyyy-MM-dd}\t{e.EventType}\t{e.SubEventType}\t{e.Place?.Name}\t{e.Fatalities}");
        }
        """;

    [Fact]
    public void AProgramBuiltAgainstThePackedLibrary_PrintsTheSeedReportsEvents()
    {
        using var work = new TempDirectory();
        var feed = work.File("feed");
        var version = "0.0.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmss");
        Run(TestPaths.RepositoryRoot, "pack", Path.Combine("src", "Sitrep.Core"), "-c", "Release", "-o", feed, $"-p:Version={version}");

        var app = work.File("app");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "Embed.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <RestorePackagesPath>{work.File("packages")}</RestorePackagesPath>
                <RestoreAdditionalProjectSources>{feed}</RestoreAdditionalProjectSources>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Sitrep.Core" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), Program);
        var resources = work.File("resources");
        SitrepResources.Shipped.Save(resources);

        var output = Run(app, "run", "--", resources, TestPaths.SeedReport);

        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        Assert.InRange(events.Count, 11, 15);
        Assert.Contains(events, e => e[1] == "Protests" && e[3] == "Aktau");
        Assert.Contains(events, e => e[1] == "Riots" || e[1] == "Battles");
        Assert.All(events, e => Assert.StartsWith("2022-01-0", e[0]));
    }

    private static string Run(string directory, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)} failed ({process.ExitCode}):\n{stdout}\n{stderr.Result}");
        return stdout;
    }
}
