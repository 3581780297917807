using Sitrep.Documents;

namespace Sitrep.Places;

/// <summary>
/// Finds the toponyms of a report and puts each on the map. Candidates come from the tagger's LOC
/// entities and from gazetteer matches over capitalised words; each is resolved by weighing the
/// entry's prior (population, kind, capital or seat) against what the report says around it: the
/// countries it is about, explicit containment ("Taraz in the Zhambyl region", "Paris, Texas",
/// "Burkina Faso's Yagha province", "the Kazakh city of Aktau") and nearness to its other places.
/// </summary>
internal sealed partial class Geoparser(Gazetteer gazetteer, PlaceRanker? ranker = null, GeoparserOptions? options = null)
{
    private readonly PlaceRanker _ranker = ranker ?? PlaceRanker.Default;
    private readonly GeoparserOptions _options = options ?? GeoparserOptions.Default;

    /// <summary>
    /// Called in the final pass with each mention's span and every entry considered for it with its
    /// features (for learning the ranker's weights); null in normal use.
    /// </summary>
    public Action<TextRange, List<(int Entry, double[] Features)>>? OnRanked { get; init; }

    /// <summary>Resolves the toponyms of <paramref name="document"/> (tokens and sentences required; entities used when present).</summary>
    public List<PlaceMention> Parse(Document document) => Parse(document, null);

    /// <summary>Resolves the toponyms of <paramref name="document"/> as <see cref="Parse(Document)"/> does, saying for each mention why its place won.</summary>
    public List<PlaceExplanation> Explain(Document document)
    {
        var explanations = new List<PlaceExplanation>();
        Parse(document, explanations);
        return explanations;
    }

    private List<PlaceMention> Parse(Document document, List<PlaceExplanation>? explanations)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var entityTypes = EntityTypes(document);
        var candidates = new List<Candidate>();
        var focus = new Dictionary<ushort, double>();
        Span<char> key = stackalloc char[PlaceNames.MaxKeyLength];

        foreach (var sentence in document.Sentences)
        {
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                if (!StartsName(text, tokens[t]) && !OpensArabicName(document, sentence, t)) continue;
                var demonym = Demonym(text, tokens[t], key);
                if (demonym >= 0)
                {
                    Add(focus, gazetteer.CountryCode(demonym), 1);
                    if (entityTypes[t] is not (EntityKind.Location or EntityKind.None)) continue;
                }
                bool afterPlace = candidates.Count > 0 && candidates[^1].EndToken == t - 1 && text[tokens[t - 1].Start] == ',';
                var found = Match(document, entityTypes, sentence, t, key, afterPlace, out int next);
                if (found is not null) candidates.Add(found);
                t = next - 1;
            }
        }
        if (candidates.Count == 0) return [];

        LinkContainment(document, candidates);
        foreach (var c in candidates)
            if (c.IsCountryName(gazetteer)) Add(focus, gazetteer.CountryCode(c.Postings[0] & NameIndex.EntryMask), 1);
        // A feed of one country's press: its country counts as if the report named it once.
        if (document.SourceCountry is { } source) Add(focus, CountryCodes.Pack(source), 1);

        // Two passes: the second sees where the first put the report's other places.
        Resolve(candidates, focus, document.Date, nearby: false);
        var focusWithPlaces = new Dictionary<ushort, double>(focus);
        foreach (var c in candidates)
            if (c.Chosen >= 0 && gazetteer.Level(c.Chosen) != PlaceLevel.Country) Add(focusWithPlaces, gazetteer.CountryCode(c.Chosen), _options.PlaceVote);
        Resolve(candidates, focusWithPlaces, document.Date, nearby: true, explanations);

        var places = new List<PlaceMention>(candidates.Count);
        var named = new Dictionary<int, (string Name, string Country, string? Admin1)>(); // a report names the same places again and again
        foreach (var c in candidates)
        {
            if (c.Chosen < 0) continue;
            int e = c.Chosen;
            int point = MapPoint(c, e);
            if (!named.TryGetValue(e, out var names))
            {
                int admin1 = gazetteer.Admin1On(e, document.Date);
                named[e] = names = (gazetteer.Name(e), gazetteer.Country(e), admin1 >= 0 && gazetteer.Level(e) != PlaceLevel.Admin1 ? gazetteer.Name(admin1) : null);
            }
            places.Add(new PlaceMention(new TextRange(c.Start, c.End), names.Name, gazetteer.GeonameId(e),
                Math.Round(gazetteer.Latitude(point), 5), Math.Round(gazetteer.Longitude(point), 5), names.Country, names.Admin1,
                LevelOf(c, e), Math.Round(c.Confidence, 2)));
        }
        return places;
    }

    // KnownPerson: a one-word person whose full name the report gives ("Manuel Merino" ... "Merino's cabinet").
    private enum EntityKind : byte { None, Location, Person, KnownPerson, Other }

    private enum Cue : byte { None, Division, Settlement }

    private sealed class Candidate
    {
        public int FirstToken, EndToken, Start, End;
        public ArraySegment<int> Postings = [];
        public bool Tagged;
        public bool Fuzzy;            // matched by sound, not spelling
        public Cue Cue;
        public ushort CueCountry;     // "the Kazakh city of Aktau"
        public readonly List<int> Parents = [];
        public readonly List<int> Children = [];
        public bool ParentInParentheses; // "Bule (Djugu, Ituri)": what follows in brackets holds it
        public bool AllCaps;                // "WA", "SAN": written as a code
        public bool CalledTown;             // "Gaza city": a lower-case "city", "town" or "village" follows
        public int Chosen = -1;
        public double Confidence;
        public string Key = "";

        public bool IsCountryName(Gazetteer g) =>
            Postings.Count > 0 && g.Level(Postings[0] & NameIndex.EntryMask) == PlaceLevel.Country && (Postings[0] & NameIndex.CoreFlag) == 0;
    }

    private static void Add(Dictionary<ushort, double> counts, ushort key, double weight)
    {
        if (key != 0) counts[key] = counts.GetValueOrDefault(key) + weight;
    }
}
