namespace Sitrep.Places;

/// <summary>
/// The geoparser's settings that are set, not learned: how far it looks for a name and its context, how
/// many of a name's entries it ranks, and how the ranker's margin becomes a confidence. How much each
/// signal counts when choosing among a name's entries is learned: <see cref="PlaceRanker"/>'s weights
/// (<c>models/place-ranker.tsv</c>, <c>sitrep train places</c>).
/// </summary>
internal sealed record GeoparserOptions
{
    /// <summary>The defaults the development figures were measured with.</summary>
    public static GeoparserOptions Default { get; } = new();

    /// <summary>Longest place name, and widest reach of a cue ("the Kazakh port city of"), in tokens.</summary>
    public int MaxNameTokens { get; init; } = 6;

    /// <summary>Smallest population for a populated place matched only by the gazetteer (no entity, no cue).</summary>
    public int MinimumUntaggedPopulation { get; init; } = 100_000;

    /// <summary>How many of a name's entries are ranked: postings come sorted by prior, and the tail never wins.</summary>
    public int MaxEntriesRanked { get; init; } = 64;

    /// <summary>How many of a name's entries get the nearness feature: the tail of a long posting list (Springfield, San José) is not worth the distances.</summary>
    public int NearnessCandidates { get; init; } = 16;

    /// <summary>A resolved place's vote for its country in the report's focus, where a country named outright counts 1.</summary>
    public double PlaceVote { get; init; } = 0.5;

    /// <summary>The nearness feature by distance to the nearest other place of the report: (within km, value), nearest first; 0 beyond the last.</summary>
    public IReadOnlyList<(double Km, double Value)> NearnessSteps { get; init; } = [(50, 1), (300, 0.7), (1000, 0.3)];

    /// <summary>The confidence of a place the tagger called a location, when its entry wins by a wide margin.</summary>
    public double TaggedConfidence { get; init; } = 0.95;

    /// <summary>The confidence of a place found by the gazetteer alone, when its entry wins by a wide margin.</summary>
    public double UntaggedConfidence { get; init; } = 0.8;

    /// <summary>The margin a lone entry is taken to win by; a margin m keeps 1 - e^-m / 2 of the confidence.</summary>
    public double LoneEntryMargin { get; init; } = 3;
}
