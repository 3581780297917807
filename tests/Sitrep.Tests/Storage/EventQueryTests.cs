using Sitrep.Pipeline;
using Sitrep.Reading;
using Sitrep.Storage;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Storage;

/// <summary>
/// Event queries over the ingested samples: every filter and page agrees with the same filter applied
/// to the whole list, so the SQL built per query (only the filters given) and its indexes change speed,
/// never results.
/// </summary>
public sealed class EventQueryTests : IClassFixture<EventQueryTests.SampleStore>
{
    public sealed class SampleStore : IDisposable
    {
        private readonly TempDirectory _directory = new();
        public SqliteDocumentStore Store { get; }
        public IReadOnlyList<StoredEvent> All { get; }

        public SampleStore()
        {
            Store = SqliteDocumentStore.Open(_directory.File("events.db"));
            var items = new ReportReader(ReaderOptions.Default).Read([TestPaths.Samples]);
            new IngestRunner(DocumentPipeline.Default.Providing(Store.StoredLayers), Store, IngestOptions.Default)
                .RunAsync(items, d => throw new InvalidOperationException(d.ToString())).GetAwaiter().GetResult();
            All = Store.ListEvents(new EventQuery(Limit: 100_000));
        }

        public void Dispose()
        {
            Store.Dispose();
            _directory.Dispose();
        }
    }

    private readonly SampleStore _samples;

    public EventQueryTests(SampleStore samples)
    {
        _samples = samples;
        Assert.True(samples.All.Count > 30, "the samples give enough events to page through");
    }

    private static IEnumerable<string> Ids(IEnumerable<StoredEvent> events) => events.Select(e => e.Id);

    private void AssertSameAsFiltering(EventQuery query, Func<StoredEvent, bool> keep)
    {
        var expected = Ids(_samples.All.Where(keep)).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Ids(_samples.Store.ListEvents(query with { Limit = 100_000 })));
        Assert.Equal(expected.Count, _samples.Store.CountEvents(query));
    }

    [Fact]
    public void AllEvents_ComeByDateThenCountryThenReportThenOrdinal()
    {
        var keys = _samples.All.Select(e => (e.Event.Date?.ToString("yyyy-MM-dd") ?? "", e.Event.Place?.Country ?? "", e.DocumentId, int.Parse(e.Id[(e.DocumentId.Length + 1)..]))).ToList();
        Assert.Equal(keys.Order().ToList(), keys);
        Assert.Equal(_samples.All.Count, _samples.Store.CountEvents(new EventQuery()));
    }

    [Fact]
    public void Pages_JoinedUp_AreTheWholeList()
    {
        var pages = new List<StoredEvent>();
        for (int offset = 0; ; offset += 7)
        {
            var page = _samples.Store.ListEvents(new EventQuery(Limit: 7, Offset: offset));
            pages.AddRange(page);
            if (page.Count < 7) break;
        }
        Assert.Equal(Ids(_samples.All), Ids(pages));
    }

    [Fact]
    public void CountryAndDates_FilterAsTheyDoOnTheList()
    {
        var some = _samples.All.First(e => e.Event.Place is not null && e.Event.Date is not null);
        var country = some.Event.Place!.Country;
        var from = some.Event.Date!.Value.AddDays(-3);
        var to = some.Event.Date!.Value.AddDays(3);
        AssertSameAsFiltering(new EventQuery(Country: country.ToLowerInvariant(), From: from, To: to),
            e => e.Event.Place?.Country == country && e.Event.Date >= from && e.Event.Date <= to);
    }

    [Fact]
    public void Type_MatchesEventTypeOrTypeSlashSubType()
    {
        var some = _samples.All[0].Event;
        AssertSameAsFiltering(new EventQuery(Type: some.EventType), e => e.Event.EventType == some.EventType);
        AssertSameAsFiltering(new EventQuery(Type: $"{some.EventType}/{some.SubEventType}"),
            e => e.Event.EventType == some.EventType && e.Event.SubEventType == some.SubEventType);
    }

    [Fact]
    public void Box_KeepsEventsPlacedInside()
    {
        var place = _samples.All.First(e => e.Event.Place is not null).Event.Place!;
        var box = new GeoBox(place.Longitude - 5, place.Latitude - 5, place.Longitude + 5, place.Latitude + 5);
        AssertSameAsFiltering(new EventQuery(Box: box), e => e.Event.Place is { } p
            && p.Latitude >= box.South && p.Latitude <= box.North && p.Longitude >= box.West && p.Longitude <= box.East);
    }

    [Fact]
    public void Words_KeepEventsOfReportsThatUseThem()
    {
        AssertSameAsFiltering(new EventQuery(Words: "protesters"),
            e => e.DocumentText.Contains("protesters", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Document_KeepsThatReportsEvents()
    {
        var document = _samples.All[^1].DocumentId;
        AssertSameAsFiltering(new EventQuery(DocumentId: document), e => e.DocumentId == document);
    }
}
