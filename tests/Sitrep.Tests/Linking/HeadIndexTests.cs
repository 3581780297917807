using Sitrep.Linking;

namespace Sitrep.Tests.Linking;

public sealed class HeadIndexTests
{
    private static readonly DateOnly Day = new(2024, 3, 9);
    private const int Violence = 1;

    private static EventMention Head(string id, DateOnly date, int timePrecision = 1, double latitude = 11.85, double longitude = 13.16,
        string? admin1 = "Borno", int geoPrecision = 1, string type = "Violence against civilians") =>
        new(id, id[..id.IndexOf('-')], type, "Attack", date, timePrecision, latitude, longitude, "NG", admin1, geoPrecision, null, null);

    private static List<int> CellsAround(double latitude, double longitude) => LinkCells.Around(latitude, longitude, IncidentMatcher.MaxRadiusKm);

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

        var found = index.Near(Violence, CellsAround(11.85, 13.16), Day, timePrecision: 1, limit: 200);

        Assert.Equal(["aaaaaaaaaaaaaaaaaaaa-1", "aaaaaaaaaaaaaaaaaaaa-3"], found);
        // A week-precise searcher has a week's window with every head.
        Assert.Contains("aaaaaaaaaaaaaaaaaaaa-2", index.Near(Violence, CellsAround(11.85, 13.16), Day, timePrecision: 2, limit: 200));
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

        var found = index.Near(Violence, CellsAround(11.85, 13.16), Day, timePrecision: 1, limit: 4);

        Assert.Equal(["dddddddddddddddddddd-1", "aaaaaaaaaaaaaaaaaaaa-10", "aaaaaaaaaaaaaaaaaaaa-2", "bbbbbbbbbbbbbbbbbbbb-1"], found);
    }

    [Fact]
    public void InRegion_NeedsOneSideCodedAtRegionLevel()
    {
        var index = new HeadIndex();
        index.Add(Head("aaaaaaaaaaaaaaaaaaaa-1", Day, geoPrecision: 3));
        index.Add(Head("aaaaaaaaaaaaaaaaaaaa-2", Day, geoPrecision: 1));
        index.Add(Head("aaaaaaaaaaaaaaaaaaaa-3", Day, geoPrecision: 3, admin1: "Yobe"));
        index.Add(Head("aaaaaaaaaaaaaaaaaaaa-4", Day, geoPrecision: 3, admin1: null));

        Assert.Equal(["aaaaaaaaaaaaaaaaaaaa-1"], index.InRegion(Violence, "NG", "Borno", Day, timePrecision: 1, geoPrecision: 1, limit: 200));
        Assert.Equal(["aaaaaaaaaaaaaaaaaaaa-1", "aaaaaaaaaaaaaaaaaaaa-2"], index.InRegion(Violence, "NG", "Borno", Day, timePrecision: 1, geoPrecision: 3, limit: 200));
    }

    [Fact]
    public void Remove_TakesAHeadOutOfBothIndexes_AndIdsKeptWholeComeBackWhole()
    {
        var index = new HeadIndex();
        var kept = Head("report-1", Day, geoPrecision: 3);
        var demoted = Head("aaaaaaaaaaaaaaaaaaaa-1", Day, geoPrecision: 3);
        index.Add(kept);
        index.Add(demoted);

        index.Remove(demoted);

        Assert.Equal(1, index.Count);
        Assert.Equal(["report-1"], index.Near(Violence, CellsAround(11.85, 13.16), Day, timePrecision: 1, limit: 200));
        Assert.Equal(["report-1"], index.InRegion(Violence, "NG", "Borno", Day, timePrecision: 1, geoPrecision: 3, limit: 200));
    }
}
