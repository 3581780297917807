using Sitrep.Evaluation;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Evaluation;

public class ReportEvaluationTests
{
    // Three reports in the project's own words: one whose event the gold codes as the system does, one
    // whose toll the gold gives differently, and one that holds no event.
    private const string Expected = """
        {"reports": {
          "march.txt": {"events": [{"place": "Nairobi", "lat": -1.28, "lon": 36.82, "tolerance_km": 25, "date": "2024-05-14",
                                     "types": ["Protests/Peaceful protest"]}], "must_not_places": ["Nairobi"]},
          "raid.txt": {"events": [{"place": "Mandera", "lat": 3.94, "lon": 41.86, "tolerance_km": 25, "date": "2024-05-13",
                                    "types": ["Battles/Armed clash"], "fatalities": 40}], "must_not_places": []},
          "budget.txt": {"events": [], "must_not_places": []}
        }}
        """;

    [Fact]
    public void AGoldEventIsFound_OnlyWithItsTypeDayPlaceAndToll_AndReportsWithNoneAreCounted()
    {
        using var dir = new TempDirectory();
        dir.Write("expected.json", Expected);
        dir.Write("march.txt", "date 2024-05-14\n\nHundreds of teachers marched peacefully to the parliament in Nairobi on Tuesday to demand higher pay.\n");
        dir.Write("raid.txt", "date 2024-05-14\n\nGunmen attacked a police post in Mandera on Monday, killing four officers, police said.\n");
        dir.Write("budget.txt", "date 2024-05-14\n\nThe finance minister presented the budget to parliament on Tuesday.\n");

        var s = ReportEvaluation.Run(dir.Path, StandardStages.Default);

        Assert.Equal((1, 2, 2), (s.Found, s.Gold, s.Predicted));
        Assert.Equal(0.5, s.F1, 6);
        Assert.Equal((1, 0), (s.QuietReports, s.NoisyQuietReports));
        Assert.Equal(1, s.AtMustNotPlaces);
        Assert.Equal(1, s.MissedBecause["fatalities"]);
        Assert.Contains(s.Lines, l => l.StartsWith("missed   raid.txt: Battles/Armed clash at Mandera 2024-05-13 fatalities 40 (wrong fatalities)", StringComparison.Ordinal));
        Assert.Contains(s.Lines, l => l.StartsWith("invented raid.txt: Battles/Armed clash at Mandera 2024-05-13 <- Gunmen attacked", StringComparison.Ordinal));
    }
}
