namespace Sitrep.Events;

/// <summary>
/// Two codebook rules that need two words together, which the single-stem rules of
/// <see cref="EventLexicon.Rules"/> cannot see: bombs or missiles from an aircraft are an air strike
/// ("a fighter jet dropped bombs", "aircraft carried out an air strike"), and a force opening or
/// moving into a base is a base established ("Turkey opened a military training base").
/// </summary>
internal static class WeaponAndBaseRules
{
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
}
