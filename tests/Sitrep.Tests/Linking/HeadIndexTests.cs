using Sitrep.Linking;

namespace Sitrep.Tests.Linking;

public sealed class HeadIndexTests
{
    private static readonly DateOnly Day = new(2024, 3, 9);

    private static EventMention Head(string id, DateOnly date, int timePrecision = 1, double latitude = 11.85, double longitude = 13.16,
        string? admin1 = "Borno", int geoPrecision = 1, string type = "Violence against civilians") =>
        new(id, id[..id.IndexOf('-')], type, "Attack", date, timePrecision, latitude, longitude, "NG", admin1, geoPrecision, null, null);

    private static List<int> CellsAround(double latitude, double longitude) => LinkCells.Around(latitude, longitude, IncidentMatcher.MaxRadiusKm);

    // A new report's event searching the index: Maiduguri, Borno, on the given day and precisions.
    private static EventMention Searcher(int timePrecision = 1, int geoPrecision = 1, string type = "Violence against civilians") =>
        Head("ffffffffffffffffffff-1", Day, timePrecision, geoPrecision: geoPrecision, type: type);

    private static List<string> Near(HeadIndex index, EventMention searcher, int limit = 200) =>
        [.. index.Near(searcher, CellsAround(searcher.Latitude!.Value, searcher.Longitude!.Value), limit).Select(m => m.Id)];

    private static List<string> InRegion(HeadIndex index, EventMention searcher) => [.. index.InRegion(searcher, 200).Select(m => m.Id)];

    [Theory]
    [InlineData("0123456789abcdef0123-1")]
    [InlineData("ffffffffffffffffffff-65535")]
    [InlineData("0000000000000000a0b1-12")]
    public void EventKey_RoundTripsWellFormedIds(string id) =>
        Assert.Equal(id, EventKey.TryParse(id)!.Value.ToString());

    [Theory]
    [InlineData("event-1")]
    [InlineData("0123456789ABCDEF0123-1")] // upper-case digits print back lower-case: kept whole
    [InlineData("0123456789abcdef0123-0")]
    [InlineData("0123456789abcdef0123-01")]
    [InlineData("0123456789abcdef0123-65536")]
    [InlineData("0123456789abcdef0123")]
    public void EventKey_RefusesOtherIds(string id) => Assert.Null(EventKey.TryParse(id));

    [Fact]
    public void Near_FindsHeadsInTheCellsWithinEachPairsDateWindow()
    {
        var index = new HeadIndex();
        index.Add(Head("aaaaaaaaaaaaaaaaaaaa-1", Day.AddDays(1)));                     // day-precise, a day after: in
        index.Add(Head("aaaaaaaaaaaaaaaaaaaa-2", Day.AddDays(2)));                     // two days after: out
        index.Add(Head("aaaaaaaaaaaaaaaaaaaa-3", Day.AddDays(6), timePrecision: 2));   // week-precise: its window is a week
        index.Add(Head("aaaaaaaaaaaaaaaaaaaa-4", Day, type: "Protests"));              // another disorder type
        index.Add(Head("aaaaaaaaaaaaaaaaaaaa-5", Day, latitude: 9.06, longitude: 7.49)); // Abuja: far away
        index.Add(Head("aaaaaaaaaaaaaaaaaaaa-6", Day, timePrecision: 4)); // a precision linking never searches

        Assert.Equal(["aaaaaaaaaaaaaaaaaaaa-1", "aaaaaaaaaaaaaaaaaaaa-3"], Near(index, Searcher()));
        // A week-precise searcher has a week's window with every head.
        Assert.Contains("aaaaaaaaaaaaaaaaaaaa-2", Near(index, Searcher(timePrecision: 2)));
    }

    [Fact]
    public void Near_KeepsTheFirstByPrecisionCellDateAndId_WhenThereAreMoreThanTheLimit()
    {
        var index = new HeadIndex();
        index.Add(Head("cccccccccccccccccccc-1", Day, timePrecision: 2));
        index.Add(Head("bbbbbbbbbbbbbbbbbbbb-1", Day));
        index.Add(Head("aaaaaaaaaaaaaaaaaaaa-10", Day));
        index.Add(Head("aaaaaaaaaaaaaaaaaaaa-2", Day));
        index.Add(Head("dddddddddddddddddddd-1", Day.AddDays(-1)));

        Assert.Equal(["dddddddddddddddddddd-1", "aaaaaaaaaaaaaaaaaaaa-10", "aaaaaaaaaaaaaaaaaaaa-2", "bbbbbbbbbbbbbbbbbbbb-1"], Near(index, Searcher(), limit: 4));
    }

    [Fact]
    public void InRegion_NeedsOneSideCodedAtRegionLevel()
    {
        var index = new HeadIndex();
        index.Add(Head("aaaaaaaaaaaaaaaaaaaa-1", Day, geoPrecision: 3));
        index.Add(Head("aaaaaaaaaaaaaaaaaaaa-2", Day, geoPrecision: 1));
        index.Add(Head("aaaaaaaaaaaaaaaaaaaa-3", Day, geoPrecision: 3, admin1: "Yobe"));
        index.Add(Head("aaaaaaaaaaaaaaaaaaaa-4", Day, geoPrecision: 3, admin1: null));

        Assert.Equal(["aaaaaaaaaaaaaaaaaaaa-1"], InRegion(index, Searcher()));
        Assert.Equal(["aaaaaaaaaaaaaaaaaaaa-1", "aaaaaaaaaaaaaaaaaaaa-2"], InRegion(index, Searcher(geoPrecision: 3)));
    }

    [Fact]
    public void Remove_TakesAHeadOutOfBothIndexes_AndIdsKeptWholeComeBackWhole()
    {
        var index = new HeadIndex();
        var kept = Head("report-1", Day, geoPrecision: 3);
        var demoted = Head("aaaaaaaaaaaaaaaaaaaa-1", Day, geoPrecision: 3);
        index.Add(kept);
        index.Add(demoted);

        index.Remove(demoted.Id);

        Assert.Equal(1, index.Count);
        Assert.Equal(["report-1"], Near(index, Searcher()));
        Assert.Equal(["report-1"], InRegion(index, Searcher(geoPrecision: 3)));
    }

    [Fact]
    public void Rename_MovesTheHeadIntoTheKeptIncident_AndTheMentionsComeBackWhole()
    {
        var index = new HeadIndex();
        var head = Head("bbbbbbbbbbbbbbbbbbbb-2", Day) with { Actor1 = "Boko Haram", Inter1 = 2, Confidence = 0.75 };
        index.Add(head);

        index.Rename("aaaaaaaaaaaaaaaaaaaa-1", "bbbbbbbbbbbbbbbbbbbb-2");

        Assert.Null(index.HeadOf("bbbbbbbbbbbbbbbbbbbb-2"));
        Assert.Equal(head with { IncidentId = "aaaaaaaaaaaaaaaaaaaa-1" }, index.HeadOf("aaaaaaaaaaaaaaaaaaaa-1"));
        Assert.Equal("aaaaaaaaaaaaaaaaaaaa-1", Assert.Single(index.Near(Searcher(), CellsAround(11.85, 13.16), 200)).IncidentId);
    }

    // The index answers with exactly the heads the matcher would link: every pair it leaves out is one
    // IncidentMatcher turns down (actors, sub-type, distance, country), and none it returns is.
    [Fact]
    public void Near_AndInRegion_ReturnTheHeadsTheMatcherAccepts_AndNoOther()
    {
        var random = new Random(7);
        string[] types = ["Battles", "Violence against civilians", "Protests", "Riots", "Strategic developments"];
        string[] subTypes = ["Attack", "Armed clash", "Arrests"];
        string?[] actors = [null, "Boko Haram", "Unidentified Armed Group (Nigeria)", "Protesters (Nigeria)", "Military Forces of Nigeria"];
        int?[] inters = [null, 1, 2, 3, 6];
        string?[] admins = ["Borno", "Yobe", null];
        EventMention Random(string id)
        {
            int actor = random.Next(actors.Length);
            return new EventMention(id, id[..id.IndexOf('-')], types[random.Next(types.Length)], subTypes[random.Next(subTypes.Length)],
                Day.AddDays(random.Next(-40, 41)), random.Next(1, 4), 11.85 + random.NextDouble() - 0.5, 13.16 + random.NextDouble() - 0.5,
                random.Next(8) == 0 ? "CM" : "NG", admins[random.Next(admins.Length)], random.Next(1, 4), actors[actor], inters[actor]);
        }
        var index = new HeadIndex();
        var heads = Enumerable.Range(1, 400).Select(i => Random($"{i:x20}-1")).ToList();
        foreach (var h in heads) index.Add(h);

        for (int i = 0; i < 200; i++)
        {
            var searcher = Random($"{i:x19}f-1");
            var found = new HashSet<string>(index.Near(searcher, CellsAround(searcher.Latitude!.Value, searcher.Longitude!.Value), 1000).Select(m => m.Id));
            if (searcher.Admin1 is not null) found.UnionWith(index.InRegion(searcher, 1000).Select(m => m.Id));
            var expected = heads.Where(h => IncidentMatcher.Matches(searcher, h)).Select(h => h.Id).ToHashSet();
            Assert.Equal(expected.Order(), found.Order());
        }
    }
}
