using System.Collections.Frozen;
using Sitrep.Text;

namespace Sitrep.Attribution;

/// <summary>Reporting verbs, role words and the words that tell what kind of source someone is (<c>attribution-words.tsv</c>, matched in any case).</summary>
internal static class AttributionLexicon
{
    private static readonly Lexicon Words = Lexicon.Embedded("attribution-words.tsv");

    /// <summary>Verbs that credit a claim to their subject ("X said that …", "…, police said").</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReportingVerbs = Words.Set("reporting-verbs", StringComparer.OrdinalIgnoreCase);

    /// <summary>Words naming a role rather than a person: the name, if any, comes after the last of them.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = Words.Set("titles", StringComparer.OrdinalIgnoreCase);

    /// <summary>Role words that speak for an organisation named after them ("the presenter on the air of Khabar 24").</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Speakers = Words.Set("speakers", StringComparer.OrdinalIgnoreCase);

    /// <summary>Pronouns that refer back to the last person credited.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Pronouns = Words.Set("pronouns", StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that make a source a media outlet.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Media = Words.Set("media", StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that make a source a security force.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Security = Words.Set("security", StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that make a source the government or a state body.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Government = Words.Set("government", StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that make a source a non-governmental organisation.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Ngo = Words.Set("ngo", StringComparer.OrdinalIgnoreCase);

    /// <summary>Heads of a definite description that refers back to a source named earlier ("the TV channel", "the department").</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AnaphoricHeads = Words.Set("anaphoric-heads", StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that show a phrase is a clause, not the name of a source ("at least 10 people were killed").</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseWords = Words.Set("clause-words", StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that make a source a witness.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Witnesses = Words.Set("witnesses", StringComparer.OrdinalIgnoreCase);
}
