using System.Globalization;
using Sitrep.Documents;
using Sitrep.Time;

namespace Sitrep.Events;

/// <summary>Whether a sentence tells an event that happened: event words not under a plan or possibility, not background, not a disaster or sport.</summary>
internal static class EventDetection
{
    internal const int UnrealReach = 3; // "will send", "plans to attack", "could soon be deployed"

    /// <summary>
    /// True when the sentence is background, not news of the day: dated more than a month before
    /// the report ("a truck bomb in October 2017"), or habitual ("has carried out frequent attacks",
    /// "over the past year").
    /// </summary>
    /// <summary>How many days before the report a sentence's own day may be and still be news.</summary>
    internal const int NewsWindowDays = 10;

    internal static bool IsBackground(Document document, Sentence sentence, List<(string Lower, string Original)> words)
    {
        var cutoff = document.Date.AddDays(-NewsWindowDays);
        bool old = false;
        DateOnly? eventDay = null;
        foreach (var t in document.Times)
        {
            if (!sentence.Range.Contains(t.Range) || t.Value.PeriodEnd() is not { } end) continue;
            old |= end < cutoff;
            if (eventDay is null && t.Type == TimexType.Date && t.Value.TryGetDay(out var day) && !EventDating.AfterReportingVerb(document, t.Range))
                eventDay = day;
        }
        // The sentence's own day says when ("On 30 April 2020, workers who passed the test in 2019 protested",
        // "Sonko, who came third in the 2019 election, was detained on Wednesday"); with none, an old date makes it background.
        if (eventDay is { } when ? when < cutoff : old) return true;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Lower;
            if (w is "frequent" or "frequently" or "regularly" or "repeatedly" or "routinely" or "often") return true;
            if (w == "past" && i + 1 < words.Count && words[i + 1].Lower is "year" or "years" or "months" or "decade") return true;
        }
        return false;
    }

    /// <summary>
    /// True when the report's deaths, injuries or explosions come with a disaster or an accident (an
    /// explosion of stored chemicals, a collapse, a flood) and the report names no armed group and no
    /// crowd, and tells of no attack or gathering. ACLED codes none of it. A pandemic is context, not
    /// the event: "coronavirus outbreak" does not make a protest report a disaster report.
    /// </summary>
    internal static bool IsDisasterReport(List<(string Lower, string Original)>[] sentences)
    {
        bool disaster = false;
        foreach (var words in sentences)
        {
            bool cause = false, harm = false;
            foreach (var (lower, original) in words)
            {
                // "March" with a capital is the month, which no one marches in.
                if (lower == "march" && char.IsUpper(original[0])) continue;
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
    internal static bool IsSportsReport(List<(string Lower, string Original)>[] sentences)
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

    internal static readonly HashSet<string> SportsWords = new(StringComparer.Ordinal)
    {
        "olympic", "olympics", "medal", "medals", "championship", "championships", "tournament", "league", "season", "coach",
        "game", "games", "match", "matches", "cup", "goal", "goals", "scored", "innings", "wicket", "wickets", "homer", "homers",
        "homered", "inning", "pitcher", "pitchers", "quarterback", "touchdown", "rebounds", "basketball", "football", "soccer",
        "baseball", "tennis", "golf", "cricket", "rugby", "hockey", "boxing", "wrestling", "athletics", "cycling", "swimming",
        "gymnastics", "nba", "nfl", "uefa", "fifa", "playoff", "playoffs", "semi-final", "semifinal", "quarter-final",
        "quarterfinal", "striker", "midfielder", "goalkeeper", "marathon", "sprinter", "champion", "champions",
    };

    // Stems (EventFeatures.Stem) of attacks and gatherings.
    internal static readonly HashSet<string> PerpetratorWords = new(
        ["attack", "shell", "airstrike", "ambush", "bomb", "storm", "gunfire", "shot", "demonstration", "demonstrat", "march", "rally",
         "sit-in", "strike", "riot", "loot", "clash", "fight", "protest", "kidnap", "kidnapp", "kidnapping", "abduct", "abduction",
         "gang", "rebel", "militia", "jihadist"],
        StringComparer.Ordinal);

    // "Demonstrated a new processor", "demonstrating how it works": showing something, not a protest;
    // "an emergency (security) meeting": a meeting called in haste, not a state of emergency.
    internal static bool ShowsSomething(List<(string Lower, string Original)> words, int i) =>
        words[i].Lower.StartsWith("demonstrat", StringComparison.Ordinal) && i + 1 < words.Count
        && words[i + 1].Lower is "a" or "an" or "the" or "its" or "their" or "his" or "her" or "how" or "that" or "what"
        || words[i].Lower == "emergency" && (IsGathering(words, i + 1) || IsGathering(words, i + 2));

    private static bool IsGathering(List<(string Lower, string Original)> words, int i) =>
        i < words.Count && words[i].Lower is "meeting" or "meetings" or "session" or "sessions" or "summit" or "talks" or "call" or "consultations" or "hearing";

    /// <summary>
    /// Whether the sentence's main act is verbal (PLOVER's DEMAND, DISAPPROVE, THREATEN, REJECT, CONSULT):
    /// a verb of demanding, condemning, warning or meeting comes before any event word ("Minsk summoned
    /// the ambassador and lodged a protest", "leaders demanded that the soldiers be handed over").
    /// Such a sentence can tell more of an incident, but is none itself.
    /// </summary>
    internal static bool IsVerbalAct(List<(string Lower, string Original)> words)
    {
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Lower;
            if (VerbalActs.Contains(w) || w is "called" or "calls" && i + 1 < words.Count && words[i + 1].Lower is "on" or "for") return true;
            if ((EventLexicon.Of(w) & EventCue.Trigger) != 0) return false;
        }
        return false;
    }

    private static readonly HashSet<string> VerbalActs = new(StringComparer.Ordinal)
    {
        "demanded", "demands", "urged", "urges", "warned", "warns", "summoned", "condemned", "condemns", "criticised", "criticized",
        "rejected", "rejects", "vowed", "vows", "threatened", "threatens", "appealed", "lodged", "chaired", "met", "meets", "pledged",
        "welcomed", "praised", "expressed", "discussed", "negotiated", "stumbled", "asked", "requested", "filed",
    };

    // "the fight against Islamist insurgents", "its battle to set the format", "he is fighting corruption": a campaign
    // or a figure of speech, no fight anyone could place or date.
    private static bool IsCampaign(List<(string Lower, string Original)> words, int i)
    {
        var w = words[i].Lower;
        var next = i + 1 < words.Count ? words[i + 1].Lower : "";
        if (w is "fight" or "battle" or "struggle" && i > 0 && words[i - 1].Lower is "the" or "its" or "their" or "his" or "her" or "our"
            && next is "against" or "to" or "for") return true;
        return w is "fighting" or "fight" or "fights" or "fought" && next is "corruption" or "poverty" or "inflation" or "crime" or "drugs"
            or "terrorism" or "extremism" or "disease" or "malaria" or "hunger" or "fraud" or "piracy" or "spam" or "cancer" or "back";
    }

    // A government or cabinet that resigns is a strategic development; a person leaving a post is not (ACLED codes no
    // resignation: 1 of the 128 training notes that name one, the others are protests demanding one).
    internal static bool NamesAGovernment(List<(string Lower, string Original)> words) =>
        words.Exists(w => w.Lower is "government" or "cabinet" or "ministers");

    /// <summary>Whether the sentence is a direct quotation: someone's words about what happened, not the telling of it.</summary>
    internal static bool IsQuotation(Document document, Sentence sentence) =>
        sentence.Range.Length > 0 && document.Text[sentence.Range.Start] is '"' or '“' or '‘';

    // An event word in capitals after the sentence's first word is a name or a title-case headline: "Lynch triumphs", "Royal Dutch Shell".
    private static bool IsName(List<(string Lower, string Original)> words, int i) => i > 0 && char.IsUpper(words[i].Original[0]);

    /// <summary>What a sentence's event words say: nothing, only words with an everyday sense too, or an event.</summary>
    internal enum Reporting { None, WeakOnly, Event }

    /// <summary>
    /// An event when the sentence has an event word that is not under a future, plan or possibility
    /// ("Belarus will send peacekeepers"), is not a statement of membership ("the CSTO includes
    /// Russia"), and is not about a disaster or accident without an armed actor; a word with an everyday
    /// sense too ("rallied", "fired", "attack") needs someone named who acts in events ("workers", "police").
    /// </summary>
    internal static Reporting Reported(List<(string Lower, string Original)> words, TriggerSenses? senses = null)
    {
        bool real = false, weak = false, disaster = false, armed = false, agent = false;
        bool? namesAnArmedSide = null, namesAnActor = null; // looked up at the first event word, and only when there are senses to ask
        int lastUnreal = -UnrealReach - 1;
        bool unrealClause = false;
        // "Why did the company fire its chief executive?": a question asserts nothing.
        if (RecallsAnEarlierIncident(words) || words.Count > 0 && words[^1].Lower == "?") return Reporting.None;
        int summaryEnd = -1;
        for (int i = 0; i < words.Count; i++)
        {
            // "a string of deadly attacks", "a spate of kidnappings": many incidents summed up, none of them told (ACLED codes each one).
            if (words[i].Lower is "string" or "spate" or "rash" && i + 1 < words.Count && words[i + 1].Lower == "of") summaryEnd = i + 4;
            if (i <= summaryEnd) continue;
            // "whether", "if", "unless", "unlikely", "probably" leave their whole clause unreal: "did not say whether its jets had bombed the camp".
            if (words[i].Lower is "whether" or "if" or "unless" or "should" or "must" or "might" or "could" or "unlikely" or "probably") unrealClause = true;
            else if (words[i].Lower is "," or ";" or ":") unrealClause = false;
            var cue = EventLexicon.Of(words[i].Lower);
            if ((cue & EventCue.Membership) != 0) return Reporting.None;
            disaster |= (cue & EventCue.Disaster) != 0;
            var actor = Actors.Of(words[i].Lower);
            armed |= actor is not null and not ActorKind.Civilians;
            // A rally names its own people only as a protest: "stocks rally" does not.
            agent |= actor is not null && (cue & EventCue.Weak) == 0 || (cue & EventCue.Agent) != 0;
            // "May" and "Will" in capitals are a month and a name, not a modal.
            // "to prevent looting" (the lexicon's stems would take "prevented a patrol from entering" too).
            if ((cue & EventCue.Unreal) != 0 && char.IsLower(words[i].Original[0]) || words[i].Lower is "prevent" or "avert") lastUnreal = i;
            else if ((cue & EventCue.Trigger) != 0 && i - lastUnreal > UnrealReach && !unrealClause && !ShowsSomething(words, i) && !IsName(words, i)
                && (words[i].Lower != "resigned" || NamesAGovernment(words))
                && !IsCampaign(words, i) && !SinceThen(words, i) && !NamesAState(words, i) && !UnderACharge(words, i)
                && !OnComputersOrMarkets(words, i) && !IsNounOfAnEventVerb(words, i) && !FiredFromAJob(words, i)
                // "there had been no kidnapping": an incident denied ("there is no internet" is the blackout itself).
                && !(i > 0 && words[i - 1].Lower == "no" && words[i].Lower != "internet")
                && (senses is null || !LeftToSenses(words, i, ref namesAnArmedSide, ref namesAnActor) || senses.IsEventSense(words, i)))
            {
                if ((cue & EventCue.Weak) != 0) weak = true;
                else real = true;
            }
        }
        // An earthquake or a crash that killed people is news, not political violence.
        if (disaster && !armed) return Reporting.None;
        // A court's ruling on violence, or prosecutors naming its suspects, is justice, not the violence (ACLED codes no trials or investigations).
        if (IsJudicial(words)) return Reporting.None;
        // A base opened or moved into, a town an armed side entered, a chemical agent used: an event though none of its words is an event word alone.
        if (!real && (PhraseRules.BaseEstablished(words) ?? TerritoryRule.Label(words) ?? PhraseRules.ChemicalWeapon(words)) is not null) return Reporting.Event;
        // An accord between armed sides ("the government and rebel groups signed a peace agreement") is a development.
        if (!real && (armed || NamesAnArmedSide(words)) && SignsAnAccord(words)) return Reporting.Event;
        // "Stocks rallied", "the coach was fired": an everyday sense, unless someone who acts in events is named.
        return real || weak && agent ? Reporting.Event : weak ? Reporting.WeakOnly : Reporting.None;
    }

    // "The kidnapping came little more than a week after gunmen seized 27 students in Kagara": the incident told already, set
    // beside one weeks or more before it, which is background (its own reports tell it); "came less than a day after" is the same story.
    private static bool RecallsAnEarlierIncident(List<(string Lower, string Original)> words)
    {
        if (words.Count < 5 || words[0].Lower != "the") return false;
        int came = words.FindIndex(1, Math.Min(3, words.Count - 1), w => w.Lower is "came" or "comes");
        if (came < 0) return false;
        for (int k = came + 1; k < words.Count && k <= came + 7; k++)
        {
            if (words[k].Lower == "after") return false;
            if (words[k].Lower is "week" or "weeks" or "month" or "months" or "year" or "years")
                return k + 1 < words.Count && words[k + 1].Lower == "after";
        }
        return false;
    }

    // "strong demand for steel", "a bid to block a takeover", "kept a ban on": the lexicon's stems give these the event verbs' cue
    // ("demanded", "blocked", "banned"), but the noun or the bare verb is no act that happened; "took strategic points to demand
    // the release" and "imposed a ban on travel" still tell the act.
    private static bool IsNounOfAnEventVerb(List<(string Lower, string Original)> words, int i) => words[i].Lower switch
    {
        "demand" => i == 0 || words[i - 1].Lower != "to",
        "block" => true,
        "ban" or "bans" => !(i >= 1 && Imposes(words[i - 1].Lower) || i >= 2 && Imposes(words[i - 2].Lower)),
        _ => false,
    };

    private static bool Imposes(string lower) => lower is "imposed" or "imposes" or "instituted" or "issued" or "announced" or "introduced" or "declared" or "enforced" or "ordered";

    // "was fired for inappropriate behaviour", "fire its chief executive": a dismissal, not a shot.
    private static bool FiredFromAJob(List<(string Lower, string Original)> words, int i)
    {
        if (words[i].Lower is not ("fired" or "fire" or "firing")) return false;
        if (i + 1 < words.Count && words[i + 1].Lower == "for") return true;
        for (int k = i + 1; k < words.Count && k <= i + 3; k++)
            if (words[k].Lower is "executive" or "chief" or "ceo" or "coach" or "manager" or "director" or "employee" or "employees" or "staff" or "editor") return true;
        return false;
    }

    // "denial-of-service attacks", "attacks exploit a browser flaw", "websites blocked", "oil prices rallied": an act on computers or
    // a market's move, which the codebook does not code (it codes physical violence and crowds).
    private static bool OnComputersOrMarkets(List<(string Lower, string Original)> words, int i)
    {
        for (int k = Math.Max(0, i - 3); k < words.Count && k <= i + 3; k++)
            if (ComputerWords.Contains(words[k].Lower) || MarketWords.Contains(words[k].Lower)) return true;
        return false;
    }

    private static readonly HashSet<string> MarketWords = new(StringComparer.Ordinal)
    {
        // Not "market" (a marketplace is where crowds gather and attacks happen) nor "investors" (defrauded investors protest).
        "prices", "stocks", "shares", "futures", "bonds", "index", "indexes", "dollar", "euro", "yen", "treasuries", "equities", "nasdaq", "dow",
        "earnings", "profit", "profits",
    };

    private static readonly HashSet<string> ComputerWords = new(StringComparer.Ordinal)
    {
        // Not "internet" (its blackout is a development), "windows" or "network": words of the street and of armed groups too.
        "computer", "computers", "software", "virus", "viruses", "worm", "worms", "hacker", "hackers", "hacking", "cyber", "website", "websites",
        "web", "pc", "pcs", "browser", "browsers", "spyware", "spam", "malware", "flaw", "flaws", "vulnerability",
        "vulnerable", "server", "servers", "e-mail", "email", "denial-of-service", "spoofing", "phishing", "digital",
    };

    // "was charged with assault", "accused of murder", "three counts of aggravated assault": a charge names a crime alleged
    // in court, not an event the report tells.
    private static bool UnderACharge(List<(string Lower, string Original)> words, int i)
    {
        for (int k = i - 1; k >= 1 && k >= i - 4; k--)
            if (words[k].Lower is "with" && words[k - 1].Lower is "charged" or "charges" or "charging"
                || words[k].Lower is "of" && words[k - 1].Lower is "accused" or "convicted" or "guilty" or "counts" or "count" or "charges" or "suspicion" or "acquitted")
                return true;
        return false;
    }

    // "the occupied West Bank", "besieged Mariupol", "the occupied territories": a lasting state of a place, not what happened that day;
    // "a drone base", "a strike threat", "the sexual assault case": an event word naming a thing, not an act.
    private static bool NamesAState(List<(string Lower, string Original)> words, int i) =>
        i + 1 < words.Count && (words[i].Lower is "occupied" or "besieged"
            && (char.IsUpper(words[i + 1].Original[0]) || words[i + 1].Lower is "territories" or "territory" or "areas" or "zone" or "city" or "town" or "enclave")
            || NounsAnEventWordNames.Contains(words[i + 1].Lower));

    private static readonly HashSet<string> NounsAnEventWordNames = new(StringComparer.Ordinal)
    {
        // "a drone base", "its missile programme", "a rocket maker": a weapon naming a thing, not its use.
        "base", "bases", "program", "programme", "programs", "programmes", "maker", "makers", "manufacturer", "manufacturers", "factory",
        "factories", "industry", "exports", "sales", "deal", "deals", "technology", "tests", "test", "launcher", "launchers", "defence", "defense",
        "shield", "systems", "system", "stockpile", "arsenal",
        // "a strike threat", "a bomb threat": what is threatened has not happened.
        "threat", "threats",
        // "the sexual assault case", "a murder trial": a matter for the courts.
        "case", "cases", "trial", "trials", "suit", "lawsuit", "charge", "charges", "investigation", "probe", "inquiry", "verdict", "hearing",
    };

    // "Protests have spread across Iran since the death of ...", "70 people have been killed since the unrest began": what
    // has gone on over a period, many incidents summed up, none of them told.
    private static bool SinceThen(List<(string Lower, string Original)> words, int i)
    {
        int since = words.FindIndex(w => w.Lower == "since");
        if (since < 0) return false;
        // What the period began with ("since the death in custody of a woman detained last month") is past too.
        if (i > since) return words.FindLastIndex(since, w => w.Lower is "have" or "has") >= 0;
        // The event word's own verb is in the perfect: "protests have spread", "have been killed"; not "to remember those who have been killed since".
        int from = Math.Max(0, i - 2);
        return words.FindIndex(from, Math.Min(since, i + 4) - from, w => w.Lower is "have" or "has") >= 0;
    }

    /// <summary>
    /// Whether the sense of the event word at <paramref name="i"/> is the model's to read from its neighbours ("oil prices rallied",
    /// "Shell"): not where someone armed is named, people are named beside a protest word ("workers went on strike"), or a government
    /// resigns. There the rules read the sentence, and business news would teach the wrong prior ("cattle slaughtered", "the chairman
    /// resigned", labour disputes as business). The two lookups are kept for the sentence's other event words.
    /// </summary>
    internal static bool LeftToSenses(List<(string Lower, string Original)> words, int i, ref bool? namesAnArmedSide, ref bool? namesAnActor) =>
        words[i].Lower != "resigned" && !(namesAnArmedSide ??= NamesAnArmedSide(words))
        && !((EventLexicon.Of(words[i].Lower) & EventCue.Protest) != 0 && (namesAnActor ??= NamesAnActor(words)));

    private static bool NamesAnActor(List<(string Lower, string Original)> words) =>
        words.Exists(w => Actors.Of(w.Lower) is not null || (EventLexicon.Of(w.Lower) & EventCue.Agent) != 0);

    /// <summary>
    /// Whether the sentence names someone armed (state forces, police, an armed group, rioters) or arms in someone's hands: there
    /// the words around an event word are violence's, and the rules read them better than a model of senses learned from business news.
    /// </summary>
    internal static bool NamesAnArmedSide(List<(string Lower, string Original)> words) =>
        words.Exists(w => (EventLexicon.Of(w.Lower) & EventCue.Armed) != 0
            // "security" alone is a product's or a post's ("data security", "homeland security"); "security forces" are named by "forces".
            || Actors.Of(w.Lower) is ActorKind.Military or ActorKind.Police or ActorKind.ArmedGroup or ActorKind.Rioters && w.Lower != "security");

    private static bool SignsAnAccord(List<(string Lower, string Original)> words)
    {
        bool signed = false, accord = false;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Lower;
            signed |= w is "signed" or "sign" or "signs" or "agreed" or "reached" or "struck";
            accord |= w is "agreement" or "accord" or "deal" or "ceasefire" or "truce" or "armistice" || w == "peace" && i + 1 < words.Count && words[i + 1].Lower is "deal" or "agreement" or "accord" or "pact";
        }
        return signed && accord;
    }

    private static bool IsJudicial(List<(string Lower, string Original)> words)
    {
        bool court = false, ruling = false;
        foreach (var (lower, _) in words)
        {
            court |= lower is "court" or "courts" or "judge" or "judges" or "tribunal" or "jury" or "prosecutor" or "prosecutors" or "investigators";
            ruling |= lower is "jailed" or "sentenced" or "convicted" or "acquitted" or "ruled" or "indicted" or "guilty" or "verdict" or "charged" or "identified";
        }
        return court && ruling;
    }
}
