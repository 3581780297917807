using System.Diagnostics;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Sitrep.Reading;
using Sitrep.Tests.Support;
using Xunit.Abstractions;

namespace Sitrep.Tests.Reading;

/// <summary>
/// The readers on random and damaged input (FsCheck): whatever the bytes, standard input or file,
/// plain or gzip, reading never throws, every record is a report or a diagnostic with a reason and a
/// line the input has, and no report holds a NUL. A short run is part of the suite;
/// <c>bench/fuzz-readers</c> runs it for as long as asked (<c>SITREP_FUZZ_SECONDS</c>).
/// </summary>
public class ReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly byte[] ValidJsonLines = Encoding.UTF8.GetBytes(string.Join("\n",
        """{"id": 1, "published": "2024-03-05", "source": "Wire", "title": "Strike", "text": "Dock workers struck in Mombasa on Tuesday."}""",
        """{"published": "2024-03-06T09:30:00Z", "text": "Police dispersed a march in Kisumu.\nTwo people were hurt."}""",
        "",
        """{"published": "2024-03-07", "url": "https://example.org/x", "text": "Flooding closed roads near Garissa."}""") + "\n");

    private static readonly byte[] ValidText = Encoding.UTF8.GetBytes("date 2024-03-05\n\nDock workers struck in Mombasa on Tuesday.\n\nThe port was closed.\n");

    // A damaged copy of a valid input: bytes flipped, inserted, deleted, or the end cut off.
    private static Gen<byte[]> Damaged(byte[] valid) =>
        from edits in Gen.ListOf(Gen.Choose(0, 3).SelectMany(kind => Gen.Choose(0, valid.Length).SelectMany(at =>
            ArbMap.Default.GeneratorFor<byte>().Select(value => (kind, at, value)))))
        select Apply(valid, edits);

    private static byte[] Apply(byte[] valid, IEnumerable<(int Kind, int At, byte Value)> edits)
    {
        var bytes = new List<byte>(valid);
        foreach (var (kind, at, value) in edits)
        {
            int i = Math.Min(at, bytes.Count);
            switch (kind)
            {
                case 0 when i < bytes.Count: bytes[i] = value; break;
                case 1: bytes.Insert(i, value); break;
                case 2 when i < bytes.Count: bytes.RemoveAt(i); break;
                case 3: bytes.RemoveRange(i, bytes.Count - i); break;
            }
        }
        return [.. bytes];
    }

    private static Gen<byte[]> Inputs()
    {
        var raw = ArbMap.Default.GeneratorFor<byte[]>();
        var plain = Gen.OneOf(raw, Damaged(ValidJsonLines), Damaged(ValidText));
        // gzip of any of them, whole or cut anywhere
        var gzipped = from content in plain
                      from cut in Gen.Choose(0, 100)
                      let zipped = Gzip.Compress(content)
                      select zipped[..Math.Max(0, zipped.Length * cut / 100)];
        return Gen.Frequency((3, plain), (1, gzipped), (1, Damaged(Gzip.Compress(ValidJsonLines))));
    }

    private static int LinesOf(byte[] bytes) => 1 + bytes.Count(b => b == (byte)'\n');

    private static void Verify(byte[] input, string name, TempDirectory dir, ReaderOptions options)
    {
        // Standard input (format by content) and a file (format by name).
        var path = dir.Write(name, input);
        var items = new ReportReader(options, () => new MemoryStream(input)).Read(["-"]).Concat(new ReportReader(options).Read([path])).ToList();
        int lines = LinesOf(input);
        foreach (var item in items)
        {
            Assert.True(item.Report is null != (item.Error is null), "a record is a report or a diagnostic");
            if (item.Error is { } error)
            {
                Assert.False(string.IsNullOrWhiteSpace(error.Reason), $"empty reason ({error.Code})");
                Assert.False(string.IsNullOrEmpty(error.Code));
                // a gzip's lines are those of its content, which can be longer than the file; count generously
                if (error.Location.Line is { } line) Assert.InRange(line, 1, Math.Max(lines + 1, input.Length * 64 + 2));
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(item.Report!.Text));
                Assert.DoesNotContain('\0', item.Report.Text);
            }
        }
    }

    [Fact]
    public void Readers_OnRandomAndDamagedInput_NeverThrowAndAlwaysSayWhy()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("SITREP_FUZZ_SECONDS"), out var s) ? s : 0;
        using var dir = new TempDirectory();
        long tried = 0;
        var names = new[] { "in.jsonl", "in.txt", "in.jsonl.gz", "in.ndjson" };
        var small = ReaderOptions.Default with { MaxReportBytes = 64, DefaultDate = new DateOnly(2024, 1, 1) };
        var property = Prop.ForAll(Inputs().ToArbitrary(), Gen.Elements(names).ToArbitrary(), ArbMap.Default.ArbFor<bool>(), (input, name, tight) =>
        {
            Interlocked.Increment(ref tried);
            Verify(input, name, dir, tight ? small : ReaderOptions.Default);
        });
        var config = Config.QuickThrowOnFailure.WithMaxTest(seconds > 0 ? 2000 : 300);
        // SITREP_FUZZ_REPLAY="SEED,GAMMA,SIZE", as a failure prints it ("Replay directly at failing step with").
        if (Environment.GetEnvironmentVariable("SITREP_FUZZ_REPLAY")?.Trim('(', ')', ' ').Split(',') is [var seed, var gamma, var size])
            config = config.WithReplay(ulong.Parse(seed), ulong.Parse(gamma), int.Parse(size)).WithMaxTest(1);
        var clock = Stopwatch.StartNew();
        do FsCheck.Check.One(config, property);
        while (clock.Elapsed.TotalSeconds < seconds);
        output.WriteLine($"{tried:N0} inputs read twice (standard input and file) in {clock.Elapsed.TotalSeconds:N0} s, no failure");
    }
}
