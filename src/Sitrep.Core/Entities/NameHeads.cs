namespace Sitrep.Entities;

/// <summary>
/// Repairs the tagger's spans where a name's own words decide: a name ending in an organisation's
/// head noun is an organisation ("Russian Aerospace Forces", not a nationality), and a broadcaster's
/// number is part of its name ("Khabar 24 TV channel", "“France 24”"), and a name does not end in an
/// opening bracket ("Donga LGA (Taraba)": the bracket opens the container, not more of the name).
/// </summary>
internal static class NameHeads
{
    private static readonly HashSet<string> OrganisationHeads = new(StringComparer.Ordinal)
    {
        "Forces", "Force", "Army", "Navy", "Ministry", "Party", "Council", "Committee", "Agency", "Service", "Services",
        "Guard", "Guards", "Police", "Union", "Front", "Movement", "Bank", "Company", "Corporation", "Group", "Brigade",
        "Brigades", "Battalion", "Regiment", "Commission", "Parliament", "Assembly", "Court", "Office", "Department",
    };

    private static readonly HashSet<string> MediaWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "TV", "channel", "television", "radio", "broadcaster",
    };

    private static readonly HashSet<string> ClosingQuotes = new(StringComparer.Ordinal) { "”", "\"", "»", "'", "’" };

    /// <summary>Retypes and extends the chunks of one sentence's BIO <paramref name="tags"/> in place.</summary>
    public static void Apply(IReadOnlyList<string> words, string[] tags)
    {
        foreach (var (type, start, end) in ConllCorpus.Chunks(tags).ToList()) // the tags change under the loop
        {
            if (end - start >= 2 && words[end - 1] == "(")
            {
                tags[end - 1] = "O";
                continue;
            }
            if (type == "MISC" && end - start >= 2 && OrganisationHeads.Contains(words[end - 1]))
            {
                tags[start] = "B-ORG";
                for (int i = start + 1; i < end; i++) tags[i] = "I-ORG";
            }
            else if (type == "ORG" && end + 1 < words.Count && tags[end] == "O" && IsChannelNumber(words[end])
                     && (MediaWords.Contains(words[end + 1]) || ClosingQuotes.Contains(words[end + 1])))
            {
                tags[end] = "I-ORG";
            }
        }
    }

    private static bool IsChannelNumber(string word) => word.Length is >= 1 and <= 3 && word.All(char.IsAsciiDigit);
}
