using Sitrep.Documents;
using Sitrep.Linking;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Linking;

/// <summary>Linking across reports in the store, on reports written for these tests.</summary>
public sealed class LinkingTests
{
    // One market attack told by three outlets, with different tolls.
    private const string MarketWire =
        "Gunmen attacked a crowded market in Maiduguri on Friday, killing 12 civilians, residents said. " +
        "The attackers arrived on motorcycles and opened fire on traders before fleeing.";
    private const string MarketDaily =
        "At least 15 people were killed when gunmen stormed a market in Maiduguri on Friday, a police spokesman said. " +
        "Witnesses said the gunmen fired on traders and set stalls on fire.";
    private const string MarketLater =
        "The death toll from Friday's attack by gunmen on a market in Maiduguri has risen to 19, a hospital official said on Sunday.";
    // Two different incidents in one city on one day.
    private const string TeachersMarch =
        "Hundreds of teachers marched peacefully to the parliament in Nairobi on Tuesday to demand higher pay, the union said.";
    private const string GrenadeAttack =
        "A grenade attack on a police station in Nairobi on Tuesday killed two officers, police said.";

    private static Document Read(string text, DateOnly date, string source)
    {
        var document = new Document(text, date, new SourceLocation(source + ".txt")) { Source = source };
        DocumentPipeline.Default.Process(document);
        return document;
    }

    private static Document[] Market() =>
    [
        Read(MarketWire, new DateOnly(2024, 3, 8), "Sahel Wire"),
        Read(MarketDaily, new DateOnly(2024, 3, 9), "Lagos Daily"),
        Read(MarketLater, new DateOnly(2024, 3, 10), "Delta Herald"),
    ];

    [Fact]
    public void OneIncidentFromThreeOutlets_IsOneEventWithEverySourceAndEachFigure()
    {
        using var dir = new TempDirectory();
        using var store = SqliteDocumentStore.Open(dir.File("l.db"));
        var reports = Market();
        store.Store(reports);

        var incident = store.ListIncidents(new EventQuery(Country: "NG")).Single(i => i.Event.EventType == "Violence against civilians");
        Assert.Equal(reports.Select(r => r.Id).Order(StringComparer.Ordinal), incident.Documents);
        var tolls = incident.Claims.Where(c => c.Field == "fatalities").ToList();
        Assert.Equal([12, 15, 19], tolls.Select(c => c.Value).Order());
        Assert.Equal(12, incident.Event.Fatalities);
        Assert.Equal((12, 19), incident.Range("fatalities"));
        Assert.Equal(19, incident.Latest("fatalities")!.Value);
        Assert.Contains("lowest of 3 reported figures (12–19)", incident.Basis("fatalities"));
        Assert.All(store.ListLinks(incident.Id), l => Assert.Contains("km apart", l.Reason));
    }

    [Fact]
    public void TwoIncidentsInOneCityOnOneDay_StayApart()
    {
        using var dir = new TempDirectory();
        using var store = SqliteDocumentStore.Open(dir.File("l.db"));
        store.Store([Read(TeachersMarch, new DateOnly(2024, 5, 14), "Kenya Today"), Read(GrenadeAttack, new DateOnly(2024, 5, 14), "Coast Post")]);

        var incidents = store.ListIncidents(new EventQuery(Country: "KE"));
        Assert.True(incidents.Count >= 2, "the march and the grenade attack are two incidents");
        Assert.All(incidents, i => Assert.Single(i.Documents));
    }

    [Fact]
    public void AnyOrderOfArrival_GivesTheSameIncidents()
    {
        static HashSet<string> Incidents(IEnumerable<Document> order)
        {
            using var dir = new TempDirectory();
            using var store = SqliteDocumentStore.Open(dir.File("l.db"));
            foreach (var document in order) store.Store([document]);
            store.Store(order.ToList()); // again: nothing changes
            return store.ListEvents(new EventQuery(Limit: 10_000)).GroupBy(e => e.IncidentId)
                .Select(g => string.Join(" ", g.Select(e => e.Id).Order(StringComparer.Ordinal))).ToHashSet();
        }
        var reports = Market().Append(Read(GrenadeAttack, new DateOnly(2024, 3, 9), "Coast Post")).ToArray();
        var forward = Incidents(reports);
        Assert.Contains(forward, i => i.Split(' ').Length == 3);
        Assert.Equal(forward, Incidents(reports.Reverse()));
        Assert.Equal(forward, Incidents([reports[1], reports[3], reports[0], reports[2]]));
    }

    [Fact]
    public void Unlink_TakesAnEventOutAndKeepsItOut()
    {
        using var dir = new TempDirectory();
        using var store = SqliteDocumentStore.Open(dir.File("l.db"));
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

    [Fact]
    public void NearDuplicateReports_AreFound_DifferentStoriesAreNot()
    {
        using var dir = new TempDirectory();
        using var store = SqliteDocumentStore.Open(dir.File("l.db"));
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
}
