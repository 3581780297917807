namespace Sitrep.Events;

/// <summary>What a word says about an event in its sentence.</summary>
[Flags]
internal enum EventCue
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>Something happened that may be an event ("protest", "clash", "shelled").</summary>
    Trigger = 1 << 0,
    /// <summary>Death ("killed", "dead", "death toll", "eliminated").</summary>
    Death = 1 << 1,
    /// <summary>Injury ("injured", "wounded").</summary>
    Injury = 1 << 2,
    /// <summary>A future, plan, possibility or negation just before an event word: no event happened ("will send", "plans to attack", "did not attack").</summary>
    Unreal = 1 << 3,
    /// <summary>Membership or composition, not an action ("includes", "member of").</summary>
    Membership = 1 << 4,
    /// <summary>A natural or industrial disaster, or an accident: not an ACLED event unless an armed actor is involved.</summary>
    Disaster = 1 << 5,
    /// <summary>
    /// An event word with an everyday sense too ("stocks rallied", "the coach was fired", "sets a date"): an
    /// event only where the sentence names who acted (<see cref="Agent"/> or an actor).
    /// </summary>
    Weak = 1 << 6,
    /// <summary>A people or group that can act in an event ("workers", "fighters", "crowd").</summary>
    Agent = 1 << 7,
    /// <summary>An armed side, or arms in someone's hands ("rebels", "jihadists", "gunman", "rifles"): the words around an event word are then violence's.</summary>
    Armed = 1 << 8,
    /// <summary>A protest ("rallied", "strike", "picket"): people named beside it are protesting, whatever business news says of the word.</summary>
    Protest = 1 << 9,
}

/// <summary>When a coding rule overrides the trained classifier.</summary>
internal enum RuleStrength
{
    /// <summary>Always (a weapon decides the kind of violence).</summary>
    Decisive,
    /// <summary>Unless the sentence also reports violence, which is then the event.</summary>
    UnlessViolent,
    /// <summary>Only where the classifier is unsure.</summary>
    WhenUnsure,
    /// <summary>Where the sentence tells of dead or wounded, else only where the classifier is unsure (an explosion that kills is the event).</summary>
    WhenHarmful,
}

/// <summary>
/// Event words of English news and ACLED notes, by stem (<see cref="EventFeatures.Stem"/>): which
/// mark an event, and the coding rules some of them force whatever the classifier says.
/// </summary>
internal static class EventLexicon
{
    private static readonly Dictionary<string, EventCue> Cues = Build();

    /// <summary>
    /// Stems whose presence decides the sub-event type, checked in this order. Weapons decide the
    /// type of violence (a car bomb is a remote explosive, a missile a shelling, whatever else the
    /// sentence says); the coding rules the taxonomy states (looting, arrests, resignations,
    /// shutdowns, curfews, deployments, agreements are strategic developments) apply unless violence
    /// is reported too; the others only where the classifier is unsure.
    /// </summary>
    public static readonly (string[] Stems, string Label, RuleStrength Strength)[] Rules =
    [
        (["loot", "marauding", "maraud", "plunder", "ransack", "vandaliz", "vandalis"], "Strategic developments/Looting/property destruction", RuleStrength.UnlessViolent),
        (["resign", "curfew", "emergency", "siege", "blackout", "shutdown", "internet"], "Strategic developments/Other", RuleStrength.UnlessViolent),
        (["peacekeeper", "peacekeeping", "deploy", "deployment", "contingent"], "Strategic developments/Other", RuleStrength.UnlessViolent),
        (["arrest", "detain", "detention"], "Strategic developments/Arrests", RuleStrength.UnlessViolent),
        (["agreement", "ceasefire", "truce"], "Strategic developments/Agreement", RuleStrength.UnlessViolent),
        (["freed", "regain", "retook", "recaptur", "retaken", "liberat"], "Battles/Government regains territory", RuleStrength.WhenUnsure),
        (["shootout", "shoot-out", "firefight", "gunfight", "exchang"], "Battles/Armed clash", RuleStrength.WhenUnsure),
        (["riot", "rioter", "pogrom"], "Riots/Violent demonstration", RuleStrength.WhenUnsure),
        // A suicide bomber is a suicide bomb, not an air strike by a "bomber".
        (["suicide"], "Explosions/Remote violence/Suicide bomb", RuleStrength.Decisive),
        (["airstrike", "air_strike", "drone", "warplane", "bomber"], "Explosions/Remote violence/Air/drone strike", RuleStrength.WhenUnsure),
        (["missile", "rocket"], "Explosions/Remote violence/Shelling/artillery/missile attack", RuleStrength.Decisive),
        (["shell", "artillery", "mortar"], "Explosions/Remote violence/Shelling/artillery/missile attack", RuleStrength.WhenUnsure),
        (["grenade"], "Explosions/Remote violence/Grenade", RuleStrength.WhenUnsure),
        (["ied", "landmine", "roadside", "explosive", "detonat", "bomb"], "Explosions/Remote violence/Remote explosive/landmine/IED", RuleStrength.Decisive),
        (["blast", "explo"], "Explosions/Remote violence/Remote explosive/landmine/IED", RuleStrength.WhenHarmful),
        (["abduct", "kidnap", "abduction"], "Violence against civilians/Abduction/forced disappearance", RuleStrength.WhenUnsure),
    ];

    /// <summary>Stems that mark violence: where one is present, the always-on rules give way to the violence.</summary>
    public static readonly string[] ViolentStems =
        ["kill", "shot", "shoot", "clash", "attack", "fire", "fight", "bomb", "shell", "explo", "ambush", "wound", "injur", "dead", "stab", "beat"];

    private static readonly HashSet<string> RuleStems = new(Rules.SelectMany(r => r.Stems).Concat(ViolentStems), StringComparer.Ordinal);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RuleStemLookup = RuleStems.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly int LongestRuleStem = RuleStems.Max(r => r.Length);

    /// <summary>
    /// The rule and violence stems (<see cref="Rules"/>, <see cref="ViolentStems"/>) that begin some word of
    /// <paramref name="stems"/>: "shelling" holds "shell". One lookup per word prefix instead of a
    /// comparison per (word, stem) pair.
    /// </summary>
    public static HashSet<string> RuleStemsIn(IEnumerable<string> stems)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stem in stems)
            for (int k = 1; k <= stem.Length && k <= LongestRuleStem; k++)
                if (RuleStemLookup.TryGetValue(stem.AsSpan(0, k), out var rule)) found.Add(rule);
        return found;
    }

    /// <summary>The cues of one lower-cased word.</summary>
    public static EventCue Of(string lowerWord) =>
        Cues.TryGetValue(EventFeatures.Stem(lowerWord), out var cue) ? cue
        // Stem takes one suffix off: "bombings" → "bombing", which the lexicon holds as "bomb".
        : lowerWord.EndsWith("ings", StringComparison.Ordinal) ? Cues.GetValueOrDefault(EventFeatures.Stem(lowerWord[..^1])) : EventCue.None;

    private static Dictionary<string, EventCue> Build()
    {
        var cues = new Dictionary<string, EventCue>(StringComparer.Ordinal);
        void Add(EventCue cue, params string[] words)
        {
            foreach (var w in words) cues[EventFeatures.Stem(w)] = cues.GetValueOrDefault(EventFeatures.Stem(w)) | cue;
        }
        Add(EventCue.Trigger,
            "protest", "protested", "protesters", "protestors", "demonstration", "demonstrators", "demonstrated", "rally", "rallies", "rallied",
            "march", "marched", "strike", "sit-in", "picket", "riot", "riots", "rioters", "clash", "clashes", "clashed",
            "fighting", "fought", "attack", "attacked", "attacks", "ambush", "ambushed", "shootout", "shoot-out", "shooting", "shootings",
            "shot", "fired", "gunfire", "firefight", "gunfight", "exchanged", "stormed", "storm", "seized", "seize", "captured",
            "freed", "regained", "retook", "recaptured", "liberated", "looted", "loot", "looting", "marauding", "destroying", "destroyed",
            "burned", "torched", "ablaze", "shelled", "shelling", "artillery", "mortar", "rocket", "rockets", "missile", "missiles",
            "airstrike", "airstrikes", "drone", "bombed", "bombing", "bomb", "explosion", "explosions", "exploded", "blast", "ied",
            "landmine", "grenade", "killed", "killing", "murdered", "beheaded", "eliminated", "abducted", "kidnapped", "raped",
            "arrested", "arrests", "detained", "dispersed", "surrounded", "besieged", "defended", "resigned", "peacekeepers",
            "transferred", "deployed", "curfew", "emergency", "internet", "assaulted", "beaten", "lynched", "injured", "wounded",
            "dead", "body", "bodies", "stones", "burnt", "gathered", "demanded", "demanding", "raid", "raided", "projectiles", "bursts",
            "assassinated", "demolished", "demolition", "demolitions", "demolishing", "bulldozed", "incursion", "thwarted", "repelled", "raped", "gang-raped", "detonated", "fire", "ban", "banned",
            "sit-in", "boycott", "occupied", "blocked", "besieged", "mutilated", "hostage", "hostages", "executed", "lynching",
            "toll", "died", "procession", "processions", "vigil", "dharna", "gherao", "slogans", "placards", "vandalised", "vandalized",
            "vandalism", "bombarded", "patrol", "reinforcements", "evicted", "disappeared", "molotov", "arson", "explosive", "explosives",
            "violence", "slaughtered", "massacred", "massacre", "butchered", "hacked");
        // Event words news uses for markets, sport and technology as well.
        Add(EventCue.Weak, "rally", "rallies", "rallied", "march", "marched", "strike", "fighting", "fought", "attack", "attacked", "attacks",
            "shooting", "shootings", "shot", "fired", "exchanged", "stormed", "storm", "seized", "seize", "captured", "freed", "regained",
            "retook", "recaptured", "liberated", "destroying", "destroyed", "burned", "rocket", "rockets", "missile", "missiles",
            "drone", "bomb", "explosion", "explosions", "blast", "arrests", "defended", "transferred", "deployed", "emergency", "internet",
            "injured", "wounded", "dead", "body", "bodies", "gathered", "demanded", "demanding", "raid", "raided", "fire", "ban", "banned",
            "boycott", "occupied", "blocked", "toll", "died", "patrol", "disappeared", "thwarted", "repelled", "surrounded",
            "resigned", "clash", "clashes", "clashed");
        Add(EventCue.Agent, "people", "men", "women", "youths", "crowd", "crowds", "workers", "students", "teachers", "farmers", "traders",
            "drivers", "supporters", "members", "group", "groups", "gang", "fighters", "rebels", "militia", "militias", "militiamen",
            "jihadists", "extremists", "troops", "forces", "government", "regime", "authorities", "unions", "residents", "villagers", "locals",
            "citizens", "inhabitants", "neighbours", "neighbors", "unidentified", "suspected", "armed", "coalition", "opposition", "party",
            "employees", "labourers", "laborers", "nurses", "lawyers", "fishermen", "herders", "refugees", "migrants", "prisoners", "inmates",
            "guards", "commander", "commanders", "minister", "president", "cabinet", "governor", "mayor", "parliament", "taliban", "houthi", "houthis", "shabaab", "haram", "gunman", "terrorists", "separatists",
            "arsonists", "arsonist", "saboteurs",
            // Victims and weapons say as much: "a man was found dead", "explosions involving unknown weapons".
            "parents", "man", "woman", "person", "persons", "victim", "victims", "child", "children", "boy", "girl", "councillor", "weapons",
            "weapon", "machineguns", "guns", "gunshot", "firearm", "firearms", "sniper", "snipers", "rpg");
        Add(EventCue.Protest, "protest", "protested", "protesters", "protestors", "demonstration", "demonstrators", "demonstrated", "rally",
            "rallies", "rallied", "march", "marched", "strike", "sit-in", "picket", "boycott");
        Add(EventCue.Armed, "gang", "fighters", "rebels", "militia", "militias", "militiamen", "jihadists", "extremists", "troops", "forces",
            "taliban", "houthi", "houthis", "shabaab", "haram", "gunman", "terrorists", "separatists", "arsonists", "arsonist", "saboteurs", "armed",
            "weapons", "weapon", "machineguns", "guns", "gunshot", "firearm", "firearms", "sniper", "snipers", "rpg");
        Add(EventCue.Death, "killed", "killing", "dead", "died", "death", "deaths", "toll", "fatalities", "lives", "eliminated",
            "beheaded", "murdered", "bodies", "executed", "slaughtered", "massacred", "butchered");
        Add(EventCue.Injury, "injured", "wounded", "hurt", "injuries", "casualties");
        Add(EventCue.Unreal, "will", "would", "plan", "plans", "planned", "intend", "intends", "threaten", "threatened", "may", "might",
            "could", "should", "promised", "if", "whether", "unless", "cannot", "can", "must", "voted", "vote", "votes",
            // A negated verb: "did not say whether the aircraft had been shot down" ("there is no internet" is the blackout itself).
            "not", "n't", "never", "didn't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "won't", "don't",
            "doesn't", "isn't", "aren't");
        Add(EventCue.Membership, "includes", "include", "consists", "comprises");
        Add(EventCue.Disaster, "earthquake", "quake", "flood", "floods", "flooding", "landslide", "storm", "cyclone", "hurricane",
            "typhoon", "tornado", "drought", "wildfire", "accident", "crash", "collapse", "collapsed", "derailed", "tsunami", "eruption",
            "avalanche", "leak", "epidemic", "outbreak", "accidental", "negligence", "ammonium", "nitrate");
        return cues;
    }
}
