using System.Globalization;
using Sitrep.Documents;
using Sitrep.Places;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Events;

/// <summary>
/// Codes the events a report describes, as an ACLED coder reads wire copy: the headline, the dateline
/// and quotations are not the story (<see cref="Text.WireLayout"/>); each other sentence that tells an
/// event (<see cref="EventDetection"/>) is typed (<see cref="EventTyping"/>), dated and placed where the
/// act happened (<see cref="EventDating"/>, <see cref="EventPlacement"/>, <see cref="StoryThread"/>),
/// given ACLED's actors and casualty figures (<see cref="ActorCoding"/>, <see cref="Casualties"/>), and
/// joins the incident it tells more of or starts one (<see cref="IncidentGrouping"/>): one event per
/// incident, with every sentence that tells it as evidence. A report about a disaster, an accident or
/// sport yields none.
/// </summary>
internal sealed class EventCoder(TextClassifier classifier, Gazetteer? gazetteer = null, ActorLexicon? actors = null, TriggerSenses? senses = null)
{
    private readonly EventTyping _typing = new(classifier);
    private readonly ActorCoding _actors = new(gazetteer, actors);

    /// <summary>The events of <paramref name="document"/> (all earlier layers required).</summary>
    public List<CodedEvent> Code(Document document)
    {
        var incidents = new List<ToldIncident>();
        var story = new StoryThread(document);
        var sentences = document.Sentences;
        var all = new List<(string Lower, string Original)>[sentences.Length];
        for (int s = 0; s < sentences.Length; s++) all[s] = Words(document, sentences[s]);
        // An explosion at a port, a collapse, a flood: news, but not political violence.
        if (EventDetection.IsDisasterReport(all) || EventDetection.IsSportsReport(all)) return [];
        var storyPlaces = EventPlacement.StoryPlaces(document);
        var focus = EventPlacement.Focus(document, storyPlaces);
        var paragraphs = ParagraphIndices(document);
        var dateline = WireLayout.Dateline(document);
        var headline = WireLayout.Headline(document);
        // Which sentences report an event is decided once: the figures after an event look it up too.
        var words = new List<(string Lower, string Original)>?[sentences.Length];
        // An everyday-sense event word ("the attack", "bodies") counts once the report has told an event.
        bool toldAnEvent = false;
        // "On Sept. 28, 2009, soldiers opened fire on a rally. A UN inquiry found that 156 people were killed.": what follows
        // a dated piece of background in its paragraph, with no day of its own, is more of it.
        int backgroundParagraph = -2;
        for (int s = 0; s < sentences.Length; s++)
        {
            // A headline retells the story's lead in fewer words, a quotation gives someone's words on it; the body is the evidence.
            if (headline is { } h && h.Contains(sentences[s].Range) || EventDetection.IsQuotation(document, sentences[s])) continue;
            if (paragraphs[s] == backgroundParagraph && !NamesADate(document, sentences[s])) continue;
            backgroundParagraph = -2;
            // Until the report has told an event, an event word with no actor named is read by its sense ("oil prices rallied");
            // after, it tells more of the story ("nine bodies had been recovered").
            var reported = EventDetection.Reported(all[s], toldAnEvent ? null : senses);
            if (reported == EventDetection.Reporting.None || reported == EventDetection.Reporting.WeakOnly && !toldAnEvent) continue;
            if (EventDetection.IsBackground(document, sentences[s], all[s]))
            {
                if (NamesAnOldDay(document, sentences[s])) backgroundParagraph = paragraphs[s];
                continue;
            }
            words[s] = all[s];
            toldAnEvent |= reported == EventDetection.Reporting.Event;
        }
        for (int s = 0; s < sentences.Length; s++)
        {
            if (words[s] is not { } sentenceWords) continue;
            var sentence = sentences[s];
            var actorWords = OutsideAttributions(document, sentence, sentenceWords);
            var deaths = Casualties.Find(document, sentence, EventCue.Death);
            var injuries = Casualties.Find(document, sentence, EventCue.Injury);
            // "protested over allegations that a commander in Chabahar had raped a girl": what is alleged is why they act, not what they do, nor where.
            var alleged = Alleged(document, sentence, sentenceWords);
            if (alleged is { } claim)
            {
                sentenceWords = Blanked(sentenceWords, claim.First, claim.End);
                actorWords = Blanked(actorWords, claim.First, claim.End);
            }
            var placesHere = alleged is { } said ? AllPlacesBut(storyPlaces, document, sentence, said) : storyPlaces;

            var label = _typing.Label(sentenceWords, actorWords);
            var (eventType, subType) = EventTaxonomy.Split(label.Label);
            deaths ??= FollowingFigure(document, s, EventCue.Death, paragraphs, words);
            injuries ??= FollowingFigure(document, s, EventCue.Injury, paragraphs, words);
            var told = EventPlacement.Told(document, s, sentenceWords, dateline);
            var (date, timePrecision) = story.Day(EventDating.When(document, s, told, dateline));
            var text = document.Slice(sentence.Range);
            bool moreOfSomething = IncidentGrouping.RefersBack(text) || IncidentGrouping.Reacts(actorWords) || IncidentGrouping.OnlyCounts(sentenceWords);
            // "Fires were started near Courtalain, at Croisilles and near Pagny-sur-Moselle": one incident at each town the act is told at.
            var firstPlace = EventPlacement.OwnPlace(document, told, placesHere, focus);
            foreach (var site in EventSites.Beside(document, told, placesHere, firstPlace).Prepend(firstPlace))
            {
                // Where someone went says nothing about which incident the sentence tells ("his wife was flown to Miami"), nor, in
                // more of an incident, where it happened ("the blast hit the train due to leave for Peshawar"); troops deployed are where they went.
                var ownPlace = site;
                bool wentThere = ownPlace is not null && EventPlacement.IsDestination(document, ownPlace);
                if (wentThere && moreOfSomething) ownPlace = null;
                var where = EventPlacement.Where(document, s, ownPlace, focus, paragraphs, storyPlaces);
                // A toll or a measure over many incidents ("the national toll", "a nationwide state of emergency") is the country's, not this incident's.
                bool overMany = IncidentGrouping.OverManyIncidents.IsMatch(text);
                var (place, geoPrecision) = story.Place(ownPlace, where, date, overMany);
                var country = place is null ? null : CountryNames.Of(place.Country);
                var (actor1, inter1, actor2, inter2) = _actors.ActorsOf(document, actorWords, eventType, subType, country, date.Year);
                var telling = new Telling(new CodedEvent
                {
                    EventType = eventType,
                    SubEventType = subType,
                    Plover = EventTaxonomy.Plover(eventType, subType),
                    Date = date,
                    TimePrecision = (AcledTimePrecision)timePrecision,
                    Place = place,
                    GeoPrecision = (AcledGeoPrecision)geoPrecision,
                    Actor1 = actor1,
                    Inter1 = inter1,
                    Actor2 = actor2,
                    Inter2 = inter2,
                    Fatalities = deaths?.Count ?? 0,
                    FatalitiesText = deaths?.Text,
                    Injured = injuries?.Count,
                    InjuredText = injuries?.Text,
                    Source = Source(document, sentence),
                    Evidence = [sentence.Range],
                    Confidence = Math.Round(1 / (1 + Math.Exp(-label.Margin / 4)) * (place?.Confidence ?? 0.5), 2),
                },
                    Sentence: s,
                    Paragraph: paragraphs[s],
                    OwnPlace: wentThere ? null : ownPlace,
                    Placed: where.Place is not null && !where.OnlyTheFocus,
                    OwnDate: timePrecision == 1 ? date : null,
                    PartOfDay: EventDating.PartOfDay(document, s, dateline),
                    MoreOfSomething: moreOfSomething,
                    Verbal: EventDetection.IsVerbalAct(actorWords),
                    Unsure: label.Learned && subType == "Other" && label.Margin < EventTyping.RuleMargin,
                    LaterToll: IncidentGrouping.UpdatesToll(text),
                    OverMany: overMany,
                    Violent: EventTyping.TellsViolence(sentenceWords),
                    Gunfire: EventTyping.TellsGunfire(sentenceWords),
                    Agentless: !actorWords.Exists(w => Actors.Of(w.Lower) is not null || (EventLexicon.Of(w.Lower) & EventCue.Agent) != 0),
                    Demonstrators: actorWords.Exists(w => w.Lower is "protesters" or "protestors" or "demonstrators"));
                IncidentGrouping.Add(incidents, telling);
            }
        }
        // "A former spy was found poisoned, police said. ... He was discovered on Sunday afternoon": the lead
        // often leaves the day to the sentences after it, which tell no event of their own.
        foreach (var incident in incidents)
            if (!incident.Dated && EventDating.FollowingDay(document, incident.FirstSentence, paragraphs, s => words[s] is null, dateline) is { } day)
                incident.DateBy(day);
        return incidents.ConvertAll(i =>
        {
            var e = AtCapitalOrSeat(WithoutTollsOfPeacefulDevelopments(i.Event));
            return e with { Notes = Note(e.Date ?? document.Date, e.Actor1, e.EventType, e.SubEventType, e.Place, e.Fatalities ?? 0) };
        });
    }

    /// <summary>
    /// An agreement, a base, a handover or a group's change kills nobody: a toll in its sentences is of the
    /// war behind it ("an accord to end a war that killed 220,000 people"), not the event's.
    /// </summary>
    private static CodedEvent WithoutTollsOfPeacefulDevelopments(CodedEvent e) =>
        e.EventType == "Strategic developments" && e.SubEventType is "Agreement" or "Headquarters or base established"
            or "Non-violent transfer of territory" or "Change to group/activity"
            ? e with { Fatalities = 0, FatalitiesText = null }
            : e;

    /// <summary>
    /// An event known only to its country is put at the capital's point, and one known only to a province or
    /// district at its seat, as ACLED's codebook codes them; the place stays the country or division the
    /// report names. (On the ACLED notes, seats rather than divisions' middles: place within 25 km 0.812 →
    /// 0.816 on the development rows, 0.747 → 0.752 on the training rows.)
    /// </summary>
    private CodedEvent AtCapitalOrSeat(CodedEvent e)
    {
        if (gazetteer is null || e.Place is not { } place || place.Country.Length != 2) return e;
        int point = place.Level switch
        {
            PlaceLevel.Country => gazetteer.Capital(CountryCodes.Pack(place.Country)),
            PlaceLevel.Admin1 or PlaceLevel.Admin2 => DivisionOf(place) is var d and >= 0 ? gazetteer.SeatOf(d) : -1,
            _ => -1,
        };
        return point < 0 ? e : e with { Place = place with { Latitude = Math.Round(gazetteer.Latitude(point), 5), Longitude = Math.Round(gazetteer.Longitude(point), 5) } };
    }

    // The gazetteer's entry of a division mention: its name at its level in its country, at its point.
    private int DivisionOf(PlaceMention place)
    {
        Span<char> key = stackalloc char[PlaceNames.MaxKeyLength];
        foreach (var posting in gazetteer!.Names.Find(key[..PlaceNames.Key(place.Name, key)]))
        {
            int e = posting & NameIndex.EntryMask;
            if (gazetteer.Level(e) == place.Level && gazetteer.Country(e) == place.Country
                && Math.Abs(gazetteer.Latitude(e) - place.Latitude) < 0.01 && Math.Abs(gazetteer.Longitude(e) - place.Longitude) < 0.01) return e;
        }
        return -1;
    }

    // The words of a clause that says what is alleged, claimed or rumoured ("allegations that ...", "rumours that ..."), up to the next comma.
    private static (int First, int End)? Alleged(Document document, Sentence sentence, List<(string Lower, string Original)> words)
    {
        for (int i = 1; i + 1 < words.Count; i++)
        {
            if (words[i].Lower != "that" || words[i - 1].Lower is not ("allegations" or "accusations" or "claims" or "rumours" or "rumors")) continue;
            int end = i + 1;
            while (end < words.Count && words[end].Lower is not ("," or ";")) end++;
            return (i + 1, end);
        }
        return null;
    }

    private static List<(string Lower, string Original)> Blanked(List<(string Lower, string Original)> words, int first, int end)
    {
        var blanked = new List<(string Lower, string Original)>(words);
        for (int k = first; k < end; k++) blanked[k] = ("", "");
        return blanked;
    }

    // The story's places without those in the given words of the sentence.
    private static List<PlaceMention> AllPlacesBut(List<PlaceMention> places, Document document, Sentence sentence, (int First, int End) words)
    {
        var range = new TextRange(document.Tokens[sentence.FirstToken + words.First].Start, document.Tokens[sentence.FirstToken + words.End - 1].End);
        return places.FindAll(p => !range.Contains(p.Range));
    }

    /// <summary>The sentence's words with those inside a credited source blanked: "a police officer at the scene said" names a source, not an actor.</summary>
    private static List<(string Lower, string Original)> OutsideAttributions(Document document, Sentence sentence, List<(string Lower, string Original)> words)
    {
        List<(string, string)>? blanked = null;
        foreach (var a in document.Attributions)
        {
            if (!sentence.Range.Contains(a.Range)) continue;
            blanked ??= [.. words];
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
                if (a.Range.Contains(document.Tokens[t].Range)) blanked[t - sentence.FirstToken] = ("", "");
        }
        return blanked ?? words;
    }

    private static List<(string Lower, string Original)> Words(Document document, Sentence sentence)
    {
        var words = new List<(string, string)>(sentence.TokenCount);
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            var text = document.TextOf(document.Tokens[t].Range);
            words.Add((text.ToLowerInvariant(), text));
        }
        return words;
    }

    /// <summary>A figure in the sentences after <paramref name="s"/> in its paragraph that report no event of their own ("1 fatality.").</summary>
    private static (int Count, string Text)? FollowingFigure(Document document, int s, EventCue kind, int[] paragraphs,
        List<(string Lower, string Original)>?[] eventWords)
    {
        var sentences = document.Sentences;
        for (int next = s + 1; next < sentences.Length && paragraphs[next] == paragraphs[s]; next++)
        {
            if (eventWords[next] is not null) break;
            if (Casualties.Find(document, sentences[next], kind) is { } figure) return figure;
        }
        return null;
    }

    /// <summary>The source credited for the sentence, else the report's outlet.</summary>
    private static string? Source(Document document, Sentence sentence) =>
        document.Attributions.FirstOrDefault(a => a.Claim.Start < sentence.Range.End && sentence.Range.Start < a.Claim.End)?.Source ?? document.Source;

    // A day of its own well before the report ("On Sept. 28, 2009"), not only an old year or month.
    private static bool NamesAnOldDay(Document document, Sentence sentence)
    {
        foreach (var t in document.Times)
            if (sentence.Range.Contains(t.Range) && t.Value.TryGetDay(out var day) && day < document.Date.AddDays(-EventDetection.NewsWindowDays)) return true;
        return false;
    }

    private static bool NamesADate(Document document, Sentence sentence)
    {
        foreach (var t in document.Times)
            if (sentence.Range.Contains(t.Range) && t.Type == TimexType.Date) return true;
        return false;
    }

    /// <summary>Each sentence's paragraph index (-1 outside any), in one pass: both are in text order.</summary>
    private static int[] ParagraphIndices(Document document)
    {
        var sentences = document.Sentences;
        var paragraphs = document.Paragraphs;
        var indices = new int[sentences.Length];
        int p = 0;
        for (int s = 0; s < sentences.Length; s++)
        {
            while (p < paragraphs.Length && paragraphs[p].End < sentences[s].Range.End) p++;
            indices[s] = p < paragraphs.Length && paragraphs[p].Contains(sentences[s].Range) ? p : -1;
        }
        return indices;
    }

    private static string Note(DateOnly date, string? actor, string eventType, string subType, PlaceMention? place, int fatalities)
    {
        var where = place is null ? "" : place.Admin1 is { } admin1 && admin1 != place.Name ? $" in {place.Name} ({admin1})" : $" in {place.Name}";
        var what = $"{eventType.ToLowerInvariant()} ({subType.ToLowerInvariant()})";
        var deaths = fatalities == 0 ? "" : fatalities == 1 ? " One fatality reported." : $" {fatalities} fatalities reported.";
        return $"On {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, {actor ?? "unidentified actors"}: {what}{where}.{deaths}";
    }

}
