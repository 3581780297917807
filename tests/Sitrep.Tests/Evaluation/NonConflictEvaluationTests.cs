using Sitrep.Evaluation;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Evaluation;

public class NonConflictEvaluationTests
{
    [Fact]
    public void CountsItemsWithAnEvent_PerKind_AndLeavesWorldNewsOut()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("news.csv", """
            "1","Troops shell a town","Soldiers shelled a town on Monday, killing three civilians."
            "2","Late rally","The home side rallied to win the match, with two goals in the second half."
            "2","Fans and police","Fans clashed with police outside the stadium on Sunday, and two people were killed."
            "3","Shares climb","Shares rallied on Monday after the bank set a date for its listing."
            "4","New browser","A browser was launched on Monday, its makers hoping to storm the market.\Reviews were kind."
            """);
        var counts = NonConflictEvaluation.Run(path, StandardStages.Default).ToDictionary(c => c.Kind);
        Assert.Equal(["sports", "business", "science"], counts.Keys);
        Assert.Equal((2, 1), (counts["sports"].Items, counts["sports"].WithEvents));
        Assert.Equal((1, 0), (counts["business"].Items, counts["business"].WithEvents));
        Assert.Equal(0.5, counts["sports"].Rate);
    }

    [Fact]
    public void AMalformedRow_IsAnErrorNamingFileAndLine()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("news.csv", "\"2\",\"A title\",\"A description.\"\n\"9\",\"No such class\",\"Text.\"\n");
        var e = Assert.Throws<InvalidDataException>(() => NonConflictEvaluation.Run(path, StandardStages.Default));
        Assert.Contains("news.csv:2:", e.Message);
    }
}
