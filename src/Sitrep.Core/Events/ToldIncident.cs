using Sitrep.Documents;

namespace Sitrep.Events;

/// <summary>
/// One sentence's reading of an event: what it codes, the day and place it names itself (null when
/// it inherits them), and whether it only tells more of an incident already told.
/// </summary>
/// <param name="Event">The sentence's coding, with the place and day it inherits where it names none.</param>
/// <param name="Sentence">The sentence's index.</param>
/// <param name="Paragraph">The index of the sentence's paragraph.</param>
/// <param name="OwnPlace">The place the sentence names for its event.</param>
/// <param name="Placed">Its place is its own or its paragraph's, not only the report's country.</param>
/// <param name="OwnDate">The day the sentence names for its event.</param>
/// <param name="PartOfDay">The part of the day it names ("NI" night, "MO" morning, "AF", "EV"), or null.</param>
/// <param name="MoreOfSomething">It refers back ("the attack", "the gunmen"), reacts to an incident (blame, denial, funerals) or only counts its dead and wounded.</param>
/// <param name="Verbal">Its main act is verbal (<see cref="EventDetection.IsVerbalAct"/>): it may tell more of an incident, never one of its own.</param>
/// <param name="Unsure">Its kind is the classifier's residual "Other", which it is unsure of and no coding rule decided: it may tell more of an incident, never start one.</param>
/// <param name="LaterToll">Its figures update earlier ones ("rose to", "later said") instead of competing with them.</param>
/// <param name="Violent">It tells of violence (<see cref="EventTyping.TellsViolence"/>), which can make a demonstration more severe.</param>
/// <param name="Gunfire">It tells of an exchange of fire ("opened fire", "a shootout ensued"): demonstrators firing on forces are in an armed clash.</param>
/// <param name="OverMany">Its figures are over many incidents ("the national toll"), not this one's.</param>
/// <param name="Agentless">It names no one who acts in events ("a single fire cut traffic on two branches"): what happened, not who did it.</param>
/// <param name="Demonstrators">It names protesters or demonstrators as such: a riot they are in is a violent demonstration.</param>
internal sealed record Telling(CodedEvent Event, int Sentence, int Paragraph, PlaceMention? OwnPlace, bool Placed, DateOnly? OwnDate, string? PartOfDay, bool MoreOfSomething, bool Verbal, bool Unsure, bool LaterToll, bool OverMany, bool Violent, bool Gunfire, bool Agentless, bool Demonstrators);

/// <summary>
/// An incident as the report tells it, sentence by sentence: the first telling's coding, refined by
/// the others (a day or a more specific place where the first had none, a more severe kind of
/// demonstration, ACLED's most conservative figure where sources differ).
/// </summary>
internal sealed class ToldIncident(Telling first)
{
    private bool _placed = first.Placed;

    /// <summary>The incident's coding so far.</summary>
    public CodedEvent Event { get; private set; } = first.Event;

    /// <summary>The paragraph of the latest telling.</summary>
    public int LastParagraph { get; private set; } = first.Paragraph;

    /// <summary>The part of the day some telling named for the incident, or null.</summary>
    public string? PartOfDay { get; private set; } = first.PartOfDay;

    /// <summary>Whether some telling named the incident's day.</summary>
    public bool Dated { get; private set; } = first.OwnDate is not null;

    /// <summary>The sentence of the first telling.</summary>
    public int FirstSentence { get; } = first.Sentence;

    /// <summary>Gives the incident the day another sentence names for it (<see cref="EventDating.FollowingDay"/>).</summary>
    public void DateBy(DateOnly day)
    {
        Event = Event with { Date = day, TimePrecision = AcledTimePrecision.Day };
        Dated = true;
    }

    /// <summary>Takes in one more telling of this incident.</summary>
    public void Absorb(Telling telling)
    {
        var told = telling.Event;
        LastParagraph = telling.Paragraph;
        PartOfDay ??= telling.PartOfDay;
        var e = Event with { Evidence = [.. Event.Evidence, .. told.Evidence] };
        if (!Dated && telling.OwnDate is { } day)
        {
            e = e with { Date = day, TimePrecision = told.TimePrecision };
            Dated = true;
        }
        if (telling.OwnPlace is { } place && (!_placed || e.Place is { } at && MoreSpecific(place, at) && IncidentGrouping.SamePlace(place, at)))
        {
            e = e with { Place = place, GeoPrecision = told.GeoPrecision };
            _placed = true;
        }
        if (telling.Violent && Severity(e) > 0 && Severity(told) > Severity(e) && (told.EventType != "Battles" || telling.Gunfire))
            e = e with
            {
                EventType = told.EventType, SubEventType = told.SubEventType, Plover = told.Plover,
                Actor1 = told.Actor1, Inter1 = told.Inter1, Actor2 = told.Actor2, Inter2 = told.Inter2,
            };
        // A riot that turns out to be demonstrators' ("The protesters burned tyres") is a violent demonstration, not mob violence (ACLED codebook).
        if (e.SubEventType == "Mob violence" && told.SubEventType == "Violent demonstration" && telling.Demonstrators)
            e = e with { SubEventType = told.SubEventType, Plover = told.Plover };
        // An explosion told first and its weapon named later ("two explosions ... the grenades"): the weapon decides the sub-type.
        if (e.EventType == told.EventType && e.EventType == "Explosions/Remote violence" && e.SubEventType == "Remote explosive/landmine/IED"
            && told.SubEventType != e.SubEventType)
            e = e with { SubEventType = told.SubEventType };
        if (!telling.OverMany)
        {
            if (Figure(e.FatalitiesText, e.Fatalities, told.FatalitiesText, told.Fatalities, telling.LaterToll) is var (deaths, deathsText) && deathsText != e.FatalitiesText)
                e = e with { Fatalities = deaths, FatalitiesText = deathsText, Source = told.Source ?? e.Source };
            if (Figure(e.InjuredText, e.Injured, told.InjuredText, told.Injured, telling.LaterToll) is var (injured, injuredText) && injuredText != e.InjuredText)
                e = e with { Injured = injured, InjuredText = injuredText };
        }
        Event = e;
    }

    /// <summary>
    /// ACLED's figure from two tellings: the only one given, the later one where it updates the
    /// earlier ("rose to"), else the most conservative.
    /// </summary>
    private static (int? Count, string? Text) Figure(string? text, int? count, string? newText, int? newCount, bool update)
    {
        if (newText is null) return (count, text);
        if (text is null) return (newCount, newText);
        bool takeNew = update ? (newCount ?? 0) > (count ?? 0) : (newCount ?? 0) < (count ?? 0);
        return takeNew ? (newCount, newText) : (count, text);
    }

    private static bool MoreSpecific(PlaceMention place, PlaceMention than) =>
        EventPlacement.Specificity(place) < EventPlacement.Specificity(than);

    /// <summary>How severe a demonstration is, in ACLED's order (peaceful, met by intervention, violent, met by lethal force, an armed clash); 0 for any other event.</summary>
    private static int Severity(CodedEvent e) => (e.EventType, e.SubEventType) switch
    {
        ("Protests", "Peaceful protest") => 1,
        ("Protests", "Protest with intervention") => 2,
        ("Riots", _) => 3,
        ("Protests", "Excessive force against protesters") => 4,
        // Demonstrators exchanging fire with forces are in an armed clash.
        ("Battles", "Armed clash") => 5,
        _ => 0,
    };
}
