using System.Collections.Frozen;

namespace Sitrep.Text;

/// <summary>Words that keep their trailing period ("Jan.", "Gen.") and words that typically open a sentence.</summary>
internal static class Abbreviations
{
    // Case-sensitive: "No." (number) is an abbreviation, "no." at a sentence end is not.
    private static readonly FrozenSet<string> Known = FrozenSet.ToFrozenSet(
    [
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Jr", "Sr", "St", "Mt", "Ft", "Hon", "Messrs", "Rev",
        "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Brig", "Gov",
        "Sen", "Rep", "Pres", "Supt", "Insp", "Amb", "Sec",
        "Inc", "Ltd", "Corp", "Co", "Bros", "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd",
        "No", "Nos", "Vol", "vs", "etc", "approx", "est", "al", "fig", "cf", "ca",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownLookup =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    // After an abbreviation, a capitalised word usually continues the sentence ("U.S. President");
    // these words instead usually start a new one ("... in the U.S. The talks ...").
    private static readonly FrozenSet<string> SentenceStarters = FrozenSet.ToFrozenSet(
    [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
        "There", "His", "Her", "Its", "Their", "Our", "In", "On", "At", "But", "And", "Yet", "So",
        "However", "Meanwhile", "According", "After", "Before", "Earlier", "Later", "Some", "Many",
        "No", "Police", "Officials", "Witnesses",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup =
        SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="word"/> (without its period) is a known abbreviation.</summary>
    public static bool IsKnown(ReadOnlySpan<char> word) => KnownLookup.Contains(word);

    /// <summary>True when <paramref name="word"/> typically begins a sentence.</summary>
    public static bool IsSentenceStarter(ReadOnlySpan<char> word) => StarterLookup.Contains(word);
}
