using System.Text;
using Sitrep.Documents;
using Sitrep.Reading;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Reading;

public class ReportReaderTests
{
    private const string Line1 = """{"published": "2022-01-06", "text": "First report."}""";
    private const string Line2 = """{"published": "2022-01-07", "text": "Second report."}""";

    private static List<ReadItem> Read(params string[] paths) => new ReportReader(ReaderOptions.Default).Read(paths).ToList();

    [Fact]
    public void Read_GzippedJsonLines_ReadsRecords()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("feed.jsonl.gz", Gzip.Compress(Line1 + "\n" + Line2 + "\n"));
        Assert.Equal(["First report.", "Second report."], Read(path).Select(i => i.Report!.Text));
    }

    [Fact]
    public void Read_GzippedSeedFile_ReadsReport()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("seed.txt.gz", Gzip.Compress(File.ReadAllText(TestPaths.SeedReport)));
        Assert.Equal(new DateOnly(2022, 1, 6), Read(path).Single().Report!.Date);
    }

    [Fact]
    public void Read_TruncatedGzipJsonLines_KeepsCompleteRecordsAndReportsTruncation()
    {
        using var dir = new TempDirectory();
        var lines = Enumerable.Range(0, 2000).Select(i => $$"""{"published": "2022-01-06", "text": "Report {{i}} {{Guid.NewGuid()}}."}""");
        var full = Gzip.Compress(string.Join("\n", lines) + "\n");
        var path = dir.Write("cut.jsonl.gz", full[..(full.Length / 2)]);

        var items = Read(path);

        var last = items[^1];
        Assert.Equal(DiagnosticCodes.TruncatedGzip, last.Error!.Code);
        Assert.StartsWith(path + ":", last.Error.Location.ToString());
        var reports = items.Where(i => i.Report is not null).ToList();
        Assert.InRange(reports.Count, 100, 1999);
        Assert.Equal(Enumerable.Range(1, reports.Count), reports.Select(r => r.Report!.Origin.Line!.Value));
    }

    [Fact]
    public void Read_TruncatedGzipTextFile_FailsWithTruncatedGzip()
    {
        using var dir = new TempDirectory();
        var full = Gzip.Compress(File.ReadAllText(TestPaths.SeedReport));
        var path = dir.Write("seed.txt.gz", full[..(full.Length - 20)]);
        var item = Read(path).Single();
        Assert.Equal(DiagnosticCodes.TruncatedGzip, item.Error!.Code);
    }

    [Fact]
    public void Read_GzipCutInsideHeader_FailsWithTruncatedGzip()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("tiny.jsonl.gz", Gzip.Compress(Line1)[..5]);
        Assert.Equal(DiagnosticCodes.TruncatedGzip, Read(path).Single().Error!.Code);
    }

    [Fact]
    public void Read_Directory_ReadsReportFilesRecursivelyInSortedOrder()
    {
        using var dir = new TempDirectory();
        dir.Write("b/two.txt", "date 2022-01-02 Two.");
        dir.Write("a.txt", "date 2022-01-01 One.");
        dir.Write("c/feed.jsonl", Line1 + "\n");
        dir.Write("c/notes.md", "# not a report");
        dir.Write(".hidden/secret.txt", "date 2022-01-03 Hidden.");
        dir.Write("z.txt.gz", Gzip.Compress("date 2022-01-04 Zipped."));

        var texts = Read(dir.Path).Select(i => i.Report!.Text).ToList();

        Assert.Equal(["One.", "Two.", "First report.", "Zipped."], texts);
    }

    [Fact]
    public void Read_DirectoryWithLinksBackToItsParent_ReadsEachFileOnce()
    {
        using var dir = new TempDirectory();
        dir.Write("feed/a.txt", "date 2022-01-01 One.");
        dir.Write("feed/sub/b.txt", "date 2022-01-02 Two.");
        Directory.CreateSymbolicLink(dir.File("feed/sub/up"), dir.File("feed"));
        Directory.CreateSymbolicLink(dir.File("feed/sub/up-again"), "..");
        Directory.CreateSymbolicLink(dir.File("feed/self"), dir.File("feed"));

        var items = Read(dir.File("feed"));

        Assert.Equal(["One.", "Two."], items.Select(i => i.Report!.Text));
    }

    [Fact]
    public void Walk_ADirectoryThatCannotBeListed_IsReportedAndTheRestIsWalked()
    {
        // Tests run as root here, which reads any directory, so the listing is given: one subdirectory refuses.
        (IEnumerable<string>, IEnumerable<string>) List(string directory) => Path.GetFileName(directory) switch
        {
            "locked" => throw new UnauthorizedAccessException("denied"),
            "root" => ([Path.Combine(directory, "b.txt")], [Path.Combine(directory, "locked"), Path.Combine(directory, "open")]),
            _ => ([Path.Combine(directory, "a.txt")], []),
        };

        var found = DirectoryWalk.Under("/tmp/root", List);

        Assert.Equal(["/tmp/root/b.txt", "/tmp/root/locked", "/tmp/root/open/a.txt"], found.Select(f => f.Path));
        Assert.IsType<UnauthorizedAccessException>(found[1].Error);
        Assert.All(found.Where(f => f.Path.EndsWith(".txt")), f => Assert.Null(f.Error));
    }

    [Fact]
    public void Read_MissingPath_ReportsUnreadableAndGoesOn()
    {
        using var dir = new TempDirectory();
        var good = dir.Write("good.txt", "date 2022-01-01 Fine.");
        var items = Read(dir.File("missing.txt"), good);
        Assert.Equal(DiagnosticCodes.Unreadable, items[0].Error!.Code);
        Assert.Contains("no such file", items[0].Error!.Reason);
        Assert.Equal("Fine.", items[1].Report!.Text);
    }

    [Fact]
    public void Read_StandardInputJsonLines_IsDetectedByContent()
    {
        var reader = new ReportReader(ReaderOptions.Default, () => new MemoryStream(Encoding.UTF8.GetBytes("\n" + Line1 + "\n" + Line2)));
        var items = reader.Read(["-"]).ToList();
        Assert.Equal(["First report.", "Second report."], items.Select(i => i.Report!.Text));
        Assert.Equal("-:2", items[0].Report!.Origin.ToString());
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void Read_Utf16JsonLines_FileOrStandardInput_IsReadAsItsText(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(Line1 + "\r\n" + Line2 + "\r\n")];
        using var dir = new TempDirectory();
        var fromFile = Read(dir.Write("feed.jsonl", bytes));
        var fromInput = new ReportReader(ReaderOptions.Default, () => new MemoryStream(bytes)).Read(["-"]).ToList();
        Assert.All([fromFile, fromInput], items => Assert.Equal(["First report.", "Second report."], items.Select(i => i.Report?.Text)));
    }

    [Fact]
    public void Read_StandardInputSeedText_IsOneReport()
    {
        var reader = new ReportReader(ReaderOptions.Default, () => File.OpenRead(TestPaths.SeedReport));
        var report = reader.Read(["-"]).Single().Report!;
        Assert.Equal(new DateOnly(2022, 1, 6), report.Date);
    }

    [Fact]
    public void Read_GzippedStandardInput_IsDecompressed()
    {
        var reader = new ReportReader(ReaderOptions.Default, () => new MemoryStream(Gzip.Compress(Line1)));
        Assert.Equal("First report.", reader.Read(["-"]).Single().Report!.Text);
    }

    [Fact]
    public void Read_Samples_EveryRecordReads()
    {
        var items = Read(TestPaths.Samples);
        Assert.True(items.Count >= 15, $"only {items.Count} sample records");
        Assert.All(items, i => Assert.Null(i.Error));
        Assert.True(items.Select(i => i.Report!.Date).Distinct().Count() >= 10);
    }
}
