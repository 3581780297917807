namespace Sitrep.Events;

/// <summary>
/// Codebook rules that need whole words or two words together, which the stem rules of
/// <see cref="EventLexicon.Rules"/> cannot see: protesters clashing with police or troops are a violent
/// demonstration (asked first, by <see cref="EventTyping"/>); a bomb defused or blown up in a controlled explosion is
/// disrupted weapons use; a chemical agent used is a chemical weapon; a drone
/// shot down that hit nothing is disrupted weapons use; bombs or missiles from an aircraft are an air
/// strike ("a fighter jet dropped bombs"); a force opening or moving into a base is a base established
/// ("Turkey opened a military training base"); rape is sexual violence; armed men burning or tearing down homes,
/// harming nobody, are property destruction; people seized are abducted; and, asked only where the
/// classifier is unsure (<see cref="EventTyping"/>), a crowd putting someone to death is mob violence.
/// </summary>
internal static class PhraseRules
{
    /// <summary>The sub-type the first rule that applies decides, in the order above, else null.</summary>
    public static string? Label(List<(string Lower, string Original)> words) =>
        Defused(words) ?? ChemicalWeapon(words) ?? WeaponDowned(words) ?? AirStrike(words) ?? BaseEstablished(words) ?? SexualViolence(words)
        ?? PeopleSeized(words) ?? PropertyDestroyed(words);

    /// <summary>
    /// "Riots/Violent demonstration" when protesters clash with police or troops (71 of the 75 ACLED training notes
    /// that tell of a protest and a clash with state forces are coded so, deaths or not).
    /// </summary>
    public static string? ProtestClash(List<(string Lower, string Original)> words)
    {
        bool protest = false, clashWithForces = false;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Lower;
            protest |= w.StartsWith("protest", StringComparison.Ordinal) || w.StartsWith("demonstrat", StringComparison.Ordinal) || w is "unrest" || w.StartsWith("riot", StringComparison.Ordinal) && w != "riot";
            if (w is not ("clash" or "clashes" or "clashed") || i + 1 >= words.Count || words[i + 1].Lower != "with") continue;
            int k = i + 2 < words.Count && words[i + 2].Lower == "the" ? i + 3 : i + 2;
            clashWithForces |= k < words.Count && words[k].Lower is "police" or "security" or "soldiers" or "troops" or "gendarmes" or "army" or "riot";
        }
        return protest && clashWithForces ? "Riots/Violent demonstration" : null;
    }

    /// <summary>
    /// "Violence against civilians/Abduction/forced disappearance" when people are seized, snatched or grabbed
    /// ("seized at least 26 Qatari nationals"): the codebook's taking of people, not of goods or ground.
    /// </summary>
    public static string? PeopleSeized(List<(string Lower, string Original)> words)
    {
        for (int i = 0; i < words.Count; i++)
        {
            if (words[i].Lower is not ("seized" or "snatched" or "grabbed" or "seizing" or "snatching")) continue;
            for (int k = i + 1; k < words.Count && k <= i + 6; k++)
            {
                var w = words[k].Lower;
                // What was taken comes first: "seized control of", "snatching land of Tamil people".
                if (w is "," or "." or "and" or "from" or "in" or "control" or "land" or "lands" or "property" or "weapons" or "cattle"
                    or "livestock" or "goods" or "vehicles" or "money") break;
                if (IsPeople(w)) return "Violence against civilians/Abduction/forced disappearance";
            }
            // Passive: "The group - 12 adults and five children - was seized in Ganthier".
            if (i >= 1 && words[i - 1].Lower is "was" or "were")
                for (int k = i - 2; k >= 0 && k >= i - 10; k--)
                    if (IsPeople(words[k].Lower)) return "Violence against civilians/Abduction/forced disappearance";
        }
        return null;
    }

    private static bool IsPeople(string w) =>
        w is "people" or "persons" or "nationals" or "civilians" or "hostages" or "passengers" or "students" or "schoolchildren"
            or "pupils" or "workers" or "men" or "women" or "children" or "adults" or "villagers" or "tourists" or "foreigners" or "travellers"
            or "travelers" or "pilgrims" or "fishermen" or "farmers" or "traders" or "staff" or "employees" or "missionaries";

    /// <summary>
    /// "Strategic developments/Looting/property destruction" when soldiers, police or an armed group burn or tear down
    /// homes or buildings and the sentence tells of no crowd and no one harmed (138 of the 149 ACLED training notes so
    /// told), or when something is burned and the sentence names no one who could be a crowd (190 of 230: "unidentified
    /// arsonists burned down a church", "fires had been started in cable ducts").
    /// </summary>
    public static string? PropertyDestroyed(List<(string Lower, string Original)> words)
    {
        bool destroyed = false, property = false, armed = false, people = false;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Lower;
            var next = i + 1 < words.Count ? words[i + 1].Lower : "";
            if (HarmOrCrowd(w)) return null;
            people |= w is "residents" or "villagers" or "youths" or "supporters" or "students" or "workers" or "people" or "men";
            destroyed |= w is "torched" or "torching" or "demolished" or "demolishing" or "razed" or "burned" or "burnt" or "burning" or "arson"
                || w is "set" && next is "fire" or "ablaze" || w is "tore" or "tearing" && next == "down"
                // "fires had been started in cable ducts"
                || w is "fire" or "fires" && words.Skip(i + 1).Take(3).Any(v => v.Lower is "started" or "set" or "lit");
            property |= w is "home" or "homes" or "house" or "houses" or "building" or "buildings" or "shops" or "village" or "villages"
                or "property" or "properties" or "structures" or "church" or "churches" or "mosque" or "mosques" or "school" or "schools";
            armed |= Actors.Of(w) is ActorKind.Military or ActorKind.Police or ActorKind.ArmedGroup;
        }
        return destroyed && (property && armed || !people) ? "Strategic developments/Looting/property destruction" : null;
    }

    private static bool HarmOrCrowd(string w) =>
        w.StartsWith("kill", StringComparison.Ordinal) || w.StartsWith("injur", StringComparison.Ordinal) || w.StartsWith("wound", StringComparison.Ordinal)
        || w.StartsWith("attack", StringComparison.Ordinal) || w.StartsWith("clash", StringComparison.Ordinal) || w.StartsWith("fight", StringComparison.Ordinal)
        || w.StartsWith("bomb", StringComparison.Ordinal) || w.StartsWith("explo", StringComparison.Ordinal) || w.StartsWith("shell", StringComparison.Ordinal)
        || w.StartsWith("abduct", StringComparison.Ordinal) || w.StartsWith("protest", StringComparison.Ordinal) || w.StartsWith("demonstrat", StringComparison.Ordinal)
        || w is "dead" or "died" or "death" or "shot" or "fired" or "rape" or "raped" or "beat" or "beaten" or "mine" or "strike" or "missile" or "rocket" or "drone"
            or "rioters" or "mob" or "crowd" or "crowds";

    /// <summary>
    /// "Strategic developments/Disrupted weapons use" when a bomb is defused or blown up in a controlled
    /// explosion (the codebook's defusal; 87 of the 95 ACLED training notes so told are coded so).
    /// </summary>
    public static string? Defused(List<(string Lower, string Original)> words)
    {
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Lower;
            var next = i + 1 < words.Count ? words[i + 1].Lower : "";
            if (w.StartsWith("defus", StringComparison.Ordinal) || w is "controlled" && next is "explosion" or "explosions" or "detonation"
                || w is "bomb" && next is "disposal" or "squad" || w is "safely" && next is "detonated")
                return "Strategic developments/Disrupted weapons use";
        }
        return null;
    }

    /// <summary>
    /// "Explosions/Remote violence/Chemical weapon" when the sentence names a chemical agent (the
    /// codebook's sub-type; the training notes hold none, so it cannot be learned).
    /// </summary>
    public static string? ChemicalWeapon(List<(string Lower, string Original)> words)
    {
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Lower;
            var next = i + 1 < words.Count ? words[i + 1].Lower : "";
            if (w is "chlorine" or "sarin" or "novichok" or "phosgene" || w is "nerve" && next is "agent" or "agents"
                || w is "mustard" && next == "gas" || w is "chemical" && next is "weapon" or "weapons" or "attack" or "attacks")
                return "Explosions/Remote violence/Chemical weapon";
        }
        return null;
    }

    /// <summary>
    /// "Strategic developments/Disrupted weapons use" when a drone is shot down, downed or intercepted
    /// and the sentence tells of nothing it hit (24 of the 26 ACLED training notes so told are coded so;
    /// with strikes or casualties the attack is the event).
    /// </summary>
    public static string? WeaponDowned(List<(string Lower, string Original)> words)
    {
        bool drone = false, downed = false;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Lower;
            var next = i + 1 < words.Count ? words[i + 1].Lower : "";
            if (w is "hit" or "hits" or "struck" or "killed" or "killing" or "injured" or "wounded" or "damaged" or "destroyed" or "debris") return null;
            drone |= w is "drone" or "drones" or "uav" or "uavs";
            downed |= w is "downed" or "intercepted" or "intercepts" || w is "shot" or "shoot" or "shoots" or "brought" && next == "down";
        }
        return drone && downed ? "Strategic developments/Disrupted weapons use" : null;
    }
    /// <summary>"Explosions/Remote violence/Air/drone strike" when an aircraft delivers the weapon, else null. A grenade stays a grenade, whoever drops it.</summary>
    public static string? AirStrike(List<(string Lower, string Original)> words)
    {
        bool aircraft = false, weapon = false;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Lower;
            if (w.StartsWith("grenade", StringComparison.Ordinal)) return null;
            if (w is "airstrike" or "airstrikes" or "warplane" or "warplanes" || w is "air" && i + 1 < words.Count && words[i + 1].Lower is "strike" or "strikes" or "raid" or "raids")
                return "Explosions/Remote violence/Air/drone strike";
            aircraft |= w is "jet" or "jets" or "aircraft" or "helicopter" or "helicopters" or "plane" or "planes" or "drone" or "drones" or "gunship" or "gunships";
            weapon |= w is "bomb" or "bombs" or "bombed" or "bombing" or "bombarded" or "missile" or "missiles" or "rocket" or "rockets" or "dropped" or "struck" or "strike" or "strikes";
        }
        return aircraft && weapon ? "Explosions/Remote violence/Air/drone strike" : null;
    }

    /// <summary>"Strategic developments/Headquarters or base established" when a force opens, sets up or moves into a base, else null.</summary>
    public static string? BaseEstablished(List<(string Lower, string Original)> words)
    {
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Lower;
            var next = i + 1 < words.Count ? words[i + 1].Lower : "";
            bool opens = w is "opened" or "opens" or "established" or "establishes" or "inaugurated" or "built"
                || w is "set" && next == "up" || w is "moved" && next == "into";
            if (!opens) continue;
            for (int k = i + 1; k < words.Count && k <= i + 7; k++)
                if (words[k].Lower is "base" or "bases" or "headquarters" or "outpost" or "outposts") return "Strategic developments/Headquarters or base established";
        }
        return null;
    }

    /// <summary>
    /// "Violence against civilians/Sexual violence" when the sentence tells of rape, and of no demonstration
    /// and no accusation, report or rumour of it (ACLED training notes so told: 61 of 71 coded so; with
    /// such words 7 of 13, the rest mobs, attacks and protests that the rape set off).
    /// </summary>
    public static string? SexualViolence(List<(string Lower, string Original)> words)
    {
        bool rape = false;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Lower;
            if (w.StartsWith("protest", StringComparison.Ordinal) || w.StartsWith("demonstrat", StringComparison.Ordinal) || w is "rally" or "march" or "marched"
                || w is "accused" or "alleged" or "allegedly" or "allegation" or "allegations" or "charged" or "report" or "reports"
                    or "rumour" or "rumours" or "rumor" or "rumors" or "suspected") return null;
            rape |= w is "rape" or "raped" or "rapes" or "raping" or "gang-raped" or "gang-rape" or "gang-raping"
                || w is "sexual" or "sexually" && i + 1 < words.Count && words[i + 1].Lower is "violence" or "assault" or "assaulted" or "abuse" or "abused";
        }
        return rape ? "Violence against civilians/Sexual violence" : null;
    }

    /// <summary>"Riots/Mob violence" when a crowd lynches someone or beats, stones or burns them to death.</summary>
    public static string? Lynching(List<(string Lower, string Original)> words)
    {
        bool crowd = false, killing = false;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Lower;
            crowd |= w is "mob" or "crowd" or "crowds" or "residents" or "villagers" or "students";
            killing |= w.StartsWith("lynch", StringComparison.Ordinal) || w is "death" && i >= 2 && words[i - 1].Lower == "to" && PutToDeath(words, i);
        }
        return crowd && killing ? "Riots/Mob violence" : null;
    }

    // "beat and stoned her to death": a verb of beating, stoning or burning among the five words before "death".
    private static bool PutToDeath(List<(string Lower, string Original)> words, int death)
    {
        for (int k = Math.Max(0, death - 5); k < death; k++)
            if (words[k].Lower is "beat" or "beaten" or "stoned" or "burned" or "burnt" or "hacked") return true;
        return false;
    }
}
