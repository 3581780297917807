using Sitrep.Reading;

namespace Sitrep.Tests.Support;

internal static class Seed
{
    /// <summary>The seed report's text, as the reader gives it to the pipeline.</summary>
    public static string Text() =>
        TextReportReader.Read(File.OpenRead(TestPaths.SeedReport), TestPaths.SeedReport, ReaderOptions.Default).Report!.Text;
}
