using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Support;

/// <summary>Short reports written for the linking and report tests: one incident told by several outlets, and unrelated incidents.</summary>
public static class IncidentReports
{
    // One market attack told by three outlets, with different tolls.
    public const string MarketWire =
        "Gunmen attacked a crowded market in Maiduguri on Friday, killing 12 civilians, residents said. " +
        "The attackers arrived on motorcycles and opened fire on traders before fleeing.";
    public const string MarketDaily =
        "At least 15 people were killed when gunmen stormed a market in Maiduguri on Friday, a police spokesman said. " +
        "Witnesses said the gunmen fired on traders and set stalls on fire.";
    public const string MarketLater =
        "The death toll from Friday's attack by gunmen on a market in Maiduguri has risen to 19, a hospital official said on Sunday.";
    // Two different incidents in one city on one day.
    public const string TeachersMarch =
        "Hundreds of teachers marched peacefully to the parliament in Nairobi on Tuesday to demand higher pay, the union said.";
    public const string GrenadeAttack =
        "A grenade attack on a police station in Nairobi on Tuesday killed two officers, police said.";

    public static Document Read(string text, DateOnly date, string source)
    {
        var document = new Document(text, date, new SourceLocation(source + ".txt")) { Source = source };
        StandardStages.Default.Process(document);
        return document;
    }

    public static Document[] Market() =>
    [
        Read(MarketWire, new DateOnly(2024, 3, 8), "Sahel Wire"),
        Read(MarketDaily, new DateOnly(2024, 3, 9), "Lagos Daily"),
        Read(MarketLater, new DateOnly(2024, 3, 10), "Delta Herald"),
    ];
}
