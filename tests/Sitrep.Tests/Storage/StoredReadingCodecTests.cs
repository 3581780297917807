using System.Text;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Serialization;
using Sitrep.Storage;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Storage;

/// <summary>The reading a store keeps gives back the document as read: its extract JSON is the same byte for byte.</summary>
public class StoredReadingCodecTests
{
    private static string ExtractJson(Document document)
    {
        var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer)) ExtractJsonWriter.WriteDocument(json, document);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Document RoundTrip(Document document) =>
        StoredReading.Decode(StoredReading.Encode(document), document.Text, document.Date) ?? throw new InvalidOperationException("not decoded");

    [Fact]
    public void TheSeedReport_ComesBackWithEveryLayer()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Shared, "seed", "kazakhstan-2022-01-06.txt"));
        var document = StandardStages.Default.Process(text, new DateOnly(2022, 1, 6), "seed.txt");
        Assert.NotEmpty(document.Events);
        Assert.Contains(document.Quantities, q => q.Conversion is not null || q.Currency is not null);
        Assert.Contains(document.Quantities, q => q.Qualifier != QuantityQualifier.Exact);

        var read = RoundTrip(document);

        Assert.Equal(ExtractJson(document), ExtractJson(read));
        Assert.Equal(document.Events, read.Events, new EventComparer());
    }

    [Fact]
    public void MetadataAndNotes_ComeBack_AndTokensAreNotKept()
    {
        var document = new Document("The library in Lamu reopened on Monday, its director said.", new DateOnly(2024, 5, 6), new SourceLocation("feed.jsonl", 12))
        {
            Source = "Coast Courier", Title = "Library reopens", Url = "https://example.org/lamu", SourceCountry = "KE",
            Published = new DateTimeOffset(2024, 5, 6, 14, 30, 0, TimeSpan.FromHours(3)),
        };
        StandardStages.Default.Process(document);
        document.AddDiagnostic("made-by-test", "a note that must survive");

        var read = RoundTrip(document);

        Assert.Equal(ExtractJson(document), ExtractJson(read));
        Assert.Equal((document.Origin, document.Source, document.Title, document.Url, document.SourceCountry, document.Published),
            (read.Origin, read.Source, read.Title, read.Url, read.SourceCountry, read.Published));
        Assert.Equal(document.Published!.Value.Offset, read.Published!.Value.Offset);
        Assert.Equal(document.Diagnostics.Select(d => (d.Code, d.Reason)), read.Diagnostics.Select(d => (d.Code, d.Reason)));
        Assert.Equal(document.WordCount, read.WordCount);
        Assert.False(read.Layers.HasFlag(Layer.Tokens));
        Assert.Equal(document.Layers & ~Layer.Tokens, read.Layers);
    }

    [Fact]
    public void AReadingOfAnotherVersion_IsNotDecoded()
    {
        var document = StandardStages.Default.Process("Nothing happened in Lamu on Monday.", new DateOnly(2024, 5, 6), "x");
        var reading = StoredReading.Encode(document);
        reading[0]++;
        Assert.Null(StoredReading.Decode(reading, document.Text, document.Date));
    }

    // Events hold a list (their evidence), which a record compares by reference.
    private sealed class EventComparer : IEqualityComparer<CodedEvent>
    {
        public bool Equals(CodedEvent? x, CodedEvent? y) =>
            x is not null && y is not null && x.Evidence.SequenceEqual(y.Evidence) && x with { Evidence = [] } == y with { Evidence = [] };

        public int GetHashCode(CodedEvent e) => e.EventType.GetHashCode();
    }
}
