using System.Text.Json;
using Sitrep.Evaluation;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Evaluation;

public class GeoEvaluationTests
{
    // TR-News layout; the second toponym's offsets are shifted by two, as some of TR-News' are.
    private const string TrNews = """
        <?xml version="1.0" encoding="utf-8"?>
        <articles>
          <article docid="1">
            <dltime>2022-01-06</dltime>
            <text><![CDATA[Protesters gathered in Almaty. Later, police in Taraz said the region was calm.]]></text>
            <toponyms>
              <toponym><phrase>Almaty</phrase><start>23</start><end>29</end>
                <gaztag geonameid="1526384"><name>Almaty</name><lat>43.25</lat><lon>76.92</lon></gaztag></toponym>
              <toponym><phrase>Taraz</phrase><start>46</start><end>51</end>
                <gaztag geonameid="1516905"><name>Taraz</name><lat>42.9</lat><lon>71.37</lon></gaztag></toponym>
              <toponym><phrase>Nowhere</phrase><start>0</start><end>7</end>
                <gaztag geonameid="1"><name>Nowhere</name><lat>0</lat><lon>0</lon></gaztag></toponym>
            </toponyms>
          </article>
        </articles>
        """;

    [Fact]
    public void Read_RealignsShiftedOffsets_AndDropsWhatCannotBeFound()
    {
        using var dir = new TempDirectory();
        var docs = GeoGold.Read(dir.Write("tr.xml", TrNews), out var dropped);
        var doc = Assert.Single(docs);
        Assert.Equal(new DateOnly(2022, 1, 6), doc.Date);
        Assert.Equal(["Almaty", "Taraz"], doc.Toponyms.Select(t => doc.Text[t.Range.Start..t.Range.End]));
        Assert.Equal(1, dropped);
    }

    [Fact]
    public void Auc_IsZeroForPerfectAndOneForAntipodalErrors()
    {
        Assert.Equal(0, GeoEvaluation.Auc([0, 0, 0]), 6);
        Assert.Equal(1, GeoEvaluation.Auc([20039, 20039]), 4);
        Assert.InRange(GeoEvaluation.Auc([0, 100, 1000]), 0.2, 0.6);
    }

    [Fact]
    public async Task EvalGeo_Json_ScoresRecognitionAndResolution()
    {
        using var dir = new TempDirectory();
        var run = await CliRun.RunAsync("eval", "geo", "--gold", dir.Write("tr.xml", TrNews), "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(1.0, root.GetProperty("recognition").GetProperty("recall").GetDouble());
        Assert.Equal(1.0, root.GetProperty("acc161").GetDouble());
        Assert.Equal(2, root.GetProperty("n").GetInt32());
        foreach (var field in new[] { "mean_km", "median_km", "auc" }) Assert.True(root.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task EvalGeo_GivenSpans_ScoresEveryGoldToponym_AnUnresolvedOneAsWrong()
    {
        const string gold = """
            <?xml version="1.0" encoding="utf-8"?>
            <articles>
              <article docid="1">
                <dltime>2022-01-06</dltime>
                <text><![CDATA[Police in Taraz and Mordor said all was calm.]]></text>
                <toponyms>
                  <toponym><phrase>Taraz</phrase><start>10</start><end>15</end>
                    <gaztag geonameid="1516905"><name>Taraz</name><lat>42.9</lat><lon>71.37</lon></gaztag></toponym>
                  <toponym><phrase>Mordor</phrase><start>20</start><end>26</end>
                    <gaztag geonameid="2"><name>Mordor</name><lat>10</lat><lon>10</lon></gaztag></toponym>
                </toponyms>
              </article>
            </articles>
            """;
        using var dir = new TempDirectory();
        var run = await CliRun.RunAsync("eval", "geo", "--gold", dir.Write("g.xml", gold), "--given-spans", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var given = JsonDocument.Parse(run.Out).RootElement.GetProperty("given_spans");
        Assert.Equal((2, 1, 0.5), (given.GetProperty("n").GetInt32(), given.GetProperty("resolved").GetInt32(), given.GetProperty("acc161").GetDouble()));
    }

    [Fact]
    public async Task GazetteerLookup_ListsWhatANameCanMean()
    {
        var run = await CliRun.RunAsync("gazetteer", "lookup", "Alma-Ata");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Almaty", run.Out);
        Assert.Contains("KZ", run.Out);
        Assert.Equal(2, (await CliRun.RunAsync("gazetteer", "lookup", "Xqzzyvillezz")).ExitCode);
    }

    [Fact]
    public async Task GazetteerLookup_Explain_GivesEachEntrysPriorAndWhatMadeIt()
    {
        var run = await CliRun.RunAsync("gazetteer", "lookup", "Aktau", "--explain", "--limit", "3");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("prior score", run.Out);
        Assert.Contains("log_people", run.Out);
    }

    [Fact]
    public async Task GazetteerLookup_InAText_SaysWhichEntryWonThereAndWhy_AndWhereTheNameWasNoPlace()
    {
        var run = await CliRun.RunAsync("gazetteer", "lookup", "Paris", "--in",
            "Fans of Paris Saint-Germain celebrated. A tornado damaged homes in Paris, Texas, on Sunday.", "--date", "2024-03-03");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Paris (city, Texas, US", run.Out);
        Assert.Contains("containment 1×", run.Out);
        Assert.Equal(2, (await CliRun.RunAsync("gazetteer", "lookup", "Paris", "--in", "Nothing is named here.")).ExitCode);
    }
}
