using Sitrep.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Sitrep.Pipeline;
using Sitrep.Reading;
using Sitrep.Storage;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Browser;

/// <summary>
/// The real server on a loopback port over a store holding the repository's samples, and one headless
/// Chromium session driven through ChromeDriver, shared by the dashboard tests.
/// </summary>
public sealed class DashboardHost : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private WebApplication? _server;
    private ChromeDriver? _browser;

    public string BaseUrl { get; private set; } = "";

    public ChromeDriver Browser => _browser ?? throw new InvalidOperationException("the browser did not start");

    /// <summary>Where screenshots go: beside the test assembly, so CI keeps them with the test output.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.ChromeDriver) && !BrowserFactAttribute.Required) return;

        var database = _directory.File("dashboard.db");
        using (var store = SqliteDocumentStore.Open(database))
        {
            var items = new ReportReader(ReaderOptions.Default).Read([TestPaths.Samples]);
            var runner = new IngestRunner(StandardStages.Default.Providing(store.StoredLayers), store, IngestOptions.Default);
            var result = await runner.RunAsync(items, d => throw new InvalidOperationException($"sample failed: {d}"));
            Assert.True(result.Added > 0, "the samples should be stored");
        }

        _server = Sitrep.Server.SitrepServer.Create([$"--Sitrep:Database={database}", "--urls=http://127.0.0.1:0"]);
        await _server.StartAsync();
        BaseUrl = _server.Urls.Single().TrimEnd('/');

        var options = new ChromeOptions { BinaryLocation = BrowserFactAttribute.Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=1280,900");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(BrowserFactAttribute.ChromeDriver)!, Path.GetFileName(BrowserFactAttribute.ChromeDriver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        _browser = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>Saves what the browser shows as <c>screenshots/NAME.png</c> and returns the path.</summary>
    public string Screenshot(string name)
    {
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        Browser.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public async Task DisposeAsync()
    {
        _browser?.Quit();
        _browser?.Dispose();
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }
        _directory.Dispose();
    }
}
