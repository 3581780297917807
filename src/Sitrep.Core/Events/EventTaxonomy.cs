namespace Sitrep.Events;

/// <summary>The ACLED event taxonomy (exact strings), its PLOVER counterparts and ACLED's actor inter codes.</summary>
internal static class EventTaxonomy
{
    /// <summary>Every event type with its sub-event types, as ACLED spells them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> SubTypes = new Dictionary<string, string[]>
    {
        ["Battles"] = ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
        ["Explosions/Remote violence"] = ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
        ["Violence against civilians"] = ["Sexual violence", "Attack", "Abduction/forced disappearance"],
        ["Protests"] = ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
        ["Riots"] = ["Violent demonstration", "Mob violence"],
        ["Strategic developments"] = ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"],
    };

    /// <summary>
    /// ACLED's disorder type of an event type: "Political violence" (battles, explosions, violence
    /// against civilians), "Demonstrations" (protests, riots) or "Strategic developments".
    /// </summary>
    public static string DisorderType(string eventType) => eventType switch
    {
        "Battles" or "Explosions/Remote violence" or "Violence against civilians" => "Political violence",
        "Protests" or "Riots" => "Demonstrations",
        _ => "Strategic developments",
    };

    /// <summary>"Protests/Peaceful protest".</summary>
    public static string Label(string eventType, string subEventType) => $"{eventType}/{Normalise(subEventType)}";

    /// <summary>Splits a label back into type and sub-type.</summary>
    public static (string EventType, string SubEventType) Split(string label)
    {
        foreach (var type in SubTypes.Keys)
            if (label.StartsWith(type + "/", StringComparison.Ordinal)) return (type, label[(type.Length + 1)..]);
        throw new ArgumentException($"not an ACLED label: {label}", nameof(label));
    }

    /// <summary>ACLED has spelled "protesters" both ways; the contract uses "protesters".</summary>
    public static string Normalise(string subEventType) => subEventType.Replace("protestors", "protesters", StringComparison.Ordinal);

    /// <summary>The PLOVER event type closest to an ACLED sub-event type.</summary>
    public static string Plover(string eventType, string subEventType) => (eventType, subEventType) switch
    {
        ("Protests", _) => "PROTEST",
        ("Riots", _) => "PROTEST",
        ("Battles", _) => "ASSAULT",
        ("Explosions/Remote violence", _) => "ASSAULT",
        ("Violence against civilians", "Abduction/forced disappearance") => "ASSAULT",
        ("Violence against civilians", _) => "ASSAULT",
        ("Strategic developments", "Agreement") => "AGREE",
        ("Strategic developments", "Arrests") => "SEIZE",
        ("Strategic developments", "Looting/property destruction") => "SEIZE",
        ("Strategic developments", "Headquarters or base established") => "MOBILIZE",
        ("Strategic developments", "Non-violent transfer of territory") => "SEIZE",
        ("Strategic developments", "Disrupted weapons use") => "SEIZE",
        _ => "OTHER",
    };
}
