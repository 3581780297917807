using System.Collections.Frozen;

namespace Sitrep.Attribution;

/// <summary>Reporting verbs, role words and the words that tell what kind of source someone is.</summary>
internal static class AttributionLexicon
{
    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(params string[] words) =>
        words.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Verbs that credit a claim to their subject ("X said that …", "…, police said").</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReportingVerbs = Set(
        "said", "says", "say", "told", "tells", "reported", "reports", "noted", "notes", "stated", "states", "announced",
        "announces", "claimed", "claims", "added", "adds", "explained", "explains", "emphasized", "emphasised", "emphasizes",
        "confirmed", "confirms", "warned", "warns", "insisted", "alleged", "wrote", "tweeted", "declared", "denied",
        "estimated", "acknowledged", "admitted", "stressed", "argued", "believes", "believe", "quoted", "cited");

    /// <summary>Words naming a role rather than a person: the name, if any, comes after the last of them.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = Set(
        "President", "Vice-President", "Prime", "Minister", "Secretary", "Secretary-General", "General", "Gen.", "Colonel",
        "Col.", "Lieutenant", "Lt.", "Major", "Maj.", "Captain", "Capt.", "Commander", "Chief", "Director", "Head", "Mayor",
        "Governor", "Gov.", "King", "Queen", "Prince", "Chancellor", "Ambassador", "Spokesman", "Spokeswoman", "Spokesperson",
        "Speaker", "Senator", "Sen.", "Representative", "Rep.", "Chairman", "Chairwoman", "Leader", "Foreign", "Defence",
        "Defense", "Interior", "Health", "Deputy", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Emir", "Commissioner",
        "Envoy", "Attorney", "Judge", "Justice", "Pope", "Archbishop", "Bishop", "Imam", "Premier", "Official", "Officer");

    /// <summary>Role words that speak for an organisation named after them ("the presenter on the air of Khabar 24").</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Speakers = Set(
        "presenter", "spokesman", "spokeswoman", "spokesperson", "representative", "correspondent", "official", "officials",
        "source", "sources", "statement", "anchor", "head", "chief", "director", "member", "members");

    /// <summary>Pronouns that refer back to the last person credited.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Pronouns = Set("he", "she", "they");

    /// <summary>Words that make a source a media outlet.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Media = Set(
        "channel", "TV", "television", "radio", "agency", "newspaper", "paper", "journalists", "journalist", "reporters",
        "reporter", "correspondent", "correspondents", "media", "broadcaster", "outlet", "website", "presenter", "anchor",
        "Reuters", "AFP", "AP", "TASS", "Interfax", "RIA", "Xinhua", "BBC", "CNN", "Al", "Jazeera", "Khabar", "Tengrinews");

    /// <summary>Words that make a source a security force.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Security = Set(
        "police", "army", "military", "troops", "forces", "commandant's", "commandant’s", "commander", "general", "colonel",
        "soldiers", "guard", "gendarmerie", "security", "defence", "defense", "militia", "brigade", "battalion", "officers", "junta");

    /// <summary>Words that make a source the government or a state body.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Government = Set(
        "ministry", "minister", "government", "president", "presidential", "prime", "authorities", "officials", "official",
        "department", "office", "secretariat", "council", "commission", "parliament", "mayor", "governor", "state",
        "kremlin", "cabinet", "spokesman", "spokesperson", "embassy", "administration", "agency", "committee", "CSTO",
        "ombudsman", "ombudsman's", "ombudsman’s", "authority", "authorities");

    /// <summary>Words that make a source a non-governmental organisation.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Ngo = Set(
        "rights", "group", "groups", "NGO", "charity", "Amnesty", "Watch", "Red", "Crescent", "Cross", "doctors", "MSF",
        "monitor", "monitoring", "observatory", "NetBlocks", "Hengaw", "association", "union", "unions", "UN", "UNHCR", "OCHA", "aid");

    /// <summary>Heads of a definite description that refers back to a source named earlier ("the TV channel", "the department").</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AnaphoricHeads = Set(
        "channel", "department", "ministry", "agency", "committee", "commission", "office", "secretariat", "president",
        "minister", "spokesman", "spokesperson", "spokeswoman", "newspaper", "organisation", "organization", "group", "council",
        "broadcaster", "mayor", "governor", "commander", "officer", "official");

    /// <summary>Words that show a phrase is a clause, not the name of a source ("at least 10 people were killed").</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseWords = Set(
        "was", "were", "is", "are", "has", "have", "had", "will", "would", "could", "did", "been", "being");

    /// <summary>Words that make a source a witness.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Witnesses = Set(
        "witness", "witnesses", "eyewitness", "eyewitnesses", "residents", "resident", "survivors", "survivor", "locals",
        "passengers", "villagers", "activists", "protesters", "demonstrators", "relatives");
}
