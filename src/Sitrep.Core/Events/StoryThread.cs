using Sitrep.Documents;

namespace Sitrep.Events;

/// <summary>
/// Where and when a wire story is as it goes on: a sentence that names no day of its own goes on at
/// the day the story last named for an event ("within hours, crowds..."), and one that names no place,
/// nor does its paragraph, goes on at the town the story last named rather than at the country at
/// large. Only news of the day carries on: a day more than two days before the report starts a
/// process ("protests began on January 2"), and what follows it undated is of the report's day.
/// </summary>
internal sealed class StoryThread(Document document)
{
    private const int NewsOfTheDay = 2;

    private DateOnly? _day;
    private PlaceMention? _town;
    private DateOnly _townDay;

    /// <summary>The sentence's day: its own (precision 1), else the story's, else the report's (precision 2).</summary>
    public (DateOnly Date, int Precision) Day((DateOnly Date, int Precision) own)
    {
        if (own.Precision == 1)
        {
            _day = own.Date >= document.Date.AddDays(-NewsOfTheDay) ? own.Date : null;
            return own;
        }
        return (_day ?? own.Date, own.Precision);
    }

    /// <summary>
    /// The sentence's place: a town of its own becomes the story's; with only the report's country to go
    /// on, the story's town (precision 2), unless the sentence is days apart from it ("Castillo was
    /// arrested on December 7") or speaks of the whole country ("a national state of emergency").
    /// </summary>
    public (PlaceMention? Place, int Precision) Place(PlaceMention? own, (PlaceMention? Place, int Precision, bool OnlyTheFocus) where,
        DateOnly day, bool overMany)
    {
        if (own is { Level: PlaceLevel.City or PlaceLevel.District or PlaceLevel.Site or PlaceLevel.Admin2 } && !EventPlacement.IsDestination(document, own))
        {
            (_town, _townDay) = (own, day);
            return (where.Place, where.Precision);
        }
        if (where.OnlyTheFocus && _town is { } town && (where.Place is null || town.Country == where.Place.Country)
            && Math.Abs(day.DayNumber - _townDay.DayNumber) <= NewsOfTheDay
            && !overMany)
            return (town, 2);
        return (where.Place, where.Precision);
    }
}
