using System.Drawing;
using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;
using OpenQA.Selenium.Support.UI;

namespace Sitrep.Tests.Browser;

/// <summary>
/// The dashboard in a real browser over the ingested samples: map → event → evidence, filters, the
/// situation report, a phone-width layout and keyboard use. Each test saves a screenshot under
/// <c>screenshots/</c> in the test output.
/// </summary>
public sealed class DashboardTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private static readonly string[] EventTypes =
        ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"];

    private IWebDriver Browser => host.Browser;

    private void Open(int width = 1280, int height = 900)
    {
        Browser.Manage().Window.Size = new Size(width, height);
        Browser.Navigate().GoToUrl(host.BaseUrl + "/");
        Until(d => d.FindElements(By.CssSelector("#event-list li button")).Count > 0 && d.FindElements(By.CssSelector(".event-marker, .marker-cluster")).Count > 0,
            "the event list and the map markers should appear");
        Until(d => d.FindElements(By.CssSelector(".leaflet-overlay-pane path")).Count > 0, "the country basemap should be drawn");
        Settle();
    }

    /// <summary>Waits for the map's zoom and the clusters' animations to end.</summary>
    private void Settle()
    {
        Until(d => d.FindElements(By.CssSelector(".leaflet-zoom-anim, .leaflet-cluster-anim")).Count == 0, "the map's animations should end");
        Thread.Sleep(300); // markercluster redraws its markers just after the animation classes go
        Until(d => d.FindElements(By.CssSelector(".leaflet-zoom-anim, .leaflet-cluster-anim")).Count == 0, "the map's animations should end");
    }

    private T Until<T>(Func<IWebDriver, T> condition, string what)
    {
        var wait = new WebDriverWait(Browser, TimeSpan.FromSeconds(20)) { Message = what };
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        return wait.Until(condition);
    }

    private object? Script(string script) => ((IJavaScriptExecutor)Browser).ExecuteScript(script);

    /// <summary>The first element matching <paramref name="selector"/> whose centre lies on the map and is not covered.</summary>
    private IWebElement? Clickable(string selector) => (IWebElement?)Script($$"""
        const map = document.getElementById("map").getBoundingClientRect();
        return [...document.querySelectorAll("{{selector}}")].find(m => {
          const r = m.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
          const hit = document.elementFromPoint(x, y);
          return x > map.left + 50 && x < map.right && y > map.top && y < map.bottom && hit && (hit === m || m.contains(hit));
        }) || null;
        """);

    private IWebElement Panel => Browser.FindElement(By.Id("panel"));

    /// <summary>Waits for an event in the panel and checks its coding and evidence.</summary>
    private void AssertEventShown()
    {
        Until(d => d.FindElements(By.CssSelector("#panel mark.evidence")).Count > 0, "evidence should be highlighted in the report text");
        var marks = Panel.FindElements(By.CssSelector("mark.evidence"));
        Assert.All(marks, m => Assert.False(string.IsNullOrWhiteSpace(m.Text)));
        var fields = Panel.FindElements(By.CssSelector("dl.fields dt")).Select(dt => dt.Text).ToList();
        Assert.Contains("Type", fields);
        Assert.Contains("Date", fields);
        var type = Panel.FindElement(By.CssSelector("dl.fields dd")).Text;
        Assert.Contains(EventTypes, t => type.StartsWith(t + " / ", StringComparison.Ordinal));
        // The highlighted sentences are part of the report shown around them.
        var report = Panel.FindElement(By.CssSelector(".report-text")).Text;
        Assert.All(marks, m => Assert.Contains(m.Text.Trim(), report));
    }

    [BrowserFact]
    public void ClickingAMarkerOnTheMap_ShowsTheEventWithItsEvidenceHighlighted()
    {
        Open();
        // Clusters zoom in when clicked; go down until single event markers show, then open one.
        IWebElement? marker = null;
        for (var step = 0; step < 12 && marker is null; step++)
        {
            marker = Clickable(".event-marker");
            if (marker is not null) break;
            new Actions(Browser).MoveToElement(Clickable(".marker-cluster") ?? throw new InvalidOperationException("no marker or cluster to click on the map")).Click().Perform();
            Settle();
        }
        Assert.NotNull(marker);
        var label = marker!.GetAttribute("title");
        new Actions(Browser).MoveToElement(marker).Click().Perform();

        AssertEventShown();
        // The panel speaks of the event the marker named.
        var title = Panel.FindElement(By.CssSelector(".panel-title")).Text;
        Assert.StartsWith(label!.Split(", ")[0], title);
        host.Screenshot("map-event-evidence");
    }

    [BrowserFact]
    public async Task Filters_ShowOnlyTheChosenCountry_AsTheApiCountsThem()
    {
        Open();
        using var http = new HttpClient();
        var all = JsonDocument.Parse(await http.GetStringAsync(host.BaseUrl + "/api/events?page_size=500")).RootElement;
        var country = all.GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("place")).Where(p => p.ValueKind == JsonValueKind.Object)
            .Select(p => p.GetProperty("country").GetString()).First(c => c is not null)!;
        var expected = JsonDocument.Parse(await http.GetStringAsync($"{host.BaseUrl}/api/events?country={country}")).RootElement.GetProperty("total").GetInt32();
        Assert.True(expected < all.GetProperty("total").GetInt32(), "the samples cover more than one country");

        var input = Browser.FindElement(By.CssSelector("#filters input[name=country]"));
        input.Clear();
        input.SendKeys(country);
        Browser.FindElement(By.CssSelector("#filters button[type=submit]")).Click();

        Until(d => d.FindElement(By.Id("list-title")).Text == $"Events ({expected})", $"the list should count {expected} events in {country}");
        Assert.Equal(expected, Browser.FindElements(By.CssSelector("#event-list li")).Count);
        Assert.NotEmpty(Browser.FindElements(By.CssSelector("#timeline rect")));
        host.Screenshot("filtered-" + country);
    }

    [BrowserFact]
    public void SituationReport_ShowsTotalsAndTables()
    {
        Open();
        Browser.FindElement(By.Id("show-report")).Click();
        Until(d => d.FindElements(By.CssSelector("#panel .summary")).Count > 0, "the situation report should appear");
        var summary = Panel.FindElement(By.CssSelector(".summary"));
        Assert.StartsWith("Situation report", summary.FindElement(By.TagName("h2")).Text);
        Assert.Matches(@"^\d+ events from \d+ reports", summary.FindElement(By.TagName("p")).Text);
        var tables = summary.FindElements(By.TagName("table"));
        Assert.Equal(3, tables.Count);
        Assert.All(tables, t => Assert.True(t.FindElements(By.TagName("tr")).Count > 1, "each table has rows"));
        host.Screenshot("situation-report");
    }

    [BrowserFact]
    public void AtPhoneWidth_NothingOverflowsAndAnEventOpensFromTheList()
    {
        Open(390, 844);
        try
        {
            var overflow = Convert.ToInt64(Script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"));
            Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone's screen");
            var map = Browser.FindElement(By.Id("map"));
            Assert.True(map.Size.Height >= 200 && map.Size.Width >= 300, $"the map is {map.Size} at phone width");

            Browser.FindElements(By.CssSelector("#event-list li button")).First().Click();
            AssertEventShown();
            var panel = Panel.Size.Width;
            Assert.True(panel <= 390, $"the event panel is {panel}px wide on a 390px screen");
            host.Screenshot("phone-event");
        }
        finally
        {
            Browser.Manage().Window.Size = new Size(1280, 900);
        }
    }

    [BrowserFact]
    public void WithTheKeyboardAlone_AnEventCanBeReachedAndOpened()
    {
        Open();
        // Tab from the top of the page until a map marker has the focus, as a keyboard user would.
        Script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        string? focused = null;
        for (var presses = 0; presses < 60; presses++)
        {
            new Actions(Browser).SendKeys(Keys.Tab).Perform();
            focused = (string?)Script("const a = document.activeElement; return a.classList.contains('event-marker') || a.classList.contains('marker-cluster') ? a.className : null;");
            if (focused is not null && focused.Contains("event-marker")) break;
            if (focused is not null)
            {
                // A cluster: Enter zooms into it, then keep tabbing.
                new Actions(Browser).SendKeys(Keys.Enter).Perform();
                Settle();
                Script("document.getElementById('map').focus();");
                focused = null;
            }
        }
        Assert.NotNull(focused);
        new Actions(Browser).SendKeys(Keys.Enter).Perform();
        AssertEventShown();
        Assert.Equal("panel", (string?)Script("return document.activeElement.id;"));
        host.Screenshot("keyboard-event");
    }
}
