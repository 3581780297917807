
namespace Sitrep.Events;

/// <summary>The ACLED type of a sentence's event: the trained classifier's label unless a coding rule decides.</summary>
internal sealed class EventTyping(TextClassifier classifier)
{
    internal const double RuleMargin = 10; // held-out ACLED: rules always 0.835 type / 0.751 sub; never 0.854 / 0.825; under this margin 0.876 / 0.847

    /// <summary>The classifier's label (<c>Learned</c>), unless a coding rule decides.</summary>
    /// <param name="words">The sentence's words.</param>
    /// <param name="actorWords">The same with the words of credited sources blanked ("a police spokesman said" names no side).</param>
    internal (string Label, double Margin, bool Learned) Label(List<(string Lower, string Original)> words, List<(string Lower, string Original)> actorWords)
    {
        // "Police detained 67 people after crowds went on the rampage": ACLED codes the violence the arrests followed (9 of the 9 training notes so told).
        if (ArrestsAfter(words) is int after)
            return Label(words[(after + 1)..], actorWords[(after + 1)..]);
        var stems = words.Select(w => EventFeatures.Stem(w.Lower)).ToHashSet(StringComparer.Ordinal);
        var predicted = classifier.Predict(EventFeatures.Of(words.Select(w => w.Original)));
        bool protest = stems.Overlaps(["protester", "protestor", "demonstrator", "protest", "march", "marcher", "demonstrat", "demonstration"]);
        bool lethal = stems.Overlaps(["kill", "killed", "shot", "dead", "eliminat"]);
        bool stateForce = stems.Overlaps(["police", "security", "military", "troop", "soldier", "army"]);
        // Protesters clashing with police or troops are a violent demonstration, deaths or not.
        if (PhraseRules.ProtestClash(words) is { } clash) return (clash, predicted.Margin, false);
        // Lethal force on protesters is excessive force, whatever else the sentence says.
        if (protest && lethal && stateForce && !stems.Overlaps(["riot", "rioter", "bandit", "attacker", "armed"]))
            return ("Protests/Excessive force against protesters", predicted.Margin, false);
        // Who took a place decides its sub-type (the codebook's territorial events), whatever else the sentence says.
        if (TerritoryRule.Label(actorWords) is { } territorial) return (territorial, predicted.Margin, false);
        if (PhraseRules.Label(words) is { } byPhrase) return (byPhrase, predicted.Margin, false);
        // A crowd putting someone to death is mob violence (ACLED codebook: lynching; training notes with a crowd: 10 of 15), where the classifier is unsure.
        if (predicted.Margin <= RuleMargin && PhraseRules.Lynching(words) is { } lynching) return (lynching, predicted.Margin, false);
        bool crowd = stems.Overlaps(["protester", "protestor", "demonstrator", "rioter", "riot", "mob"]);
        bool harmed = stems.Overlaps(["kill", "dead", "die", "death", "wound", "injur", "hurt"]);
        // Fighting between armed sides, with no crowd, is a battle whatever the classifier says ("fighting between armed groups killed 32").
        if (!crowd && stems.Overlaps(["fight", "fought", "clash", "battle", "gunbattle"]) && FightBetweenArmedSides(actorWords))
            return ("Battles/Armed clash", predicted.Margin, false);
        // Where violence is also reported, the violence is the event (ACLED codes the clash, not the arrests after it).
        // Raw words too: "freed" stems to "fre", which no rule can name without also naming "french".
        var ruleStems = EventLexicon.RuleStemsIn(stems.Concat(words.Select(w => w.Lower)));
        // A petrol bomb is thrown by hand, no explosive device (none of the 58 ACLED training notes that tell of one is coded so).
        if (OnlyIncendiaryBombs(words)) ruleStems.Remove("bomb");
        // A person leaving a post is no event (ACLED codes no resignation); a government resigning is a development.
        if (!EventDetection.NamesAGovernment(words)) ruleStems.Remove("resign");
        // "freed from detention" is a release, not an arrest.
        if (!HeldInDetention(words)) ruleStems.Remove("detention");
        // A protest against an arrest, or for a release, is about an arrest, not met by one (training notes: 48 of 53, 118 of 131 not coded as an intervention).
        if (protest && ArrestIsTheGrievance(words)) ruleStems.ExceptWith(["arrest", "detain", "detention"]);
        bool violent = ruleStems.Overlaps(EventLexicon.ViolentStems);
        bool crowdLabel = predicted.Label.StartsWith("Riots/", StringComparison.Ordinal) || predicted.Label.StartsWith("Protests/", StringComparison.Ordinal);
        foreach (var (stemsOfRule, ruleLabel, strength) in EventLexicon.Rules)
        {
            // The weaker rules speak where the classifier, trained on analysts' notes, is unsure (wire
            // text is not its domain); a crowd's petrol bombs and stones stay the crowd's event.
            bool applies = strength switch
            {
                RuleStrength.Decisive => !crowd,
                RuleStrength.UnlessViolent => !violent || predicted.Margin <= RuleMargin,
                RuleStrength.WhenHarmful => !crowd && harmed || predicted.Margin <= RuleMargin,
                // A heavy weapon is no crowd's (of the 3,400 ACLED training notes naming artillery, shelling or mortars, 5 are riots or protests).
                _ => predicted.Margin <= RuleMargin || crowdLabel && !crowd && !protest && ruleLabel.StartsWith("Explosions/", StringComparison.Ordinal),
            };
            if (!applies || !ruleStems.Overlaps(stemsOfRule)) continue;
            // Arrests at a protest are an intervention in the protest; arrests that set off protests
            // ("arrested the opposition leader, sparking protests") are arrests.
            if (ruleLabel.EndsWith("/Arrests", StringComparison.Ordinal) && protest && !ProtestFollows(words)) return ("Protests/Protest with intervention", predicted.Margin, false);
            return (ruleLabel, predicted.Margin, false);
        }
        // A battle has two armed, organised sides (ACLED codebook); one armed side killing or wounding
        // people who are not named as armed, with no fighting told, is violence against civilians.
        if (predicted.Label == "Battles/Armed clash" && stems.Overlaps(["kill", "dead", "die", "death", "eliminat"]) && ArmedSides(actorWords) == 1
            && !stems.Overlaps(["clash", "fight", "fought", "battle", "encounter", "exchang", "firefight", "gunfight", "shootout", "skirmish"]))
            return ("Violence against civilians/Attack", predicted.Margin, true);
        // An intervention needs someone who intervenes: "protesters began to disperse" on their own is a peaceful protest.
        if (predicted.Label == "Protests/Protest with intervention" && !stateForce && ArmedSides(actorWords) == 0)
            return ("Protests/Peaceful protest", predicted.Margin, true);
        // An agreement or a weapons seizure needs its own words; without them the development is "Other".
        if (predicted.Label == "Strategic developments/Agreement" && !stems.Overlaps(["agreement", "agre", "ceasefire", "truce", "deal", "sign"])
            || predicted.Label == "Strategic developments/Disrupted weapons use" && !stems.Overlaps(["seiz", "defus", "weapon", "arm", "explosive", "cache"]))
            return ("Strategic developments/Other", predicted.Margin, true);
        return (predicted.Label, predicted.Margin, true);
    }

    // "Detention" named other than as what someone left ("took them into detention", not "freed from detention").
    private static bool HeldInDetention(List<(string Lower, string Original)> words)
    {
        for (int i = 0; i < words.Count; i++)
            if (words[i].Lower == "detention" && (i == 0 || words[i - 1].Lower != "from")) return true;
        return false;
    }

    // Every arrest the sentence names is what is protested ("against the unjust arrest of", "demanded his release").
    private static bool ArrestIsTheGrievance(List<(string Lower, string Original)> words)
    {
        bool release = false; // "demanding the release of detained protesters": what follows is who is held
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Lower;
            release |= w == "release" && i >= 2 && words[i - 1].Lower is "his" or "her" or "their" or "the" && words[i - 2].Lower.StartsWith("demand", StringComparison.Ordinal);
            if (!(w.StartsWith("arrest", StringComparison.Ordinal) || w.StartsWith("detain", StringComparison.Ordinal) || w == "detention")) continue;
            bool grievance = release;
            for (int k = i - 1; k >= 0 && k >= i - 4 && !grievance; k--)
                grievance = words[k].Lower is "against" or "over" or "condemning" or "condemned" or "denouncing" or "denounced" or "protesting" or "protested";
            if (!grievance) return false;
        }
        return true;
    }

    // The index of "after" when an arrest comes before it and a crowd or violence after it, else null.
    private static int? ArrestsAfter(List<(string Lower, string Original)> words)
    {
        bool arrest = false;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Lower;
            arrest |= w.StartsWith("arrest", StringComparison.Ordinal) || w.StartsWith("detain", StringComparison.Ordinal);
            if (!arrest || w != "after") continue;
            var followed = words[(i + 1)..];
            return followed.Exists(v => Actors.Of(v.Lower) is ActorKind.Rioters || v.Lower is "crowds" or "crowd" or "mob") || TellsViolence(followed) ? i : null;
        }
        return null;
    }

    /// <summary>Whether the sentence tells of violence (killing, shooting, clashes, attacks, blasts), not only of a gathering or a development.</summary>
    internal static bool TellsViolence(List<(string Lower, string Original)> words) =>
        EventLexicon.RuleStemsIn(words.Select(w => EventFeatures.Stem(w.Lower))).Overlaps(EventLexicon.ViolentStems);

    /// <summary>Whether the sentence tells of an exchange of fire: "opened fire", "exchanged fire", "a shootout", "gunfire".</summary>
    internal static bool TellsGunfire(List<(string Lower, string Original)> words)
    {
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Lower;
            if (w is "shootout" or "shoot-out" or "shootouts" or "gunfire" or "firefight" or "gunfight" or "gunbattle") return true;
            if (w is "opened" or "exchanged" or "exchange" && i + 1 < words.Count && words[i + 1].Lower is "fire" or "of") return true;
        }
        return false;
    }

    // Two armed sides named, or armed groups fighting "between" themselves.
    private static bool FightBetweenArmedSides(List<(string Lower, string Original)> words)
    {
        if (ArmedSides(words) >= 2) return true;
        bool between = false, armedGroups = false;
        for (int i = 0; i < words.Count; i++)
        {
            between |= words[i].Lower == "between";
            armedGroups |= words[i].Lower is "militias" or "factions" or "rebels" or "militants" || words[i].Lower == "armed" && i + 1 < words.Count
                && words[i + 1].Lower is "groups" or "factions" or "men" or "militias";
        }
        return between && armedGroups;
    }

    // A protest word after "sparking", "triggering", "prompting": the protests follow the act, it is not done at one.
    private static bool OnlyIncendiaryBombs(List<(string Lower, string Original)> words)
    {
        bool any = false;
        for (int i = 0; i < words.Count; i++)
        {
            if (!words[i].Lower.StartsWith("bomb", StringComparison.Ordinal)) continue;
            if (i == 0 || words[i - 1].Lower is not ("petrol" or "gasoline" or "molotov" or "fire")) return false;
            any = true;
        }
        return any;
    }

    private static bool ProtestFollows(List<(string Lower, string Original)> words)
    {
        for (int i = 0; i + 1 < words.Count; i++)
            if (words[i].Lower is "sparking" or "sparked" or "triggering" or "triggered" or "prompting" or "prompted" or "provoking" or "provoked"
                or "igniting" or "ignited" or "setting" or "set" or "touching" or "touched" or "unleashing" or "unleashed")
                for (int k = i + 1; k < words.Count && k <= i + 4; k++)
                    if (words[k].Lower.StartsWith("protest", StringComparison.Ordinal) || words[k].Lower.StartsWith("demonstration", StringComparison.Ordinal)) return true;
        return false;
    }

    // How many kinds of armed actor the sentence names (state forces, police, armed groups).
    private static int ArmedSides(List<(string Lower, string Original)> words)
    {
        bool state = false, police = false, group = false;
        foreach (var (lower, _) in words)
            switch (Actors.Of(lower))
            {
                case ActorKind.Military: state = true; break;
                case ActorKind.Police: police = true; break;
                case ActorKind.ArmedGroup: group = true; break;
            }
        return (state ? 1 : 0) + (police ? 1 : 0) + (group ? 1 : 0);
    }
}
