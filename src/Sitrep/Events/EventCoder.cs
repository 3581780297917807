using System.Globalization;
using Sitrep.Documents;
using Sitrep.Places;
using Sitrep.Time;

namespace Sitrep.Events;

/// <summary>
/// Codes the events a report describes, sentence by sentence: a sentence with an event word (and no
/// future, plan or membership reading, and not background from over a month before) is typed by the
/// trained classifier and the coding rules, placed (its own place, else its paragraph's, else the
/// report's focus), dated (its own time, else the report date at lower precision), given actors and
/// ACLED-coded casualties. A sentence that tells more of an incident already told (a toll, what
/// followed, a reference back to "the attack") joins it as evidence, and neighbouring sentences
/// about the same incident merge into one event. A report about a disaster or accident yields none.
/// </summary>
public sealed class EventCoder(TextClassifier classifier, Gazetteer? gazetteer = null)
{
    /// <summary>The events of <paramref name="document"/> (all earlier layers required).</summary>
    public List<CodedEvent> Code(Document document)
    {
        var found = new List<(CodedEvent Event, int Paragraph)>();
        var sentences = document.Sentences;
        var all = new List<(string Lower, string Original)>[sentences.Length];
        for (int s = 0; s < sentences.Length; s++) all[s] = Words(document, sentences[s]);
        // An explosion at a port, a collapse, a flood: news, but not political violence.
        if (IsDisasterReport(all) || IsSportsReport(all)) return [];
        var focus = Focus(document);
        var paragraphs = ParagraphIndices(document);
        // Which sentences report an event is decided once: the figures after an event look it up too.
        var words = new List<(string Lower, string Original)>?[sentences.Length];
        // An everyday-sense event word ("the attack", "bodies") counts once the report has told an event.
        bool toldAnEvent = false;
        for (int s = 0; s < sentences.Length; s++)
        {
            var reported = Reported(all[s]);
            if (reported == Reporting.None || reported == Reporting.WeakOnly && !toldAnEvent || IsBackground(document, sentences[s], all[s])) continue;
            words[s] = all[s];
            toldAnEvent |= reported == Reporting.Event;
        }
        for (int s = 0; s < sentences.Length; s++)
        {
            if (words[s] is not { } sentenceWords) continue;
            var sentence = sentences[s];
            var actorWords = OutsideAttributions(document, sentence, sentenceWords);
            var deaths = Casualties.Find(document, sentence, EventCue.Death);
            var injuries = Casualties.Find(document, sentence, EventCue.Injury);

            var label = Label(sentenceWords);
            var (eventType, subType) = EventTaxonomy.Split(label.Label);
            // A toll, an aftermath, a reaction to "the attack": more about the incident already told, not another.
            if (Told(document, s, actorWords, eventType, found, paragraphs[s]) is int k)
            {
                // A toll over many incidents ("the national toll", "from a week of unrest") is not this incident's.
                bool overMany = OverManyIncidents.IsMatch(document.Slice(sentence.Range));
                // The incident's telling goes on in this paragraph: what follows here may join it too.
                found[k] = (Attach(found[k].Event, sentence, overMany ? null : deaths, overMany ? null : injuries, Source(document, sentence)), paragraphs[s]);
                continue;
            }
            deaths ??= FollowingFigure(document, s, EventCue.Death, paragraphs, words);
            injuries ??= FollowingFigure(document, s, EventCue.Injury, paragraphs, words);
            var (place, geoPrecision) = Where(document, s, focus, paragraphs);
            var (date, timePrecision) = When(document, s);
            var country = place is null ? null : CountryNames.Of(place.Country);
            var (actor1, inter1, actor2, inter2) = ActorsOf(document, actorWords, eventType, subType, country);
            found.Add((new CodedEvent
            {
                EventType = eventType,
                SubEventType = subType,
                Plover = EventTaxonomy.Plover(eventType, subType),
                Date = date,
                TimePrecision = timePrecision,
                Place = place,
                GeoPrecision = geoPrecision,
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
                Notes = Note(date, actor1, eventType, subType, place, deaths?.Count ?? 0),
            }, paragraphs[s]));
        }
        return Merge(found);
    }

    /// <summary>
    /// The index of the event the sentence says more about: the last one, or for a reference back
    /// ("the killing") after a development (a state of siege), the last violent one before it.
    /// </summary>
    private static int? Told(Document document, int s, List<(string Lower, string Original)> actorWords, string eventType,
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
    private static bool TellsOfPrevious(Document document, int s, List<(string Lower, string Original)> actorWords, string eventType, CodedEvent previous, bool sameParagraph)
    {
        if (previous.EventType == "Strategic developments") return false;
        var sentence = document.Sentences[s];
        // A sentence placed elsewhere tells of another incident ("in Almaty, 13 officers were killed");
        // a destination ("flown to Miami") is not where anything happened.
        var ownPlaces = document.Places.Where(p => sentence.Range.Contains(p.Range) && p.Level is not ("country" or "region") && Role(document, p) == 0).ToList();
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

    private static readonly System.Text.RegularExpressions.Regex BackReference = new(
        @"\bthe (?:first |second |third |twin |double |deadly |latest )?(?:attacks?|blasts?|explosions?|bombings?|killings?|shootings?|assault|raid|ambush|massacre|attackers|violence|deaths)\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static bool RefersBack(ReadOnlySpan<char> sentence) => BackReference.IsMatch(sentence);

    private static readonly System.Text.RegularExpressions.Regex OverManyIncidents = new(
        @"\b(?:nationwide|national|across the country|countrywide|from (?:a|the) (?:week|month|year)s? of|since the (?:clashes|protests|unrest|fighting|violence|strike|war) (?:began|started))\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    // Statements about an incident, not incidents: blame, denial, condemnation, claims of responsibility.
    private static bool Reacts(List<(string Lower, string Original)> words) =>
        words.Exists(w => w.Lower is "blamed" or "blames" or "denied" or "denies" or "condemned" or "condemns" or "accused" or "called"
            or "vowed" or "claimed" or "carried" or "mourning" or "funerals" or "funeral" or "deepens" or "treatment");

    // Every event word of the sentence only counts casualties ("killed", "dead", "toll", "wounded").
    private static bool OnlyCounts(List<(string Lower, string Original)> words)
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
    private static CodedEvent Attach(CodedEvent e, Sentence sentence, (int Count, string Text)? deaths, (int Count, string Text)? injuries, string? source)
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

    /// <summary>
    /// True when the sentence is background, not news of the day: dated more than a month before
    /// the report ("a truck bomb in October 2017"), or habitual ("has carried out frequent attacks",
    /// "over the past year").
    /// </summary>
    private static bool IsBackground(Document document, Sentence sentence, List<(string Lower, string Original)> words)
    {
        var cutoff = document.Date.AddDays(-31);
        bool opensWithRecentDate = false;
        foreach (var t in document.Times)
        {
            if (!sentence.Range.Contains(t.Range) || PeriodEnd(t.Value) is not { } end) continue;
            // "On 30 April 2020, workers who passed the test in 2019 protested": the sentence's own day says when.
            if (end >= cutoff && document.Slice(new TextRange(sentence.Range.Start, t.Range.Start)).Trim() is "On" or "on" or "" or "Around" or "As reported on")
                opensWithRecentDate = true;
            else if (end < cutoff && !opensWithRecentDate) return true;
        }
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Lower;
            if (w is "frequent" or "frequently" or "regularly" or "repeatedly" or "routinely" or "often") return true;
            if (w == "past" && i + 1 < words.Count && words[i + 1].Lower is "year" or "years" or "months" or "decade") return true;
        }
        return false;
    }

    // The last day of a TIMEX3 date value ("2017-10" → 31 October 2017), or null for other values.
    private static DateOnly? PeriodEnd(string value)
    {
        if (value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1000) return null;
        if (IsoDate.TryParseDay(value, out var day)) return day;
        if (value.Length >= 7 && value[4] == '-' && int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int month) && month is >= 1 and <= 12)
            return new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return value.Length == 4 ? new DateOnly(year, 12, 31) : null;
    }

    /// <summary>
    /// True when the report's deaths, injuries or explosions come with a disaster or an accident (an
    /// explosion of stored chemicals, a collapse, a flood) and the report names no armed group and no
    /// crowd, and tells of no attack or gathering. ACLED codes none of it. A pandemic is context, not
    /// the event: "coronavirus outbreak" does not make a protest report a disaster report.
    /// </summary>
    private static bool IsDisasterReport(List<(string Lower, string Original)>[] sentences)
    {
        bool disaster = false;
        foreach (var words in sentences)
        {
            bool cause = false, harm = false;
            foreach (var (lower, _) in words)
            {
                var cue = EventLexicon.Of(lower);
                if ((cue & EventCue.Disaster) != 0 && lower is not ("epidemic" or "outbreak")) cause = true;
                if ((cue & (EventCue.Death | EventCue.Injury)) != 0 || lower is "explosion" or "blast" or "destroyed") harm = true;
                if (Actors.Of(lower) is ActorKind.ArmedGroup or ActorKind.Rioters or ActorKind.Protesters || PerpetratorWords.Contains(EventFeatures.Stem(lower)))
                    return false;
            }
            disaster |= cause && harm;
        }
        return disaster;
    }

    /// <summary>
    /// A report on sport ("the Red Sox rally", "an Old Firm clash", "shot his way to silver"): two or more
    /// words of sport and no armed side, police, rioters or protest, which fans fighting police or players protesting would have.
    /// </summary>
    private static bool IsSportsReport(List<(string Lower, string Original)>[] sentences)
    {
        // Words of sport first: most reports have none, and looking up actors stems every word.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var words in sentences)
            foreach (var (lower, _) in words)
                if (SportsWords.Contains(lower)) seen.Add(lower);
        if (seen.Count < 2) return false;
        foreach (var words in sentences)
            foreach (var (lower, _) in words)
                // A rally in sport is a comeback, not a protest.
                if (Actors.Of(lower) is ActorKind.Military or ActorKind.Police or ActorKind.ArmedGroup or ActorKind.Rioters
                    || lower.StartsWith("protest", StringComparison.Ordinal) || lower.StartsWith("demonstrat", StringComparison.Ordinal)) return false;
        return true;
    }

    private static readonly HashSet<string> SportsWords = new(StringComparer.Ordinal)
    {
        "olympic", "olympics", "medal", "medals", "championship", "championships", "tournament", "league", "season", "coach",
        "game", "games", "match", "matches", "cup", "goal", "goals", "scored", "innings", "wicket", "wickets", "homer", "homers",
        "homered", "inning", "pitcher", "pitchers", "quarterback", "touchdown", "rebounds", "basketball", "football", "soccer",
        "baseball", "tennis", "golf", "cricket", "rugby", "hockey", "boxing", "wrestling", "athletics", "cycling", "swimming",
        "gymnastics", "nba", "nfl", "uefa", "fifa", "playoff", "playoffs", "semi-final", "semifinal", "quarter-final",
        "quarterfinal", "striker", "midfielder", "goalkeeper", "marathon", "sprinter", "champion", "champions",
    };

    // Stems (EventFeatures.Stem) of attacks and gatherings.
    private static readonly HashSet<string> PerpetratorWords = new(
        ["attack", "shell", "airstrike", "ambush", "bomb", "storm", "gunfire", "shot", "demonstration", "demonstrat", "march", "rally",
         "sit-in", "strike", "riot", "loot", "clash", "fight", "protest"],
        StringComparer.Ordinal);

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

    private const double RuleMargin = 10; // held-out ACLED: rules always 0.835 type / 0.751 sub; never 0.854 / 0.825; under this margin 0.876 / 0.847
    private const int UnrealReach = 3; // "will send", "plans to attack", "could soon be deployed"

    // "Demonstrated a new processor", "demonstrating how it works": showing something, not a protest.
    private static bool ShowsSomething(List<(string Lower, string Original)> words, int i) =>
        words[i].Lower.StartsWith("demonstrat", StringComparison.Ordinal) && i + 1 < words.Count
        && words[i + 1].Lower is "a" or "an" or "the" or "its" or "their" or "his" or "her" or "how" or "that" or "what";

    /// <summary>What a sentence's event words say: nothing, only words with an everyday sense too, or an event.</summary>
    private enum Reporting { None, WeakOnly, Event }

    /// <summary>
    /// An event when the sentence has an event word that is not under a future, plan or possibility
    /// ("Belarus will send peacekeepers"), is not a statement of membership ("the CSTO includes
    /// Russia"), and is not about a disaster or accident without an armed actor; a word with an everyday
    /// sense too ("rallied", "fired", "attack") needs someone named who acts in events ("workers", "police").
    /// </summary>
    private static Reporting Reported(List<(string Lower, string Original)> words)
    {
        bool real = false, weak = false, disaster = false, armed = false, agent = false;
        int lastUnreal = -UnrealReach - 1;
        for (int i = 0; i < words.Count; i++)
        {
            var cue = EventLexicon.Of(words[i].Lower);
            if ((cue & EventCue.Membership) != 0) return Reporting.None;
            disaster |= (cue & EventCue.Disaster) != 0;
            var actor = Actors.Of(words[i].Lower);
            armed |= actor is not null and not ActorKind.Civilians;
            // A rally names its own people only as a protest: "stocks rally" does not.
            agent |= actor is not null && (cue & EventCue.Weak) == 0 || (cue & EventCue.Agent) != 0;
            // "May" and "Will" in capitals are a month and a name, not a modal.
            if ((cue & EventCue.Unreal) != 0 && char.IsLower(words[i].Original[0])) lastUnreal = i;
            else if ((cue & EventCue.Trigger) != 0 && i - lastUnreal > UnrealReach && !ShowsSomething(words, i))
            {
                if ((cue & EventCue.Weak) != 0) weak = true;
                else real = true;
            }
        }
        // An earthquake or a crash that killed people is news, not political violence.
        if (disaster && !armed) return Reporting.None;
        // "Stocks rallied", "the coach was fired": an everyday sense, unless someone who acts in events is named.
        return real || weak && agent ? Reporting.Event : weak ? Reporting.WeakOnly : Reporting.None;
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

    /// <summary>The classifier's label, unless a coding rule decides.</summary>
    private (string Label, double Margin) Label(List<(string Lower, string Original)> words)
    {
        var stems = words.Select(w => EventFeatures.Stem(w.Lower)).ToHashSet(StringComparer.Ordinal);
        var predicted = classifier.Predict(EventFeatures.Of(words.Select(w => w.Original)));
        bool protest = stems.Overlaps(["protester", "protestor", "demonstrator", "protest"]);
        bool lethal = stems.Overlaps(["kill", "killed", "shot", "dead", "eliminat"]);
        bool stateForce = stems.Overlaps(["police", "security", "military", "troop", "soldier", "army"]);
        // Lethal force on protesters is excessive force, whatever else the sentence says.
        if (protest && lethal && stateForce && !stems.Overlaps(["riot", "rioter", "bandit", "attacker", "armed"]))
            return ("Protests/Excessive force against protesters", predicted.Margin);
        // Where violence is also reported, the violence is the event (ACLED codes the clash, not the arrests after it).
        var ruleStems = EventLexicon.RuleStemsIn(stems);
        bool violent = ruleStems.Overlaps(EventLexicon.ViolentStems);
        bool crowd = stems.Overlaps(["protester", "protestor", "demonstrator", "rioter", "riot", "mob"]);
        foreach (var (stemsOfRule, ruleLabel, strength) in EventLexicon.Rules)
        {
            // The weaker rules speak where the classifier, trained on analysts' notes, is unsure (wire
            // text is not its domain); a crowd's petrol bombs and stones stay the crowd's event.
            bool applies = strength switch
            {
                RuleStrength.Decisive => !crowd,
                RuleStrength.UnlessViolent => !violent || predicted.Margin <= RuleMargin,
                _ => predicted.Margin <= RuleMargin,
            };
            if (!applies || !ruleStems.Overlaps(stemsOfRule)) continue;
            // Arrests at a protest are an intervention in the protest.
            if (ruleLabel.EndsWith("/Arrests", StringComparison.Ordinal) && protest) return ("Protests/Protest with intervention", predicted.Margin);
            return (ruleLabel, predicted.Margin);
        }
        // An agreement or a weapons seizure needs its own words; without them the development is "Other".
        if (predicted.Label == "Strategic developments/Agreement" && !stems.Overlaps(["agreement", "agre", "ceasefire", "truce", "deal", "sign"])
            || predicted.Label == "Strategic developments/Disrupted weapons use" && !stems.Overlaps(["seiz", "defus", "weapon", "arm", "explosive", "cache"]))
            return ("Strategic developments/Other", predicted.Margin);
        return predicted;
    }

    /// <summary>The report's most named country, else its most named place (when no country is named).</summary>
    private static PlaceMention? Focus(Document document)
    {
        PlaceMention? Most(Func<PlaceMention, bool> which) => document.Places.Where(which)
            .GroupBy(p => (p.Name, p.Country)).OrderByDescending(g => g.Count()).Select(g => g.First()).FirstOrDefault();
        return Most(p => p.Level == "country" && !NamesAnActor(document, p)) ?? Most(p => p.Level != "region" && !NamesAnActor(document, p));
    }

    /// <summary>
    /// A country named as whose forces act, not where: "US forces prevented a patrol from entering Rmelan",
    /// "Turkey backed factions". Such forces mostly act abroad, so the event is not put there (its
    /// police are left out: they act at home).
    /// </summary>
    private static bool NamesAnActor(Document document, PlaceMention place)
    {
        return place.Level == "country" && ActorNouns.Contains(WordAfter(document, place));
    }

    // The letters of the word after a place mention ("forces" in "US forces", "roundabout" in "the Zahle roundabout").
    private static ReadOnlySpan<char> WordAfter(Document document, PlaceMention place)
    {
        var after = document.Text.AsSpan(place.Range.End).TrimStart();
        int letters = 0;
        while (letters < after.Length && char.IsLetter(after[letters])) letters++;
        return after[..letters];
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ActorNouns = new HashSet<string>(
        ["forces", "troops", "soldiers", "military", "army", "navy", "warplanes", "jets", "drones", "airstrikes", "backed", "led"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, int> Specificity = new()
    {
        ["site"] = 0, ["district"] = 1, ["city"] = 1, ["admin2"] = 2, ["admin1"] = 3, ["country"] = 4, ["region"] = 5,
    };

    /// <summary>The sentence's own most specific place (precision 1 for a town, 2 for a district, 3 above), else its paragraph's (2 or 3), else the focus (3).</summary>
    private static (PlaceMention? Place, int Precision) Where(Document document, int s, PlaceMention? focus, int[] paragraphs)
    {
        var sentence = document.Sentences[s];
        var own = MostSpecific(document, document.Places.Where(p => sentence.Range.Contains(p.Range)));
        if (own is not null) return (own, Precision(own, inherited: false));
        // "the city", "the town": the last town named before, in whatever paragraph.
        var text = document.Slice(sentence.Range);
        bool anaphora = text.Contains("the city", StringComparison.OrdinalIgnoreCase) || text.Contains("the town", StringComparison.OrdinalIgnoreCase);
        if (anaphora && document.Places.LastOrDefault(p => p.Range.End <= sentence.Range.Start && p.Level is "city" or "district") is { } town)
            return (town, 2);
        for (int earlier = s - 1; earlier >= 0 && paragraphs[earlier] == paragraphs[s]; earlier--)
        {
            var range = document.Sentences[earlier].Range;
            var inherited = MostSpecific(document, document.Places.Where(p => range.Contains(p.Range)));
            if (inherited is not null) return (inherited, Precision(inherited, inherited: true));
        }
        return (focus, 3);
    }

    /// <summary>
    /// Where the sentence's event happened: the most specific place, then the first. A place after "to"
    /// gives way to one after "in", "at" or "near", and so does one after "from" ("workers from Surat
    /// threw stones at police at Halol") unless all of those hold it ("citizens from Redeyef (Gafsa) protested").
    /// </summary>
    private static PlaceMention? MostSpecific(Document document, IEnumerable<PlaceMention> places)
    {
        var candidates = places.Where(p => p.Level != "region" && !NamesAnActor(document, p)).ToList();
        var here = candidates.Where(p => Role(document, p) == 0).ToList();
        return candidates
            .OrderBy(p => Role(document, p) switch { 0 => 0, 2 when here.TrueForAll(q => Holds(q, p)) => 0, _ => 1 })
            .ThenBy(p => Specificity.GetValueOrDefault(p.Level, 5))
            .ThenBy(p => p.Range.Start)
            .FirstOrDefault();
    }

    // Whether the division or country mentioned as <paramref name="outer"/> holds the place mentioned as <paramref name="inner"/>.
    private static bool Holds(PlaceMention outer, PlaceMention inner) =>
        outer.Country == inner.Country && inner.Level is "city" or "district" or "site"
        && (outer.Level == "country" || outer.Level == "admin1" && outer.Name == inner.Admin1 || outer.Level == "admin2" && outer.Admin1 == inner.Admin1);

    // 0 where it happened, 1 where it went ("to", "into") or a street named after it ("the Halba highway"), 2 where they came from.
    private static int Role(Document document, PlaceMention place)
    {
        var before = document.Text.AsSpan(0, place.Range.Start).TrimEnd();
        int space = before.LastIndexOfAny(' ', '\n');
        var word = before[(space + 1)..];
        if (word is "from") return 2;
        if (word is "to" or "toward" or "towards" or "into") return 1;
        return PlaceNames.IsStreetWord(WordAfter(document, place)) ? 1 : 0;
    }

    private static int Precision(PlaceMention place, bool inherited) => place.Level switch
    {
        "site" or "district" or "city" => inherited ? 2 : 1,
        "admin2" => 2,
        _ => 3,
    };

    /// <summary>
    /// The sentence's own day (precision 1), else the report date (precision 2). The day of the
    /// telling ("the president said on Sunday that … on Saturday") gives way to the day of the event.
    /// </summary>
    private static (DateOnly Date, int Precision) When(Document document, int s)
    {
        var sentence = document.Sentences[s];
        DateOnly? telling = null, other = null;
        foreach (var t in document.Times)
        {
            if (!sentence.Range.Contains(t.Range) || !IsoDate.TryParseDay(t.Value, out var day)) continue;
            // "Saturday's car bombings": the day that owns the event word.
            var after = document.Text.AsSpan(t.Range.End);
            if (after.StartsWith("'s", StringComparison.Ordinal) || after.StartsWith("’s", StringComparison.Ordinal)) return (day, 1);
            if (AfterReportingVerb(document, t.Range)) telling ??= day;
            else other ??= day;
        }
        return (other ?? telling) is { } found ? (found, 1) : (document.Date, 2);
    }

    private static bool AfterReportingVerb(Document document, TextRange time)
    {
        var before = document.Text.AsSpan(Math.Max(0, time.Start - 24), time.Start - Math.Max(0, time.Start - 24)).TrimEnd();
        if (before.EndsWith(" on", StringComparison.Ordinal)) before = before[..^3].TrimEnd();
        foreach (var verb in ReportingVerbs)
            if (before.EndsWith(verb, StringComparison.Ordinal)) return true;
        return false;
    }

    private static readonly string[] ReportingVerbs = ["said", "told reporters", "announced", "reported", "stated", "added", "confirmed"];

    private (string? Actor1, int? Inter1, string? Actor2, int? Inter2) ActorsOf(
        Document document, List<(string Lower, string Original)> words, string eventType, string subType, string? country)
    {
        var named = new List<(ActorKind Kind, string Country)>();
        string? foreign = null;
        foreach (var (lower, original) in words)
        {
            if (original.Length == 0) continue;
            if (gazetteer is not null && char.IsUpper(original[0]) && gazetteer.Demonyms.Find(PlaceNames.Key(original)) is { IsEmpty: false } d)
            {
                foreign = CountryNames.Of(gazetteer.Country(d[0] & NameIndex.EntryMask));
                continue;
            }
            if (Actors.Of(lower) is { } kind)
            {
                var of = foreign ?? country ?? "Unknown";
                if (!named.Exists(n => n.Kind == kind)) named.Add((kind, of));
                foreign = null;
            }
        }
        (ActorKind Kind, string Country)? Pick(Func<ActorKind, bool> which, (ActorKind, string)? except = null) =>
            named.Where(n => which(n.Kind) && (except is null || n != except)).Select(n => ((ActorKind, string)?)n).FirstOrDefault();
        bool Armed(ActorKind k) => k is ActorKind.Military or ActorKind.Police or ActorKind.ArmedGroup or ActorKind.Rioters;

        (ActorKind, string)? first, second;
        var home = country ?? "Unknown";
        switch (eventType)
        {
            case "Protests":
                first = (ActorKind.Protesters, home);
                second = subType == "Peaceful protest" ? null : Pick(k => k is ActorKind.Police or ActorKind.Military);
                break;
            case "Riots":
                first = Pick(k => k is ActorKind.Rioters or ActorKind.Protesters) ?? (ActorKind.Rioters, home);
                if (first.Value.Item1 == ActorKind.Protesters) first = (ActorKind.Rioters, first.Value.Item2);
                second = Pick(k => k is ActorKind.Police or ActorKind.Military or ActorKind.Civilians);
                break;
            case "Violence against civilians":
                first = Pick(k => Armed(k)) ?? (ActorKind.ArmedGroup, home);
                second = (ActorKind.Civilians, home);
                break;
            case "Explosions/Remote violence":
                // Unclaimed bombs are an unidentified group's; with no armed target named, the victims are civilians.
                first = Pick(Armed) ?? (ActorKind.ArmedGroup, home);
                second = Pick(k => Armed(k) || k == ActorKind.Civilians, first) ?? (ActorKind.Civilians, home);
                break;
            default:
                first = Pick(Armed) ?? Pick(_ => true);
                second = first is null ? null : Pick(k => Armed(k) || k == ActorKind.Civilians, first);
                break;
        }
        return (first is { } a ? Actors.Name(a.Item1, a.Item2) : null, first is { } a1 ? Actors.Inter(a1.Item1) : null,
                second is { } b ? Actors.Name(b.Item1, b.Item2) : null, second is { } b1 ? Actors.Inter(b1.Item1) : null);
    }

    /// <summary>The source credited for the sentence, else the report's outlet.</summary>
    private static string? Source(Document document, Sentence sentence) =>
        document.Attributions.FirstOrDefault(a => a.Claim.Start < sentence.Range.End && sentence.Range.Start < a.Claim.End)?.Source ?? document.Source;

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

    /// <summary>Merges neighbouring events of one paragraph that share type, place and date.</summary>
    private static List<CodedEvent> Merge(List<(CodedEvent Event, int Paragraph)> found)
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
