using System.Text.Json;
using Sitrep.Reading;

namespace Sitrep.Bench;

/// <summary>
/// Writes a JSON Lines corpus built from the repository's samples: each report joins paragraphs of
/// several samples up to about the wanted length, plus a serial line, so every report is distinct.
/// With a spread, publication dates move forward from the samples' own by up to that many days, so
/// a large store holds months of events per country, as a real one does.
/// </summary>
internal static class CorpusGenerator
{
    public static string Write(string path, int count, int targetWords, int spreadDays = 0)
    {
        var paragraphs = SampleParagraphs();
        var random = new Random(20220106);
        using var writer = new StreamWriter(path);
        var parts = new List<string>();
        for (int i = 0; i < count; i++)
        {
            parts.Clear();
            parts.Add($"Bulletin {i} from desk {i % 97}, filed at {i % 24:00}:{i % 60:00}.");
            int words = 0;
            while (words < targetWords)
            {
                var (text, date, source) = paragraphs[random.Next(paragraphs.Count)];
                parts.Add(text);
                words += text.Count(c => c == ' ') + 1;
            }
            var report = new
            {
                id = $"bench-{i}",
                source = $"Desk {i % 97}",
                published = DateOnly.Parse(paragraphs[i % paragraphs.Count].Date).AddDays(spreadDays > 0 ? random.Next(spreadDays) : 0).ToString("yyyy-MM-dd"),
                text = string.Join("\n\n", parts),
            };
            writer.WriteLine(JsonSerializer.Serialize(report));
        }
        return path;
    }

    private static List<(string Text, string Date, string? Source)> SampleParagraphs()
    {
        var samples = Path.Combine(FindRoot(), "samples");
        var result = new List<(string, string, string?)>();
        foreach (var item in new ReportReader(ReaderOptions.Default).Read([samples]))
        {
            if (item.Report is not { } report) continue;
            foreach (var paragraph in report.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                result.Add((paragraph, report.Date.ToString("yyyy-MM-dd"), report.Source));
        }
        if (result.Count == 0) throw new InvalidOperationException($"no sample reports under {samples}");
        return result;
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Sitrep.sln"))) return dir.FullName;
        throw new InvalidOperationException("run the benchmark inside the repository (samples/ is needed)");
    }
}
