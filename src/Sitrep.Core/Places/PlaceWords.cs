using Sitrep.Text;

namespace Sitrep.Places;

/// <summary>The geoparser's closed word lists (<c>geoparser-words.tsv</c>): cue, link, facility and connector words.</summary>
internal static class PlaceWords
{
    /// <summary>The lexicon, read once; the geoparser's parts take their lists from it.</summary>
    public static readonly Lexicon Lexicon = Lexicon.Embedded("geoparser-words.tsv");
}
