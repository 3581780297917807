using System.Text;
using Sitrep.Documents;
using Sitrep.Reading;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Reading;

public class TextReportReaderTests
{
    private static ReadItem Read(byte[] bytes, ReaderOptions? options = null) =>
        TextReportReader.Read(new MemoryStream(bytes), "report.txt", options ?? ReaderOptions.Default);

    private static ReadItem Read(string text, ReaderOptions? options = null) => Read(Encoding.UTF8.GetBytes(text), options);

    [Fact]
    public void Read_SeedReport_TakesDateFromHeaderAndKeepsTextExact()
    {
        var item = TextReportReader.Read(File.OpenRead(TestPaths.SeedReport), "seed.txt", ReaderOptions.Default);
        var report = item.Report!;
        Assert.Equal(new DateOnly(2022, 1, 6), report.Date);
        Assert.StartsWith("In the Kazakh city of Aktau", report.Text);
        Assert.EndsWith("The government of Kazakhstan has resigned.", report.Text);
        var raw = File.ReadAllText(TestPaths.SeedReport);
        Assert.Contains(report.Text, raw);
    }

    [Fact]
    public void Read_EmptyFiles_AreEmptyNotUndated_AndNameALineTheFileHas()
    {
        var empty = Read("").Error!;
        Assert.Equal((DiagnosticCodes.EmptyText, 1), (empty.Code, empty.Location.Line));
        Assert.Contains("empty", empty.Reason);
        Assert.Equal(DiagnosticCodes.EmptyText, Read("\n\n  \n").Error!.Code);
        // A date line and two blank lines: three lines, and the error is on the date line, not a fourth.
        var headerOnly = Read("date 2022-01-06\n\n\n").Error!;
        Assert.Equal((DiagnosticCodes.EmptyText, 1), (headerOnly.Code, headerOnly.Location.Line));
    }

    [Fact]
    public void Read_ControlCharacters_AreNotStored()
    {
        var report = Read("date 2022-01-06\nTroops\0 entered\u0007 the town.\tAt\r\nnoon.").Report!;
        Assert.Equal("Troops entered the town.\tAt\r\nnoon.", report.Text);
    }

    [Fact]
    public void Read_HeaderOnItsOwnLine_IsAccepted()
    {
        var report = Read("date 2023-04-16\n\nFighting continued.\n").Report!;
        Assert.Equal(new DateOnly(2023, 4, 16), report.Date);
        Assert.Equal("Fighting continued.", report.Text);
    }

    [Fact]
    public void Read_PlainTextWithoutDate_FailsWithMissingDate()
    {
        var item = Read("Fighting continued.");
        Assert.Null(item.Report);
        Assert.Equal(DiagnosticCodes.MissingDate, item.Error!.Code);
        Assert.Equal("report.txt:1", item.Error.Location.ToString());
        Assert.Contains("--date", item.Error.Reason);
    }

    [Fact]
    public void Read_PlainTextWithDefaultDate_UsesIt()
    {
        var report = Read("Fighting continued.", ReaderOptions.Default with { DefaultDate = new DateOnly(2020, 5, 1), DefaultSource = "Wire" }).Report!;
        Assert.Equal(new DateOnly(2020, 5, 1), report.Date);
        Assert.Equal("Wire", report.Source);
    }

    [Theory]
    [InlineData("date 2022-02-30 Text.", "impossible date '2022-02-30'")]
    [InlineData("date 06/01/2022 Text.", "invalid date '06/01/2022'")]
    [InlineData("date 1492-10-12 Text.", "out of range")]
    public void Read_BadDate_FailsWithInvalidDate(string text, string reason)
    {
        var item = Read(text);
        Assert.Equal(DiagnosticCodes.InvalidDate, item.Error!.Code);
        Assert.Contains(reason, item.Error.Reason);
    }

    [Fact]
    public void Read_DateInTheFuture_FailsAgainstInjectedClock()
    {
        var clock = new FixedClock(new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var item = Read("date 2022-01-06 Text.", ReaderOptions.Default with { Clock = clock });
        Assert.Equal(DiagnosticCodes.InvalidDate, item.Error!.Code);
    }

    [Fact]
    public void Read_HeaderOnly_FailsWithEmptyText()
    {
        Assert.Equal(DiagnosticCodes.EmptyText, Read(" date 2022-01-06   \n\n ").Error!.Code);
        Assert.Equal(DiagnosticCodes.EmptyText, Read("", ReaderOptions.Default with { DefaultDate = new DateOnly(2022, 1, 1) }).Error!.Code);
    }

    [Fact]
    public void Read_Latin1Bytes_FailsWithLineOfBadByte()
    {
        var bytes = Encoding.Latin1.GetBytes("date 2022-01-06\nFirst line.\nCaf\u00e9 closed.\n");
        var item = Read(bytes);
        Assert.Equal(DiagnosticCodes.InvalidEncoding, item.Error!.Code);
        Assert.Equal(3, item.Error.Location.Line);
        Assert.Contains("0xE9", item.Error.Reason);
    }

    [Fact]
    public void Read_Utf16WithBom_Decodes()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("date 2022-01-06 Café closed.")).ToArray();
        Assert.Equal("Café closed.", Read(bytes).Report!.Text);
    }

    [Fact]
    public void Read_Utf8Bom_IsSkipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("date 2022-01-06 Text.")).ToArray();
        Assert.Equal("Text.", Read(bytes).Report!.Text);
    }

    [Fact]
    public void Read_OverSizeLimit_FailsWithTooLarge()
    {
        var item = Read("date 2022-01-06 " + new string('x', 5000), ReaderOptions.Default with { MaxReportBytes = 1000 });
        Assert.Equal(DiagnosticCodes.TooLarge, item.Error!.Code);
        Assert.Contains("1,000", item.Error.Reason);
    }

    internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
