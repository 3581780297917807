using Sitrep.Storage.Sqlite;
using Sitrep.Documents;
using Sitrep.Linking;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Tests.Support;
using static Sitrep.Tests.Support.IncidentReports;

namespace Sitrep.Tests.Linking;

/// <summary>Linking across reports in each kind of store, on reports written for these tests.</summary>
public sealed class LinkingTests
{
    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void OneIncidentFromThreeOutlets_IsOneEventWithEverySourceAndEachFigure(string kind)
    {
        using var dir = new TempDirectory();
        using var store = TestStores.Open(kind, dir);
        var reports = Market();
        store.Store(reports);

        var incident = store.ListIncidents(new EventQuery(Country: "NG")).Single(i => i.Event.EventType == "Violence against civilians");
        Assert.Equal(reports.Select(r => r.Id).Order(StringComparer.Ordinal), incident.Documents);
        var tolls = incident.Claims.Where(c => c.Field == "fatalities").ToList();
        Assert.Equal([12, 15, 19], tolls.Select(c => c.Value).Order());
        // Each day's toll is higher than the day before's: the count was updated, as ACLED updates it.
        Assert.Equal(19, incident.Event.Fatalities);
        Assert.Equal((12, 19), incident.Range("fatalities"));
        Assert.Equal(19, incident.Latest("fatalities")!.Value);
        Assert.Contains("lowest current of 3 reported figures (12–19)", incident.Basis("fatalities"));
        Assert.Contains("2 earlier counts updated by later, higher ones", incident.Basis("fatalities"));
        Assert.All(store.ListLinks(incident.Id), l => Assert.Contains("km apart", l.Reason));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void IncidentsWithin_GiveTheSameIncidentsAndFiguresAsListingEach(string kind)
    {
        using var dir = new TempDirectory();
        using var store = TestStores.Open(kind, dir);
        store.Store([.. Market(), Read(GrenadeAttack, new DateOnly(2024, 3, 9), "Coast Post")]);
        var query = new EventQuery(Limit: 1000);

        var each = store.ListIncidents(query);
        var within = store.ListIncidentsWithin(query);

        Assert.Equal(each.Select(i => (i.Id, i.Event.Fatalities, string.Join(" ", i.Documents))), within.Select(i => (i.Id, i.Event.Fatalities, string.Join(" ", i.Documents))));
        // The summary counts each incident once, with its figure from every report's claims (19, not a head's own 12 or 15).
        var summary = Sitrep.SituationReports.SituationSummary.Of(within, null, null, null);
        Assert.Equal(each.Count, summary.Events);
        Assert.Equal(each.Sum(i => i.Event.Fatalities ?? 0), summary.Fatalities);
        Assert.Contains(within, i => i.Event.Fatalities == 19 && i.Documents.Count == 3 && i.Representative.Event.Fatalities != 19);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void SourcesDifferingOnOneDay_GiveTheLowestFigure(string kind)
    {
        using var dir = new TempDirectory();
        using var store = TestStores.Open(kind, dir);
        store.Store([Read(MarketWire, new DateOnly(2024, 3, 9), "Sahel Wire"), Read(MarketDaily, new DateOnly(2024, 3, 9), "Lagos Daily")]);

        var incident = store.ListIncidents(new EventQuery(Country: "NG")).Single(i => i.Documents.Count == 2);
        Assert.Equal(12, incident.Event.Fatalities);
        Assert.StartsWith("lowest current of 2 reported figures (12–15), according to", incident.Basis("fatalities"));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Incidents_AreListedAndFilteredByTheirRepresentative(string kind)
    {
        using var dir = new TempDirectory();
        using var store = TestStores.Open(kind, dir);
        var reports = Market();
        // The latest report first, so the incident's name (smallest id) need not be its best-coded event.
        foreach (var report in reports.Reverse()) store.Store([report]);
        Assert.True(store.SettleIncidents() > 0); // the reports came in reverse date order

        var incident = store.ListIncidents(new EventQuery(Country: "NG")).Single(i => i.Documents.Count == 3);
        var heads = store.ListEvents(new EventQuery(IncidentsOnly: true, Limit: 100)).Where(e => e.IncidentId == incident.Id).ToList();
        Assert.Equal([incident.Representative.Id], heads.Select(e => e.Id));
        var day = incident.Representative.Event.Date!.Value;
        Assert.Contains(store.ListIncidents(new EventQuery(Country: "NG", From: day, To: day)), i => i.Id == incident.Id);

        store.UnlinkEvent(incident.Representative.Id);
        var rest = store.FindIncident(incident.Members.First(m => m.Id != incident.Representative.Id).Id)!;
        Assert.Equal(rest.Representative.Id, Assert.Single(store.ListEvents(new EventQuery(IncidentId: rest.Id, IncidentsOnly: true))).Id);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void TwoIncidentsInOneCityOnOneDay_StayApart(string kind)
    {
        using var dir = new TempDirectory();
        using var store = TestStores.Open(kind, dir);
        store.Store([Read(TeachersMarch, new DateOnly(2024, 5, 14), "Kenya Today"), Read(GrenadeAttack, new DateOnly(2024, 5, 14), "Coast Post")]);

        var incidents = store.ListIncidents(new EventQuery(Country: "KE"));
        Assert.True(incidents.Count >= 2, "the march and the grenade attack are two incidents");
        Assert.All(incidents, i => Assert.Single(i.Documents));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void AnyOrderOfArrival_GivesTheSameIncidents(string kind)
    {
        HashSet<string> Incidents(IEnumerable<Document> order)
        {
            using var dir = new TempDirectory();
            using var store = TestStores.Open(kind, dir);
            foreach (var document in order) store.Store([document]);
            store.SettleIncidents();
            store.Store(order.ToList()); // again: nothing changes
            Assert.Equal(0, store.SettleIncidents());
            var events = store.ListEvents(new EventQuery(Limit: 10_000));
            // Every incident has exactly one head, whatever the order of merges.
            Assert.Equal(events.Select(e => e.IncidentId).Distinct().Order(StringComparer.Ordinal),
                store.ListEvents(new EventQuery(IncidentsOnly: true, Limit: 10_000)).Select(e => e.IncidentId).Order(StringComparer.Ordinal));
            return events.GroupBy(e => e.IncidentId)
                .Select(g => string.Join(" ", g.Select(e => e.Id).Order(StringComparer.Ordinal))).ToHashSet();
        }
        var reports = Market().Append(Read(GrenadeAttack, new DateOnly(2024, 3, 9), "Coast Post")).ToArray();
        var forward = Incidents(reports);
        Assert.Contains(forward, i => i.Split(' ').Length == 3);
        Assert.Equal(forward, Incidents(reports.Reverse()));
        Assert.Equal(forward, Incidents([reports[1], reports[3], reports[0], reports[2]]));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void ACopyArrivingAfterItsOriginal_LeavesOneHeadPerIncident_InEitherOrder(string kind)
    {
        // A copy coded like its original heads the merged incident when its id is the smaller, so the
        // stored original is renamed into it and demoted at once; arriving first, it is the one kept.
        // Whichever comes second is dated a day later (the same Friday's attack), so each arrives in
        // date order and is linked as it arrives.
        Document Original(int day) => Read(MarketWire, new DateOnly(2024, 3, day), "Sahel Wire");
        Document Copy(int day) => Read("MAIDUGURI (Sahel Wire) - " + MarketWire, new DateOnly(2024, 3, day), "Metro Reprint");
        List<(string Incident, string Head)> Incidents(params Document[] order)
        {
            using var dir = new TempDirectory();
            using var store = TestStores.Open(kind, dir);
            foreach (var document in order) store.Store([document]);
            Assert.Equal(0, store.SettleIncidents());
            var events = store.ListEvents(new EventQuery(Limit: 10_000));
            var heads = store.ListEvents(new EventQuery(IncidentsOnly: true, Limit: 10_000));
            Assert.Equal(events.Select(e => e.IncidentId).Distinct().Order(StringComparer.Ordinal), heads.Select(e => e.IncidentId).Order(StringComparer.Ordinal));
            Assert.All(events.GroupBy(e => e.IncidentId), g => Assert.Equal(g.Select(e => e.Id).Order(StringComparer.Ordinal).First(), g.Key));
            Assert.Contains(events.GroupBy(e => e.IncidentId), g => g.Select(e => e.DocumentId).Distinct().Count() == 2);
            return [.. heads.Select(h => (h.IncidentId, h.Id)).Order()];
        }
        var forward = Incidents(Original(9), Copy(10));
        Assert.Equal(forward, Incidents(Copy(9), Original(10)));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Unlink_TakesAnEventOutAndKeepsItOut(string kind)
    {
        using var dir = new TempDirectory();
        using var store = TestStores.Open(kind, dir);
        var reports = Market();
        store.Store(reports[..2]);
        var incident = store.ListIncidents(new EventQuery(Country: "NG")).Single(i => i.Documents.Count == 2);
        var daily = incident.Members.Single(m => m.DocumentId == reports[1].Id).Id;

        var outcome = store.UnlinkEvent(daily);

        Assert.NotNull(outcome);
        Assert.Equal(incident.Id, outcome!.FormerIncident);
        Assert.Single(store.FindIncident(daily)!.Documents);
        // A later report links to one of them, and never joins the two again.
        store.Store([reports[2]]);
        var wire = incident.Members.Single(m => m.DocumentId == reports[0].Id).Id;
        Assert.NotEqual(store.FindIncident(daily)!.Id, store.FindIncident(wire)!.Id);
        Assert.Equal(3, store.FindIncident(daily)!.Documents.Count + store.FindIncident(wire)!.Documents.Count);
        Assert.Null(store.UnlinkEvent("no-such-event"));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void NearDuplicateReports_AreFound_DifferentStoriesAreNot(string kind)
    {
        using var dir = new TempDirectory();
        using var store = TestStores.Open(kind, dir);
        var original = Read(MarketWire + " " + MarketDaily, new DateOnly(2024, 3, 9), "Sahel Wire");
        // A syndicated copy, lightly edited: a dateline, one word changed, one sentence cut.
        var copy = Read("MAIDUGURI (Sahel Wire) - " + MarketWire.Replace("crowded", "busy") + " " + MarketDaily[..MarketDaily.IndexOf(" Witnesses", StringComparison.Ordinal)],
            new DateOnly(2024, 3, 9), "Metro Reprint");
        var other = Read(TeachersMarch + " " + GrenadeAttack, new DateOnly(2024, 3, 9), "Kenya Today");
        store.Store([original, copy, other]);

        var duplicates = store.ListDuplicates(original.Id);
        Assert.Equal([copy.Id], duplicates.Select(d => d.DocumentId));
        Assert.InRange(duplicates[0].Similarity, MinHash.DuplicateThreshold, 1.0);
        Assert.Empty(store.ListDuplicates(other.Id));
    }

    [Fact]
    public void NearDuplicates_StoredByAnotherProcess_AreFoundByAStoreOpenedBefore()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "shared.db");
        var original = Read(MarketWire + " " + MarketDaily, new DateOnly(2024, 3, 9), "Sahel Wire");
        var copy = Read("MAIDUGURI (Sahel Wire) - " + MarketWire + " " + MarketDaily, new DateOnly(2024, 3, 9), "Metro Reprint");
        using var first = SqliteDocumentStore.Open(path);
        using var second = SqliteDocumentStore.OpenAsAnotherProcess(path);
        // The first store reads the stored reports' signatures into memory with its first batch.
        first.Store([Read(TeachersMarch, new DateOnly(2024, 3, 5), "Kenya Today")]);

        second.Store([original]);
        first.Store([copy]);

        Assert.Equal([copy.Id], first.ListDuplicates(original.Id).Select(d => d.DocumentId));
    }

    [Fact]
    public void Incidents_StoredByAnotherProcess_AreJoinedByAStoreOpenedBefore()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "shared.db");
        var reports = Market();
        using var first = SqliteDocumentStore.Open(path);
        using var second = SqliteDocumentStore.OpenAsAnotherProcess(path);
        // The first store reads the stored incident heads into memory with its first batch.
        first.Store([Read(TeachersMarch, new DateOnly(2024, 3, 5), "Kenya Today")]);

        second.Store([reports[0]]);
        first.Store([reports[1]]);

        var incident = first.ListIncidents(new EventQuery(Country: "NG")).Single(i => i.Event.EventType == "Violence against civilians");
        Assert.Equal(reports[..2].Select(r => r.Id).Order(StringComparer.Ordinal), incident.Documents);
        Assert.Equal(StoredHeads(first), SqliteLinkIndexes.For(path).Heads!.Count);
    }

    [Fact]
    public void ReportsStoredWithoutLinking_AreFoundByTheLinkingAfterThem()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "s.db");
        var reports = Market();
        using var store = SqliteDocumentStore.Open(path);
        store.Store([Read(TeachersMarch, new DateOnly(2024, 3, 5), "Kenya Today")]);

        using (store.ShareTransactions(10))
        {
            store.Linking = false;
            store.Store([reports[0]]);
            store.Linking = true;
            store.Store([reports[1]]);
        }

        Assert.Contains(store.ListIncidents(new EventQuery(Country: "NG")), i => i.Documents.Count == 2);
        Assert.Equal(StoredHeads(store), SqliteLinkIndexes.For(path).Heads!.Count);
    }

    [Fact]
    public void AnUnlinkByAnotherProcess_IsFollowedByAStoreOpenedBefore()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "shared.db");
        var reports = Market();
        using var first = SqliteDocumentStore.Open(path);
        using var second = SqliteDocumentStore.OpenAsAnotherProcess(path);
        first.Store(reports[..2]);
        var incident = first.ListIncidents(new EventQuery(Country: "NG")).Single(i => i.Documents.Count == 2);

        // The other member heads an incident of its own now, a head the first store has not seen.
        second.UnlinkEvent(incident.Representative.Id);
        first.Store([reports[2]]);

        Assert.Equal(StoredHeads(first), SqliteLinkIndexes.For(path).Heads!.Count);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void ABlockDenserThanTheCandidateLimit_StillLinksTheHeadThatMatches(string kind)
    {
        // 250 clashes at one place and day, each by another named armed group: none is the same incident as another, and
        // all of them are in the one block a search reads. A later report of one group's clash links to it, though its head
        // comes last of them by id.
        using var dir = new TempDirectory();
        using var store = TestStores.Open(kind, dir);
        var day = new DateOnly(2024, 3, 4);
        var text = new PipelineBuilder().UseText().Build();
        Document Clash(int group, string words, DateOnly reported)
        {
            var report = new Document($"Armed Group {group} {words} near the market on Monday.", reported, new SourceLocation("dense.jsonl", group));
            text.Process(report);
            var place = new PlaceMention(new TextRange(0, 5), "Maiduguri", null, 11.85, 13.16, "NG", "Borno", PlaceLevel.City, 0.9);
            report.SetEvents([new CodedEvent
            {
                EventType = "Battles", SubEventType = "Armed clash", Date = day, TimePrecision = AcledTimePrecision.Day, Place = place, GeoPrecision = AcledGeoPrecision.Place,
                Actor1 = $"Armed Group {group}", Inter1 = 2, Evidence = [new TextRange(0, report.Text.Length)],
            }]);
            return report;
        }
        // In linking order (date, then id), so that each is linked as it arrives.
        var first = Enumerable.Range(1, 250).Select(g => Clash(g, "clashed with soldiers", day)).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        foreach (var batch in first.Chunk(50)) store.Store(batch);
        var later = Clash(first[^1].Origin.Line!.Value, "fought soldiers for three hours", day.AddDays(1));
        store.Store([later]);
        Assert.Equal(0, store.SettleIncidents());

        var incident = store.ListEvents(new EventQuery(DocumentId: later.Id)).Single().IncidentId;
        Assert.Equal(2, store.ListEvents(new EventQuery(Limit: 1000)).Count(e => e.IncidentId == incident));
    }

    // Heads the in-memory index must hold: dated, at a time precision linking searches.
    private static int StoredHeads(IDocumentStore store) =>
        store.ListEvents(new EventQuery(IncidentsOnly: true, Limit: 10_000)).Count(e => e.Event is { Date: not null, TimePrecision: >= AcledTimePrecision.Day and <= AcledTimePrecision.Month });
}
