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
    /// <summary>The samples ingested once into each kind of store, on first use.</summary>
    public sealed class SampleStore : IDisposable
    {
        private readonly TempDirectory _directory = new();
        private readonly Dictionary<string, (IDocumentStore Store, IReadOnlyList<StoredEvent> All)> _stores = [];

        public (IDocumentStore Store, IReadOnlyList<StoredEvent> All) Of(string kind)
        {
            lock (_stores)
            {
                if (_stores.TryGetValue(kind, out var ingested)) return ingested;
                var store = TestStores.Open(kind, _directory);
                var items = new ReportReader(ReaderOptions.Default).Read([TestPaths.Samples]);
                new IngestRunner(StandardStages.Default.Providing(store.StoredLayers), store, IngestOptions.Default)
                    .RunAsync(items, d => throw new InvalidOperationException(d.ToString())).GetAwaiter().GetResult();
                var all = store.ListEvents(new EventQuery(Limit: 100_000));
                Assert.True(all.Count > 30, "the samples give enough events to page through");
                return _stores[kind] = (store, all);
            }
        }

        public void Dispose()
        {
            foreach (var (store, _) in _stores.Values) store.Dispose();
            _directory.Dispose();
        }
    }

    private readonly SampleStore _samples;

    public EventQueryTests(SampleStore samples) => _samples = samples;

    private static IEnumerable<string> Ids(IEnumerable<StoredEvent> events) => events.Select(e => e.Id);

    private void AssertSameAsFiltering(string kind, EventQuery query, Func<StoredEvent, bool> keep)
    {
        var (store, all) = _samples.Of(kind);
        var expected = Ids(all.Where(keep)).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Ids(store.ListEvents(query with { Limit = 100_000 })));
        Assert.Equal(expected.Count, store.CountEvents(query));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void AllEvents_ComeByDateThenCountryThenReportThenOrdinal(string kind)
    {
        var keys = _samples.Of(kind).All.Select(e => (e.Event.Date?.ToString("yyyy-MM-dd") ?? "", e.Event.Place?.Country ?? "", e.DocumentId, int.Parse(e.Id[(e.DocumentId.Length + 1)..]))).ToList();
        Assert.Equal(keys.Order().ToList(), keys);
        Assert.Equal(_samples.Of(kind).All.Count, _samples.Of(kind).Store.CountEvents(new EventQuery()));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Pages_JoinedUp_AreTheWholeList(string kind)
    {
        var pages = new List<StoredEvent>();
        for (int offset = 0; ; offset += 7)
        {
            var page = _samples.Of(kind).Store.ListEvents(new EventQuery(Limit: 7, Offset: offset));
            pages.AddRange(page);
            if (page.Count < 7) break;
        }
        Assert.Equal(Ids(_samples.Of(kind).All), Ids(pages));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void CountryAndDates_FilterAsTheyDoOnTheList(string kind)
    {
        var some = _samples.Of(kind).All.First(e => e.Event.Place is not null && e.Event.Date is not null);
        var country = some.Event.Place!.Country;
        var from = some.Event.Date!.Value.AddDays(-3);
        var to = some.Event.Date!.Value.AddDays(3);
        AssertSameAsFiltering(kind, new EventQuery(Country: country.ToLowerInvariant(), From: from, To: to),
            e => e.Event.Place?.Country == country && e.Event.Date >= from && e.Event.Date <= to);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Type_MatchesEventTypeOrTypeSlashSubType(string kind)
    {
        var some = _samples.Of(kind).All[0].Event;
        AssertSameAsFiltering(kind, new EventQuery(Type: some.EventType), e => e.Event.EventType == some.EventType);
        AssertSameAsFiltering(kind, new EventQuery(Type: $"{some.EventType}/{some.SubEventType}"),
            e => e.Event.EventType == some.EventType && e.Event.SubEventType == some.SubEventType);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Box_KeepsEventsPlacedInside(string kind)
    {
        var place = _samples.Of(kind).All.First(e => e.Event.Place is not null).Event.Place!;
        var box = new GeoBox(place.Longitude - 5, place.Latitude - 5, place.Longitude + 5, place.Latitude + 5);
        AssertSameAsFiltering(kind, new EventQuery(Box: box), e => e.Event.Place is { } p
            && p.Latitude >= box.South && p.Latitude <= box.North && p.Longitude >= box.West && p.Longitude <= box.East);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Words_KeepEventsOfReportsThatUseThem(string kind)
    {
        AssertSameAsFiltering(kind, new EventQuery(Words: "protesters"),
            e => e.DocumentText.Contains("protesters", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Document_KeepsThatReportsEvents(string kind)
    {
        var document = _samples.Of(kind).All[^1].DocumentId;
        AssertSameAsFiltering(kind, new EventQuery(DocumentId: document), e => e.DocumentId == document);
    }
}
