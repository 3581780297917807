namespace Sitrep.Events;

/// <summary>An ACLED actor named by a kind of word in the evidence, with its inter code.</summary>
internal enum ActorKind
{
    /// <summary>State military (inter 1).</summary>
    Military,
    /// <summary>State police (inter 1).</summary>
    Police,
    /// <summary>An armed group of unknown allegiance (inter 3).</summary>
    ArmedGroup,
    /// <summary>Rioters (inter 5).</summary>
    Rioters,
    /// <summary>Protesters (inter 6).</summary>
    Protesters,
    /// <summary>Civilians (inter 7).</summary>
    Civilians,
}

/// <summary>Actor words and ACLED's names for them ("Police Forces of Kazakhstan", "Protesters (Kazakhstan)").</summary>
internal static class Actors
{
    private static readonly Dictionary<string, ActorKind> Words = new(StringComparer.Ordinal)
    {
        ["military"] = ActorKind.Military, ["army"] = ActorKind.Military, ["troop"] = ActorKind.Military, ["soldier"] = ActorKind.Military,
        ["armor"] = ActorKind.Military, ["armour"] = ActorKind.Military, ["peacekeeper"] = ActorKind.Military, ["force"] = ActorKind.Military,
        ["police"] = ActorKind.Police, ["policemen"] = ActorKind.Police, ["officer"] = ActorKind.Police, ["law"] = ActorKind.Police,
        ["gendarme"] = ActorKind.Police, ["security"] = ActorKind.Police,
        ["gunmen"] = ActorKind.ArmedGroup, ["militant"] = ActorKind.ArmedGroup, ["faction"] = ActorKind.ArmedGroup, ["insurgent"] = ActorKind.ArmedGroup, ["assailant"] = ActorKind.ArmedGroup,
        ["rioter"] = ActorKind.Rioters, ["riot"] = ActorKind.Rioters, ["bandit"] = ActorKind.Rioters, ["attacker"] = ActorKind.Rioters,
        ["looter"] = ActorKind.Rioters, ["mob"] = ActorKind.Rioters, ["marauding"] = ActorKind.Rioters,
        ["protester"] = ActorKind.Protesters, ["protestor"] = ActorKind.Protesters, ["demonstrator"] = ActorKind.Protesters,
        ["activist"] = ActorKind.Protesters, ["rally"] = ActorKind.Protesters, ["protest"] = ActorKind.Protesters,
        ["civilian"] = ActorKind.Civilians, ["villager"] = ActorKind.Civilians, ["resident"] = ActorKind.Civilians,
        ["doctor"] = ActorKind.Civilians, ["patient"] = ActorKind.Civilians, ["journalist"] = ActorKind.Civilians,
    };

    /// <summary>The actor kind a lower-cased word names, if any.</summary>
    public static ActorKind? Of(string lowerWord) => Words.TryGetValue(EventFeatures.Stem(lowerWord), out var kind) ? kind : null;

    /// <summary>ACLED's name for an actor of <paramref name="kind"/> from <paramref name="country"/> (a country name).</summary>
    public static string Name(ActorKind kind, string country) => kind switch
    {
        ActorKind.Military => $"Military Forces of {country}",
        ActorKind.Police => $"Police Forces of {country}",
        ActorKind.ArmedGroup => $"Unidentified Armed Group ({country})",
        ActorKind.Rioters => $"Rioters ({country})",
        ActorKind.Protesters => $"Protesters ({country})",
        _ => $"Civilians ({country})",
    };

    /// <summary>ACLED's inter code.</summary>
    public static int Inter(ActorKind kind) => kind switch
    {
        ActorKind.Military or ActorKind.Police => 1,
        ActorKind.ArmedGroup => 3,
        ActorKind.Rioters => 5,
        ActorKind.Protesters => 6,
        _ => 7,
    };
}
