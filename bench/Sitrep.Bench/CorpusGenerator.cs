using System.Text.Json;
using Sitrep.Reading;

namespace Sitrep.Bench;

/// <summary>
/// Writes a JSON Lines corpus built from the repository's samples: each report joins paragraphs of
/// several samples up to about the wanted length, plus a serial line, so every report is distinct.
/// With a spread, publication dates move forward from the samples' own by up to that many days, so
/// a large store holds months of events per country, as a real one does. With a duplicate share,
/// that fraction of reports are syndicated copies of an earlier one: a new dateline and one
/// paragraph cut, as wire copies reach several outlets. With stories, each report tells one sample's
/// story, as a wire report does, instead of a bulletin of paragraphs from many: its lede and a random
/// part of the rest, so reports of one story differ as different outlets' accounts do.
/// </summary>
internal static class CorpusGenerator
{
    public static string Write(string path, int count, int targetWords, int spreadDays = 0, double duplicates = 0, bool stories = false)
    {
        var paragraphs = SampleParagraphs();
        var byStory = paragraphs.GroupBy(p => p.Story).Select(g => g.ToList()).ToList();
        var random = new Random(20220106);
        using var writer = new StreamWriter(path);
        var parts = new List<string>();
        var recent = new List<(string[] Parts, string Published)>();
        for (int i = 0; i < count; i++)
        {
            if (recent.Count > 0 && random.NextDouble() < duplicates)
            {
                var (original, published) = recent[random.Next(recent.Count)];
                var copy = original.ToList();
                copy[0] = $"Syndicated by desk {i % 89} ({i}).";
                if (copy.Count > 3) copy.RemoveAt(1 + random.Next(copy.Count - 1));
                writer.WriteLine(JsonSerializer.Serialize(new { id = $"bench-{i}", source = $"Outlet {i % 89}", published, text = string.Join("\n\n", copy) }));
                continue;
            }
            parts.Clear();
            parts.Add($"Bulletin {i} from desk {i % 97}, filed at {i % 24:00}:{i % 60:00}.");
            string date;
            if (stories)
            {
                var story = byStory[random.Next(byStory.Count)];
                date = story[0].Date;
                parts.Add(story[0].Text);
                foreach (var paragraph in story.Skip(1))
                    if (random.NextDouble() < 0.7) parts.Add(paragraph.Text);
            }
            else
            {
                date = paragraphs[i % paragraphs.Count].Date;
                int words = 0;
                while (words < targetWords)
                {
                    var text = paragraphs[random.Next(paragraphs.Count)].Text;
                    parts.Add(text);
                    words += text.Count(c => c == ' ') + 1;
                }
            }
            var report = new
            {
                id = $"bench-{i}",
                source = $"Desk {i % 97}",
                published = DateOnly.Parse(date).AddDays(spreadDays > 0 ? random.Next(spreadDays) : 0).ToString("yyyy-MM-dd"),
                text = string.Join("\n\n", parts),
            };
            writer.WriteLine(JsonSerializer.Serialize(report));
            // Copies are made of recent reports, as syndication follows the news.
            if (recent.Count == 1000) recent.RemoveAt(random.Next(recent.Count));
            recent.Add(([.. parts], report.published));
        }
        return path;
    }

    private static List<(string Text, string Date, string Story)> SampleParagraphs()
    {
        var samples = Path.Combine(FindRoot(), "samples");
        var result = new List<(string, string, string)>();
        foreach (var item in new ReportReader(ReaderOptions.Default).Read([samples]))
        {
            if (item.Report is not { } report) continue;
            foreach (var paragraph in report.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                result.Add((paragraph, report.Date.ToString("yyyy-MM-dd"), report.Origin.ToString()));
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
