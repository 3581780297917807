using Sitrep.Documents;

namespace Sitrep.Events;

/// <summary>Which sentences tell one incident: a reference back, a toll, what followed; neighbours with the same type, place and date merge.</summary>
internal static class IncidentGrouping
{
    /// <summary>
    /// The index of the event the sentence says more about: the last one, or for a reference back
    /// ("the killing") after a development (a state of siege), the last violent one before it.
    /// </summary>
    internal static int? Told(Document document, int s, List<(string Lower, string Original)> actorWords, string eventType,
        List<(CodedEvent Event, int Paragraph)> found, int paragraph)
    {
        if (found.Count == 0) return null;
        if (TellsOfPrevious(document, s, actorWords, eventType, found[^1].Event, paragraph == found[^1].Paragraph)) return found.Count - 1;
        if (found[^1].Event.EventType != "Strategic developments" || !RefersBack(document.Slice(document.Sentences[s].Range))) return null;
        int k = found.FindLastIndex(f => f.Event.EventType != "Strategic developments");
        return k >= 0 && TellsOfPrevious(document, s, actorWords, eventType, found[k].Event, false) ? k : null;
    }

    /// <summary>
    /// True when the sentence says more about the event before it rather than telling a new one: it
    /// refers back to it ("the attack", "the second blast") with an event of the same disorder type or
    /// none of its own, or, in the same paragraph, it names no actor of its own and only counts the
    /// dead and wounded ("79 bodies had been recovered") or tells what followed ("windows were shattered").
    /// </summary>
    internal static bool TellsOfPrevious(Document document, int s, List<(string Lower, string Original)> actorWords, string eventType, CodedEvent previous, bool sameParagraph)
    {
        if (previous.EventType == "Strategic developments") return false;
        var sentence = document.Sentences[s];
        // A sentence placed elsewhere tells of another incident ("in Almaty, 13 officers were killed");
        // a destination ("flown to Miami") is not where anything happened.
        var ownPlaces = document.Places.Where(p => sentence.Range.Contains(p.Range) && p.Level is not ("country" or "region") && EventPlacement.Role(document, p) == 0).ToList();
        if (ownPlaces.Count > 0 && !ownPlaces.Exists(p => p.Name == previous.Place?.Name)) return false;
        bool sameFamily = EventTaxonomy.DisorderType(eventType) == EventTaxonomy.DisorderType(previous.EventType);
        bool namesActor = actorWords.Exists(w => Actors.Of(w.Lower) is not null);
        if (RefersBack(document.Slice(sentence.Range)) && (sameFamily || !namesActor || Reacts(actorWords))) return true;
        if (OnlyCounts(actorWords)) return true;
        // What followed, told in passive voice in the same paragraph: "windows were shattered".
        bool ownDate = document.Times.Any(t => sentence.Range.Contains(t.Range));
        return sameParagraph && !namesActor && ownPlaces.Count == 0 && !ownDate && EventTaxonomy.DisorderType(previous.EventType) == "Political violence"
            && eventType != "Strategic developments";
    }

    internal static readonly System.Text.RegularExpressions.Regex BackReference = new(
        @"\bthe (?:first |second |third |twin |double |deadly |latest )?(?:attacks?|blasts?|explosions?|bombings?|killings?|shootings?|assault|raid|ambush|massacre|attackers|violence|deaths)\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    internal static bool RefersBack(ReadOnlySpan<char> sentence) => BackReference.IsMatch(sentence);

    internal static readonly System.Text.RegularExpressions.Regex OverManyIncidents = new(
        @"\b(?:nationwide|national|across the country|countrywide|from (?:a|the) (?:week|month|year)s? of|since the (?:clashes|protests|unrest|fighting|violence|strike|war) (?:began|started))\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    // Statements about an incident, not incidents: blame, denial, condemnation, claims of responsibility.
    internal static bool Reacts(List<(string Lower, string Original)> words) =>
        words.Exists(w => w.Lower is "blamed" or "blames" or "denied" or "denies" or "condemned" or "condemns" or "accused" or "called"
            or "vowed" or "claimed" or "carried" or "mourning" or "funerals" or "funeral" or "deepens" or "treatment");

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

    /// <summary>
    /// The event with one more evidence sentence, and its figures where they are fuller (a toll that
    /// rose within the report), credited to whoever the sentence credits for them.
    /// </summary>
    internal static CodedEvent Attach(CodedEvent e, Sentence sentence, (int Count, string Text)? deaths, (int Count, string Text)? injuries, string? source)
    {
        bool newDeaths = deaths is { } d && (e.FatalitiesText is null || d.Count > (e.Fatalities ?? 0));
        bool newInjuries = injuries is { } i && (e.InjuredText is null || i.Count > (e.Injured ?? 0));
        return e with
        {
            Evidence = [.. e.Evidence, sentence.Range],
            Fatalities = newDeaths ? deaths!.Value.Count : e.Fatalities,
            FatalitiesText = newDeaths ? deaths!.Value.Text : e.FatalitiesText,
            Injured = newInjuries ? injuries!.Value.Count : e.Injured,
            InjuredText = newInjuries ? injuries!.Value.Text : e.InjuredText,
            Source = newDeaths || newInjuries ? source ?? e.Source : e.Source,
        };
    }

    /// <summary>Merges neighbouring events of one paragraph that share type, place and date.</summary>
    internal static List<CodedEvent> Merge(List<(CodedEvent Event, int Paragraph)> found)
    {
        var merged = new List<CodedEvent>();
        int lastParagraph = -2;
        foreach (var (e, paragraph) in found)
        {
            if (merged.Count > 0 && paragraph == lastParagraph && merged[^1] is var previous
                && previous.EventType == e.EventType && previous.SubEventType == e.SubEventType && previous.Date == e.Date
                && previous.Place?.Name == e.Place?.Name)
            {
                merged[^1] = previous with
                {
                    Evidence = [.. previous.Evidence, .. e.Evidence],
                    Fatalities = Math.Max(previous.Fatalities ?? 0, e.Fatalities ?? 0),
                    FatalitiesText = previous.FatalitiesText ?? e.FatalitiesText,
                    Injured = previous.Injured ?? e.Injured,
                    InjuredText = previous.InjuredText ?? e.InjuredText,
                };
                continue;
            }
            merged.Add(e);
            lastParagraph = paragraph;
        }
        return merged;
    }
}
