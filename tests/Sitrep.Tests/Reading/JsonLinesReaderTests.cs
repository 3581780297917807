using System.Text;
using Sitrep.Documents;
using Sitrep.Reading;

namespace Sitrep.Tests.Reading;

public class JsonLinesReaderTests
{
    private static List<ReadItem> Read(string content, ReaderOptions? options = null) =>
        Read(Encoding.UTF8.GetBytes(content), options);

    private static List<ReadItem> Read(byte[] content, ReaderOptions? options = null) =>
        JsonLinesReader.Read(new MemoryStream(content), "feed.jsonl", options ?? ReaderOptions.Default).ToList();

    private const string Good = """{"id": 7, "source": "Wire", "url": "https://example.org/a", "published": "2022-01-06", "title": "T", "text": "Report one."}""";

    [Fact]
    public void Read_TheSourcesCountry_FromTheRecordOrTheCommandLine()
    {
        var options = ReaderOptions.Default with { DefaultCountry = "KE" };
        var items = Read(string.Join("\n",
            """{"published": "2024-03-05", "text": "A.", "country": "ng"}""",
            """{"published": "2024-03-05", "text": "B."}""",
            """{"published": "2024-03-05", "text": "C.", "country": "Nigeria"}"""), options);
        Assert.Equal(["NG", "KE"], items.Take(2).Select(i => i.Report!.SourceCountry));
        Assert.Equal((DiagnosticCodes.InvalidCountry, 3), (items[2].Error!.Code, items[2].Error!.Location.Line));
    }

    [Fact]
    public void Read_AUtf16MarkInsideTheFile_IsInvalidUtf8WithAReason()
    {
        var items = Read([.. Encoding.UTF8.GetBytes(Good + "\n"), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(Good)]);
        var error = items[1].Error!;
        Assert.Equal((DiagnosticCodes.InvalidEncoding, 2), (error.Code, error.Location.Line));
        Assert.Contains("UTF-16", error.Reason);
    }

    [Fact]
    public void Read_AByteOrderMarkBeforeTheFirstRecord_IsSkipped()
    {
        var items = Read([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Good + "\n" + Good)]);
        Assert.All(items, i => Assert.Equal("Report one.", i.Report!.Text));
        Assert.Equal(2, items.Count);
    }

    [Fact]
    public void Read_ControlCharactersInTextAndTitle_AreNotStored()
    {
        var report = Read("""{"published": "2022-01-06", "title": "A\u0000B", "text": "Shots\u0000 fired."}""").Single().Report!;
        Assert.Equal(("AB", "Shots fired."), (report.Title, report.Text));
    }

    [Fact]
    public void Read_ValidRecord_ReadsEveryField()
    {
        var report = Read(Good).Single().Report!;
        Assert.Equal("Report one.", report.Text);
        Assert.Equal(new DateOnly(2022, 1, 6), report.Date);
        Assert.Equal("Wire", report.Source);
        Assert.Equal("https://example.org/a", report.Url);
        Assert.Equal("T", report.Title);
        Assert.Equal("7", report.ExternalId);
        Assert.Equal(new SourceLocation("feed.jsonl", 1), report.Origin);
    }

    [Fact]
    public void Read_DateTimeWithOffset_KeepsThePublishersLocalDay()
    {
        var report = Read("""{"published": "2022-01-06T23:30:00-05:00", "text": "Late report."}""").Single().Report!;
        Assert.Equal(new DateOnly(2022, 1, 6), report.Date);
        Assert.Equal(new DateTimeOffset(2022, 1, 7, 4, 30, 0, TimeSpan.Zero), report.Published);
    }

    [Fact]
    public void Read_MalformedLine_IsReportedAndTheRestIsRead()
    {
        var items = Read(Good + "\n{\"published\": \"2022-01-06\", \"text\": \n" + Good.Replace("one", "two") + "\n");
        Assert.Equal(3, items.Count);
        Assert.Equal("Report one.", items[0].Report!.Text);
        Assert.Equal(DiagnosticCodes.MalformedJson, items[1].Error!.Code);
        Assert.Equal(new SourceLocation("feed.jsonl", 2), items[1].Error!.Location);
        Assert.Equal("Report two.", items[2].Report!.Text);
        Assert.Equal(3, items[2].Report!.Origin.Line);
    }

    [Theory]
    [InlineData("[1, 2]", DiagnosticCodes.MalformedJson)]
    [InlineData("""{"published": "2022-01-06", "text": "a"} trailing""", DiagnosticCodes.MalformedJson)]
    [InlineData("""{"published": "2022-01-06", "text": 5}""", DiagnosticCodes.MalformedJson)]
    [InlineData("""{"text": "No date."}""", DiagnosticCodes.MissingDate)]
    [InlineData("""{"published": "2022-13-01", "text": "a"}""", DiagnosticCodes.InvalidDate)]
    [InlineData("""{"published": "yesterday", "text": "a"}""", DiagnosticCodes.InvalidDate)]
    [InlineData("""{"published": "2022-01-06", "text": "   "}""", DiagnosticCodes.EmptyText)]
    [InlineData("""{"published": "2022-01-06"}""", DiagnosticCodes.EmptyText)]
    public void Read_BadRecord_FailsWithCode(string line, string code)
    {
        var item = Read(line).Single();
        Assert.Null(item.Report);
        Assert.Equal(code, item.Error!.Code);
        Assert.Equal(1, item.Error.Location.Line);
    }

    [Fact]
    public void Read_InvalidUtf8OnOneLine_SkipsOnlyThatLine()
    {
        var bytes = Encoding.UTF8.GetBytes(Good + "\n")
            .Concat(Encoding.Latin1.GetBytes("{\"published\": \"2022-01-06\", \"text\": \"Caf\u00e9\"}\n"))
            .Concat(Encoding.UTF8.GetBytes(Good.Replace("one", "three")))
            .ToArray();
        var items = Read(bytes);
        Assert.NotNull(items[0].Report);
        Assert.Equal(DiagnosticCodes.InvalidEncoding, items[1].Error!.Code);
        Assert.Equal(2, items[1].Error!.Location.Line);
        Assert.Equal("Report three.", items[2].Report!.Text);
    }

    [Fact]
    public void Read_LineOverLimit_IsSkippedWithoutStoppingTheFile()
    {
        var huge = $$"""{"published": "2022-01-06", "text": "{{new string('x', 300_000)}}"}""";
        var items = Read(Good + "\n" + huge + "\n" + Good.Replace("one", "four"), ReaderOptions.Default with { MaxReportBytes = 100_000 });
        Assert.Equal(3, items.Count);
        Assert.Equal(DiagnosticCodes.TooLarge, items[1].Error!.Code);
        Assert.Equal(2, items[1].Error!.Location.Line);
        Assert.Equal("Report four.", items[2].Report!.Text);
        Assert.Equal(3, items[2].Report!.Origin.Line);
    }

    [Fact]
    public void Read_BlankLinesAndCrLf_AreHandled()
    {
        var items = Read("\r\n" + Good + "\r\n\r\n   \n" + Good.Replace("one", "five") + "\r\n");
        Assert.Equal(["Report one.", "Report five."], items.Select(i => i.Report!.Text));
        Assert.Equal([2, 5], items.Select(i => i.Report!.Origin.Line!.Value));
    }

    [Fact]
    public void Read_UnknownFields_AreIgnored()
    {
        var item = Read("""{"published": "2022-01-06", "text": "a", "extra": {"nested": [1, 2]}, "lang": "en"}""").Single();
        Assert.Equal("a", item.Report!.Text);
    }

    [Fact]
    public void Read_LongFileAcrossBufferBoundaries_ReadsEveryLine()
    {
        var lines = Enumerable.Range(0, 3000).Select(i => $$"""{"published": "2022-01-06", "text": "Report number {{i}} {{new string('y', i % 97)}}."}""");
        var items = Read(string.Join("\n", lines));
        Assert.Equal(3000, items.Count);
        Assert.All(items, i => Assert.NotNull(i.Report));
        Assert.StartsWith("Report number 2999 ", items[^1].Report!.Text);
    }
}
