using Sitrep.Evaluation;
using Sitrep.Events;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Evaluation;

public class EventEvaluationTests
{
    // Three rows in the project's own words: one coded as the system codes it, one whose toll the gold
    // gives differently, one that reports no event at all.
    private const string Gold = """
        event_id_cnty,event_date,event_type,sub_event_type,country,location,latitude,longitude,fatalities,notes
        KEN1,3-May-20,Protests,Peaceful protest,Kenya,Nairobi,-1.2833,36.8167,0,"On 3 May 2020, traders protested in Nairobi against new market fees."
        KEN2,3-May-20,Protests,Peaceful protest,Kenya,Nairobi,-1.2833,36.8167,5,"On 3 May 2020, traders protested in Nairobi against new market fees, the second day running."
        KEN3,3-May-20,Protests,Peaceful protest,Kenya,Nairobi,-1.2833,36.8167,0,"On 3 May 2020, the governor opened a new hospital wing in Nairobi."
        """;

    [Fact]
    public void RatesAreOverAllRows_AndEachRowSaysWhichFieldsItMissed()
    {
        using var dir = new TempDirectory();
        var rows = AcledCsv.Read(dir.Write("gold.csv", Gold));
        var results = new List<EventRowResult>();
        var scores = EventEvaluation.Run(rows, StandardStages.Default, results.Add);

        Assert.Equal(3, scores.N);
        Assert.Equal(2 / 3.0, scores.Detected, 6);
        Assert.Equal(2 / 3.0, scores.EventTypeAccuracy, 6);
        Assert.Equal(1 / 3.0, scores.FatalitiesExact, 6);
        Assert.Equal([[], ["fatalities"], ["detected"]], results.Select(r => r.Wrong.ToArray()));
        Assert.True(results[0].DistanceKm < 25);
    }

    [Fact]
    public void Errors_ListTheRowsWithAnythingWrong_GoldBesideSystem()
    {
        using var dir = new TempDirectory();
        var rows = AcledCsv.Read(dir.Write("gold.csv", Gold));
        var results = new List<EventRowResult>();
        EventEvaluation.Run(rows, StandardStages.Default, results.Add);
        var writer = new StringWriter();
        EventEvaluation.WriteErrors(writer, results);

        var lines = writer.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("event_id_cnty,wrong,", lines[0]);
        Assert.StartsWith("KEN2,fatalities,Protests,Peaceful protest,2020-05-03,Nairobi,", lines[1]);
        Assert.EndsWith("\"On 3 May 2020, traders protested in Nairobi against new market fees, the second day running.\"", lines[1]);
        Assert.StartsWith("KEN3,detected,", lines[2]);
    }
}
