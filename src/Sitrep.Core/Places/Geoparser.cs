using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Places;

/// <summary>
/// Finds the toponyms of a report and puts each on the map. Candidates come from the tagger's LOC
/// entities and from gazetteer matches over capitalised words; each is resolved by weighing the
/// entry's prior (population, kind, capital or seat) against what the report says around it: the
/// countries it is about, explicit containment ("Taraz in the Zhambyl region", "Paris, Texas",
/// "Burkina Faso's Yagha province", "the Kazakh city of Aktau") and nearness to its other places.
/// </summary>
internal sealed partial class Geoparser(Gazetteer gazetteer, PlaceRanker? ranker = null)
{
    private readonly PlaceRanker _ranker = ranker ?? PlaceRanker.Default;
    private const int MaxNameTokens = 6;
    private const int NearnessCandidates = 16; // the tail of a long posting list (Springfield, San José) is not worth the distances
    private const double PlaceVote = 0.5; // a resolved place's vote for its country, after a country name's 1

    /// <summary>
    /// Called in the final pass with each mention's span and every entry considered for it with its
    /// features (for learning the ranker's weights); null in normal use.
    /// </summary>
    public Action<TextRange, List<(int Entry, double[] Features)>>? OnRanked { get; init; }

    /// <summary>Smallest population for a populated place matched only by the gazetteer (no entity, no cue).</summary>
    public int MinimumUntaggedPopulation { get; init; } = 100_000;

    /// <summary>Resolves the toponyms of <paramref name="document"/> (tokens and sentences required; entities used when present).</summary>
    public List<PlaceMention> Parse(Document document)
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
            if (c.Chosen >= 0 && gazetteer.Level(c.Chosen) != PlaceLevel.Country) Add(focusWithPlaces, gazetteer.CountryCode(c.Chosen), PlaceVote);
        Resolve(candidates, focusWithPlaces, document.Date, nearby: true);

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

    private EntityKind[] EntityTypes(Document document)
    {
        var kinds = new EntityKind[document.Tokens.Length];
        if ((document.Layers & Layer.Entities) == 0) return kinds;
        var tokens = document.Tokens;
        HashSet<string>? surnames = null;
        foreach (var m in document.Entities)
        {
            if (m.Type != EntityType.Person) continue;
            var name = document.TextOf(m.Range);
            int space = name.LastIndexOf(' ');
            if (space > 0) (surnames ??= new(StringComparer.Ordinal)).Add(name[(space + 1)..]);
        }
        foreach (var m in document.Entities)
        {
            var kind = m.Type switch
            {
                EntityType.Location => EntityKind.Location,
                EntityType.Person => surnames is not null && surnames.Contains(document.TextOf(m.Range)) ? EntityKind.KnownPerson : EntityKind.Person,
                _ => EntityKind.Other,
            };
            for (int t = FirstTokenAt(tokens, m.Range.Start); t < tokens.Length && tokens[t].Start < m.Range.End; t++) kinds[t] = kind;
        }
        return kinds;
    }

    private static int FirstTokenAt(ReadOnlySpan<Token> tokens, int offset)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static bool StartsName(string text, Token token) =>
        token.Kind is TokenKind.Word or TokenKind.Abbreviation && char.IsUpper(text[token.Start]);

    /// <summary>
    /// Whether the token opens a transliterated Arabic name whose article is written in lower case inside a sentence, after a
    /// word of place: "in al-Bab", "near el Marj". Elsewhere ("President Bashar al-Assad") the article stays out.
    /// </summary>
    private static bool OpensArabicName(Document document, Sentence sentence, int t)
    {
        // Read from the text, not as a string: this is asked of every word in lower case.
        var text = document.Text;
        var token = document.Tokens[t];
        if (token.Length < 2 || text[token.Start] is not ('a' or 'e') || text[token.Start + 1] != 'l') return false;
        bool opens = token.Length == 2
            ? t + 1 < sentence.EndToken && StartsName(text, document.Tokens[t + 1])
            : token.Length > 3 && Tokenizer.IsHyphen(text[token.Start + 2]) && char.IsUpper(text[token.Start + 3]);
        return opens && t > sentence.FirstToken && LocationPrepositions.Contains(document.TextOf(document.Tokens[t - 1].Range));
    }

    private int Demonym(string text, Token token, Span<char> key)
    {
        int n = PlaceNames.Key(text.AsSpan(token.Start, token.Length), key);
        var postings = gazetteer.Demonyms.Find(key[..n]);
        return postings.IsEmpty ? -1 : postings[0] & NameIndex.EntryMask;
    }

    /// <summary>
    /// The place name starting at token <paramref name="first"/>, if it is one worth keeping;
    /// <paramref name="next"/> is the token to look at after it.
    /// </summary>
    private Candidate? Match(Document document, EntityKind[] entityTypes, Sentence sentence, int first, Span<char> key, bool afterPlace, out int next)
    {
        var tokens = document.Tokens;
        var kind = entityTypes[first];
        // "in el Marj": the article the tagger left out opens a name that stands where a place does.
        if (kind == EntityKind.None && !StartsName(document.Text, tokens[first])) kind = EntityKind.Location;
        int spanEnd = first + 1;
        // A tagged span ends at a comma: "LGA, Borno" is two names, whatever the tagger joined.
        if (kind != EntityKind.None)
            while (spanEnd < sentence.EndToken && entityTypes[spanEnd] == kind && document.TextOf(tokens[spanEnd].Range) != ",") spanEnd++;
        next = kind == EntityKind.None ? first + 1 : spanEnd;
        // A person the report names in full stays a person after a preposition ("Most of Merino's cabinet"); only a place word makes it a place.
        bool knownPerson = kind == EntityKind.KnownPerson;
        if (knownPerson) kind = EntityKind.Person;
        // The tagger takes "Maungdaw Township" or "Sittwe District" for a person: a known name with a division word is a place.
        if (kind is EntityKind.Person or EntityKind.Other && spanEnd - first >= 2 && IsDivisionWord(document, tokens[spanEnd - 1], key)
            && LongestName(document, first, spanEnd - 1, key).End == spanEnd - 1)
        {
            kind = EntityKind.Location;
            spanEnd--;
        }
        if (kind is EntityKind.Person or EntityKind.Other && LongestName(document, first, spanEnd, key).End == spanEnd)
        {
            // The tagger takes unfamiliar names for people, and towns for the clubs named after them:
            // "in Tuxtla Gutierrez, Chiapas", "Recife, Pernambuco" and "Kakiri (Wakiso district)" say otherwise.
            bool placeContext = afterPlace || first > sentence.FirstToken && LocationPrepositions.Contains(document.TextOf(tokens[first - 1].Range));
            if (kind == EntityKind.Person && placeContext && !knownPerson || FollowedByDivision(document, sentence, spanEnd, key)
                || spanEnd < sentence.EndToken && IsDivisionWord(document, tokens[spanEnd], key) // "Damboa LGA", "Aravalli district"
                || spanEnd < sentence.EndToken && document.TextOf(tokens[spanEnd].Range) is "town" or "village" // "Radhan town (Larkana, Sindh)"
                || AppositiveSettlement(document, sentence, spanEnd)) // "Stepanakert, the region's main city,"
                kind = EntityKind.Location;
        }
        if (kind == EntityKind.Person) return null;
        while (spanEnd > first + 1 && !StartsName(document.Text, tokens[spanEnd - 1])) spanEnd--; // the tagger's "Alma-Ata of"

        // A tagged place may be the start of a longer name the tagger cut ("Rio Grande" of "Rio Grande do Norte").
        int limit = kind is EntityKind.None or EntityKind.Location ? Math.Min(sentence.EndToken, Math.Max(spanEnd, first + MaxNameTokens)) : spanEnd;
        var (end, postings) = LongestName(document, first, limit, key, taggedPlace: kind == EntityKind.Location);
        if (kind == EntityKind.Location && end > spanEnd) spanEnd = end;
        bool fuzzy = false;
        string matchedKey = new(key[..PlaceNames.Key(Slice(document, first, Math.Max(end, first + 1)), key)]);
        switch (kind)
        {
            case EntityKind.None:
                if (end < 0) return null;
                next = end;
                break;
            case EntityKind.Other:
                // An organisation or other name may hold a place: a division the tagger took for an
                // organisation ("Metcalfe County") or one that opens it ("Kentucky State Police").
                // Another spelling of a division, or its name without "State", counts where it stands as a
                // container: "(Masisi, Nord-Kivu)", "(Damboa LGA, Borno)".
                int excluded = AsContainer(document, sentence, first) ? 0 : NameIndex.AlternateFlag | NameIndex.CoreFlag;
                if (end < 0 || !IsDivisionOrCountry(postings[0]) || (postings[0] & excluded) != 0
                    || IsGenericWord(document, first, end))
                {
                    // Or end with the place it is of: "the Cathedral of Managua", "University of Nairobi".
                    if (PlaceItIsOf(document, first, spanEnd, key) is not { } of) return null;
                    (first, end, postings) = of;
                    matchedKey = new string(key[..PlaceNames.Key(Slice(document, first, end), key)]);
                }
                break;
            default:
                if (end == spanEnd || end > 0 && AllFacilityWords(document, end, spanEnd)) break;
                // The tagged span as a whole is not a gazetteer name: its spelling variants, then a name it ends with.
                int n = PlaceNames.Key(Slice(document, first, spanEnd), key);
                var sounds = gazetteer.Sounds.FindSegment(PlaceNames.Sound(new string(key[..n])));
                if (sounds.Count > 0)
                {
                    (end, postings, matchedKey) = (spanEnd, sounds, new string(key[..n]));
                    fuzzy = true;
                    break;
                }
                for (int from = first + 1; from < spanEnd; from++)
                {
                    var (suffixEnd, suffix) = LongestName(document, from, spanEnd, key);
                    if (suffixEnd != spanEnd || IsGenericWord(document, from, spanEnd)
                        || !IsDivisionOrCountry(suffix[0]) && gazetteer.Population(suffix[0] & NameIndex.EntryMask) < MinimumUntaggedPopulation) continue;
                    first = from;
                    (end, postings) = (suffixEnd, suffix);
                    matchedKey = new string(key[..PlaceNames.Key(Slice(document, from, spanEnd), key)]);
                    break;
                }
                if (end != spanEnd) return null;
                break;
        }

        var candidate = new Candidate
        {
            FirstToken = first, EndToken = end, Start = tokens[first].Start, End = tokens[end - 1].End,
            Postings = postings, Tagged = kind == EntityKind.Location, Key = matchedKey, Fuzzy = fuzzy,
        };
        if (end < tokens.Length && CurrencyWords.Contains(document.TextOf(tokens[end].Range))) return null; // "the US dollar"
        // "Wadi al-Hummus": a name that goes on with an Arabic article is a longer name the gazetteer lacks, not its first word.
        if (ArticleGoesOn().IsMatch(document.Text.AsSpan(candidate.End))) return null;
        if (NamesAStreet(document, sentence, first, end) || NamedAsSomeone(document, sentence, first)) return null;
        candidate.AllCaps = IsAllCaps(document, candidate);
        ReadCues(document, sentence, candidate, key);
        if (kind == EntityKind.None && !WorthKeeping(document, sentence, candidate, AsContainer(document, sentence, first))) return null;
        if (IsGenericWord(document, candidate.FirstToken, end) && candidate.Cue == Cue.None && !ClosesBracketedContainer(document, sentence, candidate)) return null;
        if (candidate.EndToken > next) next = candidate.EndToken;
        return candidate;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^ (?:al|el|ad|ash|as|at|ar|az|an|ed|es|et|ez|en|ul)-\p{Lu}", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ArticleGoesOn();

    /// <summary>
    /// The place a name ends with after "of" ("Cathedral of Managua"): a country or division under its own
    /// name, or a town of <see cref="MinimumUntaggedPopulation"/>; null when there is none.
    /// </summary>
    private (int First, int End, ArraySegment<int> Postings)? PlaceItIsOf(Document document, int first, int end, Span<char> key)
    {
        for (int of = end - 2; of > first; of--)
        {
            if (document.TextOf(document.Tokens[of].Range) != "of") continue;
            var (nameEnd, postings) = LongestName(document, of + 1, end, key);
            if (nameEnd != end || IsGenericWord(document, of + 1, end)) return null;
            int top = postings[0] & NameIndex.EntryMask;
            bool ownName = (postings[0] & (NameIndex.AlternateFlag | NameIndex.CoreFlag)) == 0;
            return ownName && (IsDivisionOrCountry(postings[0]) || gazetteer.Population(top) >= MinimumUntaggedPopulation) ? (of + 1, end, postings) : null;
        }
        return null;
    }

    /// <summary>Whether ", Y" or "(Y" follows, Y a division or country the gazetteer knows.</summary>
    private bool FollowedByDivision(Document document, Sentence sentence, int end, Span<char> key)
    {
        if (end + 1 >= sentence.EndToken || document.TextOf(document.Tokens[end].Range) is not ("," or "(")) return false;
        if (!StartsName(document.Text, document.Tokens[end + 1])) return false;
        var (parentEnd, postings) = LongestName(document, end + 1, Math.Min(sentence.EndToken, end + 1 + MaxNameTokens), key);
        if (parentEnd < 0) return false;
        foreach (var posting in postings)
            if (IsDivisionOrCountry(posting) && (posting & NameIndex.CoreFlag) == 0) return true;
        return false;
    }

    // ", the region's main city," / ", a border town near ...": an appositive that calls the name a settlement.
    // The settlement word must end the noun phrase ("the town's mayor", "the city council leader" are people).
    private static bool AppositiveSettlement(Document document, Sentence sentence, int end)
    {
        if (end + 2 >= sentence.EndToken || document.TextOf(document.Tokens[end].Range) != ","
            || document.TextOf(document.Tokens[end + 1].Range) is not ("the" or "a" or "an")) return false;
        for (int k = end + 2; k < sentence.EndToken && k <= end + 6; k++)
        {
            var word = document.TextOf(document.Tokens[k].Range);
            if (word is "," or "." or ";") return false;
            if (!SettlementWords.Contains(word) || char.IsUpper(word[0])) continue;
            if (k + 1 == sentence.EndToken) return true;
            var after = document.Tokens[k + 1];
            return after.Kind == TokenKind.Punctuation || AppositiveContinuations.Contains(document.TextOf(after.Range));
        }
        return false;
    }

    private static readonly HashSet<string> AppositiveContinuations = new(StringComparer.Ordinal)
    {
        "of", "in", "on", "near", "close", "where", "that", "which", "some", "about", "just", "along", "across", "north", "south", "east", "west",
    };

    private static ReadOnlySpan<char> Slice(Document document, int first, int end) =>
        document.Text.AsSpan(document.Tokens[first].Start, document.Tokens[end - 1].End - document.Tokens[first].Start);

    /// <summary>
    /// The longest run of name words from <paramref name="first"/> (ending before <paramref name="limit"/>) the gazetteer
    /// knows; end -1 when none. <paramref name="taggedPlace"/>: the tagger called the words a place.
    /// </summary>
    private (int End, ArraySegment<int> Postings) LongestName(Document document, int first, int limit, Span<char> key, bool taggedPlace = false)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        int bestEnd = -1;
        ArraySegment<int> best = [];
        for (int end = first + 1; end <= limit; end++)
        {
            var last = tokens[end - 1];
            if (end - 1 > first)
            {
                if (!IsNameWord(text, last)) break;
                if (!StartsName(text, last)) continue; // a connector ("of", "and") cannot end a name
            }
            int n = PlaceNames.Key(Slice(document, first, end), key);
            var postings = gazetteer.Names.FindSegment(key[..n]);
            if (postings.Count > 0 && !IsShortCodeMismatch(text, tokens[first].Start, last.End, taggedPlace))
            {
                bestEnd = end;
                best = postings;
            }
        }
        return (bestEnd, best);
    }

    private bool IsDivisionOrCountry(int posting) =>
        gazetteer.Level(posting & NameIndex.EntryMask) is PlaceLevel.Country or PlaceLevel.Admin1 or PlaceLevel.Admin2 or PlaceLevel.Region;

    // Capitalised words that are gazetteer names somewhere ("Centre" in France, "Western" in Sri Lanka)
    // but in news are nearly always part of a longer name or a direction.
    private static readonly HashSet<string> GenericWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "centre", "center", "central", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "national", "republic", "union", "ocean", "park", "island", "islands", "village", "valley", "peninsula", "coast",
        "lake", "river", "mountain", "bay", "gulf", "sea", "city", "state", "county", "district", "province", "region",
        "federal", "royal", "free", "independence", "liberty", "unity", "victory", "mission", "paradise", "enterprise",
        "west coast", "east coast", "midwest", "upper", "lower", "new", "old", "great", "little", "middle",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericWordSpans = GenericWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsGenericWord(Document document, int first, int end)
    {
        Span<char> key = stackalloc char[PlaceNames.MaxKeyLength];
        return GenericWordSpans.Contains(key[..PlaceNames.Key(Slice(document, first, end), key)]);
    }

    private static readonly HashSet<string> FacilityWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "hospital", "road", "street", "avenue", "boulevard", "highway", "university", "college", "school", "airport", "station",
        "park", "church", "mosque", "cathedral", "square", "bridge", "stadium", "center", "centre", "hall", "house", "court",
        "prison", "jail", "camp", "base", "market", "port", "harbour", "harbor", "museum", "hotel", "palace", "tower", "building",
    };

    // "the junction of Abancay and Nicolas de Pierola avenues", "the corner of Lagos and Broad streets": streets named after
    // towns. Not "Tehran streets": the two names joined by "and" make the plural a street's.
    private static bool NamesAStreet(Document document, Sentence sentence, int first, int end)
    {
        var tokens = document.Tokens;
        if (first - 2 >= sentence.FirstToken && document.TextOf(tokens[first - 1].Range) == "of"
            && document.TextOf(tokens[first - 2].Range) is "junction" or "intersection" or "corner" or "crossroads") return true;
        if (end < sentence.EndToken && IsPluralStreetWord(document.TextOf(tokens[end].Range)))
            return first - 1 > sentence.FirstToken && document.TextOf(tokens[first - 1].Range) == "and" && StartsName(document.Text, tokens[first - 2]);
        if (end >= sentence.EndToken || document.TextOf(tokens[end].Range) != "and") return false;
        for (int k = end + 1; k < sentence.EndToken && k <= end + 1 + MaxNameTokens; k++)
        {
            var word = document.TextOf(tokens[k].Range);
            if (IsPluralStreetWord(word)) return k > end + 1;
            if (!StartsName(document.Text, tokens[k]) && !Connectors.Contains(word)) return false;
        }
        return false;
    }

    // "the commander, identified by police as Usman", "a man named as Paris": who someone is, not where.
    private static bool NamedAsSomeone(Document document, Sentence sentence, int first)
    {
        if (first - 2 < sentence.FirstToken || document.TextOf(document.Tokens[first - 1].Range) != "as") return false;
        for (int k = first - 2; k >= sentence.FirstToken && k >= first - 5; k--)
            if (document.TextOf(document.Tokens[k].Range) is "identified" or "named") return true;
        return false;
    }

    private static bool IsPluralStreetWord(string word) => word is "avenues" or "streets" or "roads" or "boulevards";

    private static bool AllFacilityWords(Document document, int from, int end)
    {
        for (int t = from; t < end; t++)
            if (!FacilityWords.Contains(document.TextOf(document.Tokens[t].Range))) return false;
        return true;
    }

    // "U.S." and "US" are the country, "Us" and "us" are not: short names must be written in capitals,
    // except a three-letter town the tagger calls a place ("in Ufa, demanding", "Gao", "Aba").
    private static bool IsShortCodeMismatch(string text, int start, int end, bool taggedPlace)
    {
        int letters = 0;
        bool allUpper = true;
        for (int i = start; i < end; i++)
        {
            if (!char.IsLetter(text[i])) continue;
            letters++;
            allUpper &= char.IsUpper(text[i]);
        }
        if (letters == 3 && taggedPlace && char.IsUpper(text[start])) return false;
        return letters <= 3 && !allUpper && (end >= text.Length || text[end] != '.'); // "Ky." and "Mo." are state abbreviations
    }

    private static readonly HashSet<string> CurrencyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "dollar", "dollars", "pound", "pounds", "peso", "pesos", "rupee", "rupees", "franc", "francs", "dinar", "dinars",
    };

    private static readonly HashSet<string> LocationPrepositions = new(StringComparer.Ordinal)
    {
        "in", "at", "near", "outside", "around", "across", "towards", "toward", "into", "from", "of", "to",
    };

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "of", "and", "de", "del", "la", "le", "el", "al", "upon", "on", "es", "da", "do", "dos", "das", "di", "van", "der", "au", "sur", "the", "-",
    };

    private static bool IsNameWord(string text, Token token) =>
        StartsName(text, token) || token.Kind == TokenKind.Word && Connectors.Contains(text.Substring(token.Start, token.Length))
        || token.Kind == TokenKind.Punctuation && token.Length == 1 && text[token.Start] == '-';

    private static readonly HashSet<string> SettlementWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "city", "town", "village", "capital", "port", "settlement", "township", "hamlet", "suburb", "municipality",
    };

    // A word that, after a name, makes it a division: the gazetteer's own ("region", "district") and the
    // administrative units news names by their local word ("Damboa LGA", "Kolofata subdivision").
    private static bool IsDivisionWord(string word) =>
        word is not ("of" or "de" or "the" or "la" or "del" or "city") && GazetteerBuilder.DivisionWords.Contains(word)
        || word is "lga" or "subdivision" or "tehsil" or "taluka" or "commune" or "township" or "sub-district";

    private static bool IsDivisionWord(Document document, Token token, Span<char> key) =>
        token.Kind == TokenKind.Word && IsDivisionWord(new string(key[..PlaceNames.Key(document.Text.AsSpan(token.Start, token.Length), key)]));

    /// <summary>Reads "X region" / "X province" and "X, the region's main city" after the name and "the (Kazakh) city of" before it.</summary>
    private void ReadCues(Document document, Sentence sentence, Candidate c, Span<char> key)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        if (c.EndToken < tokens.Length && tokens[c.EndToken].Kind == TokenKind.Word)
        {
            int n = PlaceNames.Key(text.AsSpan(tokens[c.EndToken].Start, tokens[c.EndToken].Length), key);
            var word = new string(key[..n]);
            bool startsLongerName = char.IsUpper(text[tokens[c.EndToken].Start]) && c.EndToken + 1 < tokens.Length
                && StartsName(text, tokens[c.EndToken + 1]); // "California State University"
            if (IsDivisionWord(word) && !startsLongerName)
            {
                c.Cue = Cue.Division;
                c.End = tokens[c.EndToken].End;
                c.EndToken++;
            }
            // "Gaza city", "Talhar town": a town, not the strip or country of its name.
            else if (word is "city" or "town" or "village" && char.IsLower(text[tokens[c.EndToken].Start]))
                c.CalledTown = true;
        }
        if (c.Cue == Cue.None && AppositiveSettlement(document, sentence, c.EndToken)) c.Cue = Cue.Settlement;
        // "the city of X", "the Kazakh city of X", "the town of X"
        int t = c.FirstToken - 1;
        if (t >= 1 && text.AsSpan(tokens[t].Start, tokens[t].Length).Equals("of", StringComparison.OrdinalIgnoreCase)
            && SettlementWords.Contains(text.Substring(tokens[t - 1].Start, tokens[t - 1].Length)))
        {
            c.Cue = c.Cue == Cue.None ? Cue.Settlement : c.Cue;
            if (t >= 2 && StartsName(text, tokens[t - 2]))
            {
                int d = Demonym(text, tokens[t - 2], key);
                if (d >= 0) c.CueCountry = gazetteer.CountryCode(d);
            }
        }
    }

    // After "," or "(": where monitors name a place's container ("(Masisi, Nord-Kivu)", "Donga LGA (Taraba)").
    /// <summary>
    /// Whether the name ends a bracket of containers after a comma: "Colombo (Colombo, Western)", as analysts'
    /// notes give a place's district and province. There a generic word ("Western", "Central") is the division.
    /// </summary>
    private static bool ClosesBracketedContainer(Document document, Sentence sentence, Candidate c)
    {
        var tokens = document.Tokens;
        if (c.FirstToken <= sentence.FirstToken || c.EndToken >= sentence.EndToken
            || document.TextOf(tokens[c.FirstToken - 1].Range) != "," || document.TextOf(tokens[c.EndToken].Range) != ")") return false;
        for (int t = c.FirstToken - 2; t >= Math.Max(sentence.FirstToken, c.FirstToken - 2 - MaxNameTokens); t--)
        {
            var text = document.TextOf(tokens[t].Range);
            if (text == "(") return true;
            if (text is ")" or "." or ";") return false;
        }
        return false;
    }

    private static bool AsContainer(Document document, Sentence sentence, int first) =>
        first > sentence.FirstToken && document.TextOf(document.Tokens[first - 1].Range) is "," or "(";

    /// <summary>
    /// Whether a name the tagger did not call a place is one: a country, region or division under its own name, a
    /// first-level division under another spelling or without "State" where it stands as a container, a large town.
    /// </summary>
    private bool WorthKeeping(Document document, Sentence sentence, Candidate c, bool asContainer)
    {
        if (c.Cue != Cue.None) return true;
        int top = c.Postings[0] & NameIndex.EntryMask;
        bool ownName = (c.Postings[0] & (NameIndex.AlternateFlag | NameIndex.CoreFlag)) == 0;
        var level = gazetteer.Level(top);
        if (level == PlaceLevel.Admin1 && asContainer) return true;
        bool sentenceStart = IsSentenceStart(document, sentence, c.FirstToken);
        if (level is PlaceLevel.Country or PlaceLevel.Region) return (ownName || c.EndToken - c.FirstToken > 1 || IsAllCaps(document, c)) && !sentenceStart || ownName;
        if (sentenceStart) return false;
        if (level == PlaceLevel.Admin1) return ownName;
        return ownName && gazetteer.Population(top) >= MinimumUntaggedPopulation;
    }

    private static bool IsAllCaps(Document document, Candidate c)
    {
        foreach (var ch in document.Text.AsSpan(c.Start, c.End - c.Start))
            if (char.IsLower(ch)) return false;
        return true;
    }

    private static bool IsSentenceStart(Document document, Sentence sentence, int token)
    {
        if (token == sentence.FirstToken) return true;
        var tokens = document.Tokens;
        return token > 0 && tokens[token - 1].Kind == TokenKind.Punctuation && document.Text[tokens[token - 1].Start] is '"' or '“' or '(' or ':';
    }

    /// <summary>Links "X, Y", "X in (the) Y", "Y's X" so each side can confirm the other.</summary>
    private static void LinkContainment(Document document, List<Candidate> candidates)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        for (int i = 0; i + 1 < candidates.Count; i++)
        {
            var child = candidates[i];
            var parent = candidates[i + 1];
            int gap = parent.FirstToken - child.EndToken;
            if (gap < 1 || gap > 6) continue;
            var between = text.AsSpan(tokens[child.EndToken].Start, tokens[parent.FirstToken - 1].End - tokens[child.EndToken].Start);
            // "Arada (Tripoli)", "Bara town in Idleb", "Pamoli village (Beni, Nord-Kivu)"
            int space = between.IndexOf(' ');
            if (space > 0 && LinkWords.Contains(between[..space].ToString())) between = between[(space + 1)..];
            // "Palma in northern Mozambique": a compass word between says nothing against containment.
            if (between.StartsWith("in ") && CompassWords.Contains(between[3..].ToString())) between = "in";
            // "Mabai (Kankara LGA, Katsina)": the bracket's last name holds the place whatever stands before it.
            bool bracketTail = between.Length > 1 && between[0] == '(' && between[^1] == ',' && between.IndexOfAny(')', '.') < 0;
            if (gap > 4 && !bracketTail) continue;
            bool link = between is "," or "(" or "in" or "in the" or "of" or "of the" or ", in" or "near" || bracketTail;
            bool possessive = between is "'s" or "’s";
            if (link)
            {
                Connect(candidates, i, i + 1);
                if (between is "(" || bracketTail) child.ParentInParentheses = true;
            }
            else if (possessive) Connect(candidates, i + 1, i);
        }
    }

    private static readonly HashSet<string> CompassWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "northern", "southern", "eastern", "western", "central", "north-eastern", "north-western", "south-eastern",
        "south-western", "northeastern", "northwestern", "southeastern", "southwestern", "north", "south", "east", "west",
    };

    // Words that may stand between a place and the one containing it: "Bara town in Idleb".
    private static readonly HashSet<string> LinkWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "city", "town", "village", "port", "township", "hamlet", "suburb", "area", "district", "locality", "neighbourhood",
        "neighborhood", "countryside", "outskirts", "sector", "camp",
    };

    private static void Connect(List<Candidate> candidates, int child, int parent)
    {
        candidates[child].Parents.Add(parent);
        candidates[parent].Children.Add(child);
    }

    private void Resolve(List<Candidate> candidates, Dictionary<ushort, double> focus, DateOnly date, bool nearby)
    {
        double focusTotal = focus.Values.Sum();
        var divisions = MentionedDivisions(candidates);
        var anchors = nearby ? Anchors(candidates) : [];
        var chosen = new int[candidates.Count];
        for (int i = 0; i < candidates.Count; i++) chosen[i] = candidates[i].Chosen;
        var contradicted = new HashSet<(string Key, int Entry)>();
        Span<double> features = stackalloc double[RankerFeatures.Count];
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            double best = double.NegativeInfinity, second = double.NegativeInfinity;
            int bestEntry = -1, bestPosting = 0;
            int considered = 0;
            // The mention's own vote (its name, or where the first pass put it) does not count for itself.
            var (ownCountry, ownVote) = c.IsCountryName(gazetteer) ? (gazetteer.CountryCode(c.Postings[0] & NameIndex.EntryMask), 1.0)
                : nearby && chosen[i] >= 0 && gazetteer.Level(chosen[i]) != PlaceLevel.Country ? (gazetteer.CountryCode(chosen[i]), PlaceVote)
                : ((ushort)0, 0.0);
            // "Qaysar district, Faryab" where the gazetteer has no such district: a second search takes the
            // town of that name the container holds, the district's seat (as ACLED codes a district's events).
            // With no container ("the Lensk district of Yakutia", "in Dehloran county") the town is taken
            // if the tagger called the name a place, inside the countries the report names if it names any.
            var ranked = nearby && OnRanked is not null ? new List<(int, double[])>() : null;
            for (int search = 0; search < 2 && bestEntry < 0; search++)
            {
                bool seatForDivision = search == 1;
                if (seatForDivision && !(c.Cue == Cue.Division && (c.Parents.Count > 0 || c.Tagged))) break;
                considered = 0;
                foreach (var posting in c.Postings)
                {
                    int e = posting & NameIndex.EntryMask;
                    var level = gazetteer.Level(e);
                    if ((c.Cue == Cue.Settlement || c.CalledTown) && level is PlaceLevel.Region or PlaceLevel.Country) continue; // "Gaza city" is not the Gaza Strip
                    if (c.Cue == Cue.Division && level is not (PlaceLevel.Admin1 or PlaceLevel.Admin2)
                        && !(seatForDivision && level is PlaceLevel.City or PlaceLevel.District && IsSeatCandidate(candidates, c, e, focus, date))) continue;
                    // "Johnson" is not Johnson County, but "Masisi, Nord-Kivu" is Masisi Territory, which North Kivu holds.
                    if (c.Cue != Cue.Division && (posting & NameIndex.CoreFlag) != 0 && level != PlaceLevel.Admin1
                        && (c.Parents.Count == 0 || Containment(candidates, c, e, date) == 0)) continue;
                    if (++considered > 64) break; // postings are sorted by prior; the tail never wins
                    // A sound-alike is a guess: only inside the countries the report names, if it names any.
                    if (c.Fuzzy && focusTotal > 0 && focus.GetValueOrDefault(gazetteer.CountryCode(e)) == 0) continue;
                    // Two or three letters ("WA", "SA") name countries and states, not villages.
                    // Three letters not written in capitals that the tagger calls a place, or that a division holds, are a town: "Nis, Serbia", "in Ufa".
                    if (c.Key.Length <= 3 && level is PlaceLevel.City or PlaceLevel.District or PlaceLevel.Admin2
                        && !(c.Key.Length == 3 && !c.AllCaps && (c.Tagged || c.Parents.Count > 0))) continue;
                    features.Clear();
                    RankerFeatures.Prior(posting, gazetteer.Columns, features);
                    if (c.Cue == Cue.Division) features[RankerFeatures.DivisionCue] = 1;
                    if (c.Cue == Cue.Settlement && level is PlaceLevel.City or PlaceLevel.District) features[RankerFeatures.SettlementCue] = 1;
                    if (c.CueCountry != 0 && gazetteer.CountryCode(e) == c.CueCountry) features[RankerFeatures.CueCountry] = 1;
                    var country = gazetteer.CountryCode(e);
                    if (focusTotal - ownVote > 0 && country != 0)
                        features[RankerFeatures.CountryFocus] = Math.Max(0, focus.GetValueOrDefault(country) - (country == ownCountry ? ownVote : 0)) / (focusTotal - ownVote);
                    features[RankerFeatures.Containment] = Containment(candidates, c, e, date);
                    if (level is not (PlaceLevel.Country or PlaceLevel.Admin1 or PlaceLevel.Region) && gazetteer.Admin1On(e, date) is var division
                        && divisions.Contains(division) && !Names(c, division)) // "Montana" is not Montana City
                        features[RankerFeatures.DivisionFocus] = 1;
                    if (nearby && considered <= NearnessCandidates) features[RankerFeatures.Nearness] = Nearness(candidates, anchors, i, e);
                    double score = _ranker.Score(features);
                    if (ranked is not null) ranked.Add((e, features.ToArray()));
                    if (score > best)
                    {
                        second = best;
                        best = score;
                        bestEntry = e;
                        bestPosting = posting;
                    }
                    else if (score > second) second = score;
                }
            }
            if (ranked is { Count: > 0 }) OnRanked!(new TextRange(c.Start, c.End), ranked);
            // Prefer the city to a division of the same name it is the seat of ("Almaty" the city, not the
            // city-region), unless the text said "region".
            if (bestEntry >= 0 && c.Cue != Cue.Division && gazetteer.Level(bestEntry) is PlaceLevel.Admin1 or PlaceLevel.Admin2
                && !ContainsAChild(candidates, c, bestEntry, date))
                bestEntry = SeatOf(c, bestEntry, anySize: c.CalledTown);
            // "Pisky, Donetsk" with no Pisky in Donetsk region in the gazetteer, or "Bule (Djugu, Ituri)" with
            // no Bule in Congo: a namesake elsewhere would put the event on the wrong map; leave it
            // unresolved and let its container stand for it. A container that is itself no place the
            // report can be put on ("Kanpur (UP)") stands for nothing, and rules nothing out.
            if (bestEntry >= 0 && gazetteer.Level(bestEntry) is not (PlaceLevel.Country or PlaceLevel.Region)
                && c.Parents.Count > 0 && Containment(candidates, c, bestEntry, date) == 0
                && (!nearby || c.Parents.Exists(p => chosen[p] >= 0)))
            {
                bool abroad = !ParentSharesCountry(candidates, c, gazetteer.CountryCode(bestEntry));
                if (ParentIsDivision(candidates, c) || c.ParentInParentheses && abroad)
                {
                    if (abroad) contradicted.Add((c.Key, bestEntry));
                    bestEntry = -1;
                }
            }
            // "Bala" is another name of Basel: in a report whose other places are all elsewhere, a town
            // matched only by another name of it, in a country nothing else in the report points to, is a guess.
            // A division's other spelling is not ("Idleb" in a report on a Turkish and Russian patrol), though its seat stands for it.
            if (nearby && bestEntry >= 0 && (bestPosting & NameIndex.AlternateFlag) != 0 && gazetteer.Level(bestPosting & NameIndex.EntryMask) is PlaceLevel.City or PlaceLevel.District
                && focusTotal - ownVote > 0 && focus.GetValueOrDefault(gazetteer.CountryCode(bestEntry)) - (gazetteer.CountryCode(bestEntry) == ownCountry ? ownVote : 0) <= 0)
                bestEntry = -1;
            c.Chosen = bestEntry;
            double margin = double.IsNegativeInfinity(second) ? 3 : best - second;
            c.Confidence = bestEntry < 0 ? 0 : (c.Tagged ? 0.95 : 0.8) * (1 - 0.5 * Math.Exp(-margin));
        }
        // One name is one place in a report: where its container ruled out a namesake in another country,
        // the namesake is out for the name's other mentions too ("Palma in northern Mozambique" ... "control of Palma").
        foreach (var c in candidates)
            if (c.Chosen >= 0 && contradicted.Contains((c.Key, c.Chosen)))
            {
                c.Chosen = -1;
                c.Confidence = 0;
            }
    }

    // A town standing for the division of its name the gazetteer lacks: inside the division's named container, else in the report's countries.
    private bool IsSeatCandidate(List<Candidate> candidates, Candidate c, int town, Dictionary<ushort, double> focus, DateOnly date) =>
        c.Parents.Count > 0 ? Containment(candidates, c, town, date) > 0
        : focus.Count == 0 || focus.GetValueOrDefault(gazetteer.CountryCode(town)) > 0;

    private static bool Names(Candidate c, int entry)
    {
        foreach (var posting in c.Postings)
            if ((posting & NameIndex.EntryMask) == entry) return true;
        return false;
    }

    /// <summary>The first-level divisions the report names outright ("Ontario", "Kentucky"): its places are likely in them.</summary>
    private HashSet<int> MentionedDivisions(List<Candidate> candidates)
    {
        var divisions = new HashSet<int>();
        foreach (var c in candidates)
        {
            int e = c.Chosen >= 0 ? c.Chosen : c.Postings.Count > 0 ? c.Postings[0] & NameIndex.EntryMask : -1;
            if (e >= 0 && gazetteer.Level(e) == PlaceLevel.Admin1) divisions.Add(e);
        }
        return divisions;
    }

    private bool ParentSharesCountry(List<Candidate> candidates, Candidate c, ushort country)
    {
        foreach (var p in c.Parents)
            foreach (var posting in candidates[p].Postings)
                if (gazetteer.CountryCode(posting & NameIndex.EntryMask) == country) return true;
        return false;
    }

    private bool ParentIsDivision(List<Candidate> candidates, Candidate c)
    {
        foreach (var p in c.Parents)
            foreach (var posting in candidates[p].Postings)
                if (gazetteer.Level(posting & NameIndex.EntryMask) is PlaceLevel.Country or PlaceLevel.Admin1 or PlaceLevel.Admin2) return true;
        return false;
    }

    // "Hays district (Al Hudaydah)": a division that holds a place named with it is the division, not its seat.
    private bool ContainsAChild(List<Candidate> candidates, Candidate c, int division, DateOnly date)
    {
        foreach (var ch in c.Children)
            foreach (var posting in candidates[ch].Postings)
                if (Contains(division, posting & NameIndex.EntryMask, date)) return true;
        return false;
    }

    // The town of the mention's name that is the division's seat, when it is at least a quarter of the
    // division's size ("Almaty"), or of any size when the report called it a town ("Puno city").
    private int SeatOf(Candidate c, int division, bool anySize)
    {
        foreach (var posting in c.Postings)
        {
            int e = posting & NameIndex.EntryMask;
            if (gazetteer.Level(e) == PlaceLevel.City && (gazetteer.Admin1(e) == division || gazetteer.Admin2(e) == division)
                && (anySize || gazetteer.Population(e) * 4 >= gazetteer.Population(division)))
                return e;
        }
        return division;
    }

    // A town standing for the district named as such ("Qaysar district", its seat) is that district.
    private PlaceLevel LevelOf(Candidate c, int entry) =>
        c.Cue == Cue.Division && gazetteer.Level(entry) is PlaceLevel.City or PlaceLevel.District ? PlaceLevel.Admin2 : gazetteer.Level(entry);

    /// <summary>
    /// Where a place is put on the map: a division named as such ("Thatta district", "Zhytomyr region") at
    /// the town of the same name it holds, its seat, as ACLED codes a division's events; anything else at its own point.
    /// </summary>
    private int MapPoint(Candidate c, int entry) =>
        c.Cue == Cue.Division && gazetteer.Level(entry) is PlaceLevel.Admin1 or PlaceLevel.Admin2 ? SeatOf(c, entry, anySize: true) : entry;

    /// <summary>1 when a linked parent or child of the mention agrees that entry <paramref name="e"/> fits, else 0.</summary>
    private double Containment(List<Candidate> candidates, Candidate c, int e, DateOnly date)
    {
        foreach (var p in c.Parents)
            foreach (var posting in candidates[p].Postings)
                if (Contains(posting & NameIndex.EntryMask, e, date)) return 1;
        foreach (var ch in c.Children)
            foreach (var posting in candidates[ch].Postings)
                if (Contains(e, posting & NameIndex.EntryMask, date)) return 1;
        return 0;
    }

    private bool Contains(int outer, int inner, DateOnly date)
    {
        if (outer == inner) return false;
        return gazetteer.Level(outer) switch
        {
            PlaceLevel.Country => gazetteer.CountryCode(outer) == gazetteer.CountryCode(inner) && gazetteer.Level(inner) != PlaceLevel.Country,
            PlaceLevel.Admin1 => gazetteer.Admin1On(inner, date) == outer || gazetteer.Admin1(inner) == outer,
            PlaceLevel.Admin2 => gazetteer.Admin2(inner) == outer,
            _ => false,
        };
    }

    /// <summary>How close entry <paramref name="e"/> is to the places chosen for the report's other mentions (0..1).</summary>
    private double Nearness(List<Candidate> candidates, List<(int Entry, string Key)> anchors, int self, int e)
    {
        if (gazetteer.Level(e) is PlaceLevel.Country or PlaceLevel.Region) return 0;
        double lat = gazetteer.Latitude(e), lon = gazetteer.Longitude(e);
        double nearest = double.PositiveInfinity;
        foreach (var (other, key) in anchors)
        {
            if (other == e || key == candidates[self].Key) continue;
            double otherLat = gazetteer.Latitude(other);
            if (Math.Abs(otherLat - lat) * 111 >= Math.Min(nearest, 1000)) continue; // a degree of latitude is 111 km
            nearest = Math.Min(nearest, Geo.DistanceKm(lat, lon, otherLat, gazetteer.Longitude(other)));
        }
        return double.IsPositiveInfinity(nearest) ? 0 : nearest < 50 ? 1 : nearest < 300 ? 0.7 : nearest < 1000 ? 0.3 : 0;
    }

    /// <summary>The distinct places the first pass chose below country level, each with the name that chose it.</summary>
    private List<(int Entry, string Key)> Anchors(List<Candidate> candidates)
    {
        var anchors = new List<(int, string)>();
        foreach (var c in candidates)
            if (c.Chosen >= 0 && gazetteer.Level(c.Chosen) is not (PlaceLevel.Country or PlaceLevel.Region) && !anchors.Contains((c.Chosen, c.Key)))
                anchors.Add((c.Chosen, c.Key));
        return anchors;
    }

    private static void Add(Dictionary<ushort, double> counts, ushort key, double weight)
    {
        if (key != 0) counts[key] = counts.GetValueOrDefault(key) + weight;
    }
}
