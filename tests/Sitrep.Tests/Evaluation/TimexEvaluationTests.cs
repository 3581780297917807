using Sitrep.Documents;
using Sitrep.Evaluation;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Evaluation;

public class TimexEvaluationTests
{
    private const string Tml = """
        <?xml version="1.0" ?>
        <TimeML>
        <DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
        <TEXT>
        Markets <EVENT eid="e1">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> &amp; again
        on <TIMEX3 tid="t2" type="DATE" value="1998-01-05">Monday morning</TIMEX3>, for <TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3> in all.
        </TEXT>
        </TimeML>
        """;

    [Fact]
    public void Read_StripsTagsAndKeepsOffsets()
    {
        using var dir = new TempDirectory();
        var doc = TimeMlReader.Read(dir.Write("a.tml", Tml));
        Assert.Equal(new DateOnly(1998, 1, 8), doc.CreationDate);
        Assert.Equal(["yesterday", "Monday morning", "three days"], doc.Timexes.Select(t => doc.Text[t.Range.Start..t.Range.End]));
        Assert.Contains("& again", doc.Text);
        Assert.Equal("DURATION", doc.Timexes[2].Type);
    }

    [Fact]
    public void Run_ScoresStrictRelaxedAndValue()
    {
        using var dir = new TempDirectory();
        var doc = TimeMlReader.Read(dir.Write("a.tml", Tml));
        var scores = TimexEvaluation.Run([doc], new PipelineBuilder().UseText().UseTimes().Build());

        Assert.Equal(3, scores.GoldCount);
        Assert.Equal(3, scores.SystemCount);
        Assert.Equal(1.0, scores.Relaxed.F1);
        Assert.Equal(1.0, scores.Strict.F1);
        // "Monday morning" is resolved with its part of day (1998-01-05TMO) where the gold has the day only.
        Assert.Equal(2.0 / 3, scores.ValueAccuracy, 3);
        Assert.Equal(scores.Relaxed.F1 * scores.ValueAccuracy, scores.ValueF1, 6);
    }

    [Fact]
    public void Run_ReportsEachDisagreementWithTheGold()
    {
        using var dir = new TempDirectory();
        var doc = TimeMlReader.Read(dir.Write("a.tml", Tml));
        var disagreements = new List<TimexDisagreement>();
        TimexEvaluation.Run([doc], new PipelineBuilder().UseText().UseTimes().Build(), disagreements.Add);

        // The value differs for "Monday morning"; no gold timex is missed and none is found that the gold lacks.
        var d = Assert.Single(disagreements);
        Assert.Equal(("1998-01-05", "1998-01-05TMO"), (d.Gold!.Value, d.System!.Value));
        Assert.Equal("a.tml", d.Document);
    }

    [Fact]
    public void Read_NotTimeMl_FailsNamingTheFile()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("bad.tml", "<html></html>");
        var error = Assert.Throws<FormatException>(() => TimeMlReader.Read(path));
        Assert.Contains("bad.tml", error.Message);
    }
}
