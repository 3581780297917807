using Sitrep.Documents;
using Sitrep.Places;

namespace Sitrep.Events;

/// <summary>Which sentences tell one incident: the same day and place, a compatible kind of event, a reference back, a toll, what followed.</summary>
internal static class IncidentGrouping
{
    /// <summary>
    /// Adds one sentence's event to the incidents told so far: it joins the latest incident it can be
    /// part of (no other day, no other place, a compatible kind of event), else it starts one. The same
    /// kind of incident in two towns, or on two days, is two incidents; a sentence that only tells more
    /// (a toll, a reaction, what followed) with no day or place of its own is more of the last one.
    /// </summary>
    internal static void Add(List<ToldIncident> incidents, Telling telling)
    {
        for (int k = incidents.Count - 1; k >= 0; k--)
        {
            if (!CanJoin(incidents[k], telling)) continue;
            incidents[k].Absorb(telling);
            return;
        }
        // "His wife was flown to Miami after the attack": a reference back belongs to the incident it refers to, wherever it names.
        if (telling.MoreOfSomething && telling.OwnPlace is null && telling.OwnDate is null
            && incidents.FindLastIndex(i => EventTaxonomy.DisorderType(i.Event.EventType) != "Strategic developments") is int last and >= 0)
        {
            incidents[last].Absorb(telling);
            return;
        }
        if (StartsAnIncident(telling, first: incidents.Count == 0)) incidents.Add(new ToldIncident(telling));
    }

    /// <summary>
    /// Whether a sentence that joins nothing tells an incident of its own. A verbal act never does. A
    /// reference back or a reaction with nothing to join presupposes an incident the report does not
    /// tell ("the judge ruled that he had failed to stop the killings"): it starts one only with a day or
    /// a town of its own ("the toll from Friday's attack in Maiduguri rose to 19"). Any other needs a
    /// place (its own or its paragraph's) or a day of its own, or to be the story's first: without them
    /// it is comment or background ("units were being deployed to restore order"). Nor does a later sentence
    /// that only the classifier, unsure, calls "Other": the residual kind is where comment lands.
    /// </summary>
    private static bool StartsAnIncident(Telling telling, bool first) =>
        !telling.Verbal && (first || !telling.Unsure) && (telling.MoreOfSomething
            ? telling.OwnDate is not null || telling.OwnPlace is { Level: not PlaceLevel.Country }
            : first || telling.Placed || telling.OwnDate is not null);

    private static bool CanJoin(ToldIncident incident, Telling telling)
    {
        var e = incident.Event;
        bool sameParagraph = telling.Paragraph == incident.LastParagraph;
        // An undated incident is the report's day: another day named in another paragraph is another
        // incident, unless it is the same kind of event told again or a reference back to it ("the
        // labourers were harvesting paddy on Saturday when ..."); then the day is the incident's.
        if (telling.OwnDate is { } day && day != e.Date
            && (incident.Dated || !sameParagraph && !telling.MoreOfSomething
                && (telling.Event.EventType != e.EventType || telling.Event.SubEventType != e.SubEventType))) return false;
        // The night and the morning of one day are two moments, and two incidents; the evening runs into the night.
        if (telling.PartOfDay is { } part && incident.PartOfDay is { } partTold && part != partTold && !(part is "EV" or "NI" && partTold is "EV" or "NI")) return false;
        // A town or division elsewhere is elsewhere. A country says nothing about which of its towns in the
        // paragraph that named the town; a paragraph that names only the country tells of the country at large.
        if (telling.OwnPlace is { } place && e.Place is { } at
            && (place.Level != PlaceLevel.Country ? !SamePlace(place, at) : !sameParagraph && at.Level != PlaceLevel.Country)) return false;
        // Told in another paragraph, the sentence's place is that paragraph's.
        if (!sameParagraph && telling.OwnPlace is null && telling.Event.Place is { Level: not PlaceLevel.Country } inherited && e.Place is { } where && !SamePlace(inherited, where)) return false;
        string family = EventTaxonomy.DisorderType(telling.Event.EventType), incidentFamily = EventTaxonomy.DisorderType(e.EventType);
        if (telling.MoreOfSomething) return family == incidentFamily || incidentFamily != "Strategic developments";
        // What followed, told in the same paragraph with no day or place of its own ("windows were shattered"), is more of the violence
        // or the demonstration, and with no one named who acts, more of whatever the paragraph told ("a single fire cut traffic").
        if (sameParagraph && telling.OwnPlace is null && telling.OwnDate is null
            && (family != "Strategic developments" && incidentFamily != "Strategic developments" || telling.Agentless))
            return true;
        // More of the same kind of event in the paragraph that tells it; elsewhere in the report, the same
        // sub-type at that place and day, or the same kind of event at the same town named again.
        return family == incidentFamily && (sameParagraph
            || telling.Event.EventType == e.EventType && telling.Event.SubEventType == e.SubEventType && e.SubEventType != "Other"
            || telling.OwnPlace is { Level: not PlaceLevel.Country } town && e.Place is { } there && SamePlace(town, there));
    }

    /// <summary>One place for an incident: within 25 km, or one of them a division or country that holds the other.</summary>
    internal static bool SamePlace(PlaceMention a, PlaceMention b) =>
        a.Name == b.Name && a.Country == b.Country || Geo.DistanceKm(a.Latitude, a.Longitude, b.Latitude, b.Longitude) <= SamePlaceKm
        || EventPlacement.Holds(a, b) || EventPlacement.Holds(b, a);

    private const double SamePlaceKm = 25;

    internal static readonly System.Text.RegularExpressions.Regex BackReference = new(
        @"\bthe (?:first |second |third |twin |double |deadly |latest )?(?:attacks?|blasts?|explosions?|bombings?|killings?|shootings?|assaults?|raids?|ambush|massacre|violence|deaths|attackers?|assailants?|gunm[ae]n|bombers?|kidnappers|abductors|raiders"
            // The weapon told before: "the grenade was aimed at a bunker", "the projectile struck a farm".
            + @"|grenade|explosive device|projectile)\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    internal static bool RefersBack(ReadOnlySpan<char> sentence) => BackReference.IsMatch(sentence) || NamedVictimsFate.IsMatch(sentence);

    // "Fyssas's killing", "Khashoggi's murder": a victim's fate named as something known.
    private static readonly System.Text.RegularExpressions.Regex NamedVictimsFate = new(
        @"\b[A-Z][\w-]*(?:'s|’s|') (?:killing|murder|assassination|abduction|kidnapping|lynching)\b",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly System.Text.RegularExpressions.Regex TollUpdate = new(
        @"\b(?:rose|risen|climbed|reached|jumped|later|now stands|updated|revised)\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Whether a sentence's figures update earlier ones ("the toll rose to 13", "officials later said nine bodies").</summary>
    internal static bool UpdatesToll(ReadOnlySpan<char> sentence) => TollUpdate.IsMatch(sentence);

    internal static readonly System.Text.RegularExpressions.Regex OverManyIncidents = new(
        @"\b(?:nationwide|national|across the country|countrywide|from (?:a|the) (?:week|month|year)s? of|(?:after|during|over) (?:nearly |almost |more than |about )?(?:two|three|four|five|six|several|many|\d+) (?:week|month|year)s of|since the (?:clashes|protests|unrest|fighting|violence|strike|war) (?:began|started))\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    // Statements about an incident, not incidents: blame, denial, condemnation, claims of responsibility.
    internal static bool Reacts(List<(string Lower, string Original)> words) =>
        words.Exists(w => w.Lower is "blamed" or "blames" or "denied" or "denies" or "condemned" or "condemns" or "accused" or "called"
            or "vowed" or "claimed" or "carried" or "mourning" or "funerals" or "funeral" or "deepens" or "treatment"
            or "urged" or "urges" or "warned" or "warns" or "appealed" or "ruled" or "sentenced" or "convicted" or "acquitted");

    // Every event word of the sentence only counts casualties ("killed", "dead", "toll", "wounded").
    internal static bool OnlyCounts(List<(string Lower, string Original)> words)
    {
        bool any = false;
        foreach (var (lower, _) in words)
        {
            var cue = EventLexicon.Of(lower);
            if ((cue & EventCue.Trigger) == 0) continue;
            if ((cue & (EventCue.Death | EventCue.Injury)) == 0) return false;
            any = true;
        }
        return any;
    }
}
