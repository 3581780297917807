namespace Sitrep.Tests.Browser;

/// <summary>
/// A test that drives Debian's Chromium through ChromeDriver (packages <c>chromium</c> and
/// <c>chromium-driver</c>). Where they are missing the test is skipped and says how to install them,
/// unless <c>SITREP_BROWSER_TESTS=required</c> (set by .ci/run), where it runs and fails.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";
    public const string ChromeDriver = "/usr/bin/chromedriver";

    public static bool Required => Environment.GetEnvironmentVariable("SITREP_BROWSER_TESTS") == "required";

    public BrowserFactAttribute()
    {
        if (!Required && !(File.Exists(Chromium) && File.Exists(ChromeDriver)))
            Skip = $"browser tests need {Chromium} and {ChromeDriver}: apt-get install chromium chromium-driver";
    }
}
