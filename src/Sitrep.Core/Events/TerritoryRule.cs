namespace Sitrep.Events;

/// <summary>
/// The codebook's territorial sub-types, decided by who takes a place: government forces taking a
/// place back ("Government regains territory"), any other armed group taking one ("Non-state actor
/// overtakes territory"), or either taking it without a fight ("Non-violent transfer of territory").
/// A sentence tells a taking when a verb of taking control has a place as its object: a name
/// ("seized Kidal"), or a settlement or stronghold ("captured the eastern town of Bunagana").
/// </summary>
internal static class TerritoryRule
{
    private const int ObjectReach = 6; // "captured the eastern Congolese town of Bunagana"
    private const int SubjectReach = 8; // "Ukrainian forces, backed by artillery, recaptured"

    /// <summary>The territorial label the sentence's words call for, or null when they tell no armed side taking a place.</summary>
    public static string? Label(List<(string Lower, string Original)> words)
    {
        // Most sentences have no verb of taking: the detector asks this of every sentence of every report.
        if (!words.Exists(w => TakingWords.Contains(w.Lower))) return null;
        // Storming a camp to seize hostages is an abduction, not a taking of ground.
        if (words.Exists(w => w.Lower.StartsWith("kidnap", StringComparison.Ordinal) || w.Lower.StartsWith("abduct", StringComparison.Ordinal)
            || w.Lower.StartsWith("hostage", StringComparison.Ordinal))) return null;
        bool mainClauseTellsAnEvent = false;
        for (int i = 0; i < words.Count; i++)
        {
            // "The cabinet declared a state of emergency after rebels captured two towns": the cause in an
            // "after" clause is another event; the main clause's act is this sentence's.
            if (words[i].Lower is "after" or "following" && mainClauseTellsAnEvent) return null;
            mainClauseTellsAnEvent |= (EventLexicon.Of(words[i].Lower) & EventCue.Trigger) != 0;
            int verbEnd = TakingVerb(words, i);
            // A crowd storms a building; an armed side storms a town.
            if (verbEnd < 0 || !PlaceFollows(words, verbEnd, nameWillDo: words[i].Lower != "stormed")) continue;
            if (Subject(words, i) is not { } state) continue;
            if (WithoutAFight(words)) return "Strategic developments/Non-violent transfer of territory";
            return state ? "Battles/Government regains territory" : "Battles/Non-state actor overtakes territory";
        }
        return null;
    }

    private static readonly HashSet<string> TakingWords = new(StringComparer.Ordinal)
    {
        "seized", "seize", "seizes", "captured", "capture", "captures", "recaptured", "recapture", "retook", "retaken", "retake", "retakes",
        "overran", "overrun", "overruns", "entered", "enter", "enters", "stormed", "liberated", "regained", "took", "take", "takes", "taken",
    };

    // The index after a verb (phrase) of taking control that starts at i, or -1: "seized", "took control of", "overran".
    private static int TakingVerb(List<(string Lower, string Original)> words, int i)
    {
        var w = words[i].Lower;
        if (TakingWords.Contains(w))
        {
            // "took control of", "taken over", "take the town": a bare "took" needs "control" or "over" after it, or a place.
            if (w is "took" or "take" or "takes" or "taken")
            {
                if (i + 2 < words.Count && words[i + 1].Lower == "control" && words[i + 2].Lower == "of") return i + 3;
                if (i + 1 < words.Count && words[i + 1].Lower == "over") return i + 2;
                // "the insurgents took Jalalabad": a bare "took" takes a place only when a name follows at once.
                return i + 1 < words.Count && words[i + 1].Original.Length > 1 && char.IsUpper(words[i + 1].Original[0]) ? i + 1 : -1;
            }
            if (i + 2 < words.Count && words[i + 1].Lower == "control" && words[i + 2].Lower == "of") return i + 3;
            return i + 1;
        }
        return -1;
    }

    // A place is the verb's object: a capitalised name, or a settlement word, within reach and before the clause ends.
    private static bool PlaceFollows(List<(string Lower, string Original)> words, int start, bool nameWillDo)
    {
        for (int k = start; k < words.Count && k < start + ObjectReach; k++)
        {
            var (lower, original) = words[k];
            // The object ends where the clause does, or where a place of the act begins ("seized 40 hostages in Kalemie").
            if (lower is "," or ";" or "." or "and" or "after" or "when" or "as" or "in" or "at" or "near" or "on" or "from" or "during" or "with"
                || char.IsDigit(lower[0])) return false;
            if (SettlementWords.Contains(lower)) return true;
            if (nameWillDo && original.Length > 1 && char.IsUpper(original[0]) && !Months.Contains(lower) && !Weekdays.Contains(lower)) return true;
        }
        return false;
    }

    // Who takes the place: the nearest armed actor before the verb, true for a state force (army, troops,
    // police, government forces), false for any other armed side, null when no armed side is named.
    private static bool? Subject(List<(string Lower, string Original)> words, int verb)
    {
        for (int k = verb - 1; k >= 0 && k >= verb - SubjectReach; k--)
        {
            var lower = words[k].Lower;
            if (NonStateWords.Contains(lower)) return false;
            var kind = Actors.Of(lower);
            if (kind is ActorKind.Military or ActorKind.Police) return true;
            if (kind is ActorKind.ArmedGroup) return false;
        }
        return null;
    }

    private static bool WithoutAFight(List<(string Lower, string Original)> words)
    {
        for (int k = 0; k + 1 < words.Count; k++)
        {
            if (words[k].Lower != "without") continue;
            var next = words[k + 1].Lower;
            var after = k + 2 < words.Count ? words[k + 2].Lower : "";
            if (next is "resistance" or "fighting" or "bloodshed" || next is "a" or "any" && after is "fight" or "shot" or "resistance" or "struggle")
                return true;
        }
        return false;
    }

    private static readonly HashSet<string> SettlementWords = new(StringComparer.Ordinal)
    {
        "town", "city", "village", "villages", "towns", "cities", "capital", "stronghold", "base", "outpost", "district", "province",
        "region", "airport", "port", "border", "crossing", "hill", "hills", "garrison", "area", "territory", "settlement",
    };

    // Armed actors that are not the state, whatever they call themselves.
    private static readonly HashSet<string> NonStateWords = new(StringComparer.Ordinal)
    {
        "rebel", "rebels", "fighters", "insurgents", "militants", "jihadists", "militia", "militias", "militiamen", "gang", "gangs",
        "separatists", "guerrillas", "extremists", "taliban", "mercenaries", "paramilitaries",
    };

    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    private static readonly HashSet<string> Weekdays = new(StringComparer.Ordinal)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };
}
