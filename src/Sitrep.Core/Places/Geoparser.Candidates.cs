using System.Collections.Frozen;
using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Places;

/// <summary>Finding candidates: the names in a report that may be places (the tagger's, and gazetteer matches over capitalised words), each with its gazetteer postings.</summary>
internal sealed partial class Geoparser
{
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
        // The tagger takes "Maungdaw Township" or "Sittwe District" for a person: a known name with a division word is a place
        // (but "Hamza Division" is an armed group).
        if (kind is EntityKind.Person or EntityKind.Other && spanEnd - first >= 2 && IsDivisionWord(document, tokens[spanEnd - 1], key)
            && !UnitWords.Contains(document.TextOf(tokens[spanEnd - 1].Range))
            && LongestName(document, first, spanEnd - 1, key).End == spanEnd - 1)
        {
            kind = EntityKind.Location;
            spanEnd--;
        }
        if (kind is EntityKind.Person or EntityKind.Other && LongestName(document, first, spanEnd, key).End == spanEnd)
        {
            // The tagger takes unfamiliar names for people, and towns for the clubs named after them:
            // "in Tuxtla Gutierrez, Chiapas", "Recife, Pernambuco" and "Kakiri (Wakiso district)" say otherwise.
            bool placeContext = afterPlace || AfterLocationPreposition(document, sentence, first);
            if (kind == EntityKind.Person && placeContext && !knownPerson || FollowedByDivision(document, sentence, spanEnd, key)
                || spanEnd < sentence.EndToken && IsDivisionWord(document, tokens[spanEnd], key) // "Damboa LGA", "Aravalli district"
                || spanEnd < sentence.EndToken && document.TextOf(tokens[spanEnd].Range) is "town" or "village" // "Radhan town (Larkana, Sindh)"
                || AppositiveSettlement(document, sentence, spanEnd)) // "Stepanakert, the region's main city,"
                kind = EntityKind.Location;
        }
        if (kind == EntityKind.Person) return null;
        while (spanEnd > first + 1 && !StartsName(document.Text, tokens[spanEnd - 1])) spanEnd--; // the tagger's "Alma-Ata of"

        // A tagged place may be the start of a longer name the tagger cut ("Rio Grande" of "Rio Grande do Norte").
        int limit = kind is EntityKind.None or EntityKind.Location ? Math.Min(sentence.EndToken, Math.Max(spanEnd, first + _options.MaxNameTokens)) : spanEnd;
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
                // "Blaj of the Alba county" tagged as one place: the town, then its division, each a name of its own.
                if (end > first && end + 1 < spanEnd && FollowedByDivision(document, sentence, end, key))
                {
                    next = end;
                    break;
                }
                for (int from = first + 1; from < spanEnd; from++)
                {
                    var (suffixEnd, suffix) = LongestName(document, from, spanEnd, key);
                    if (suffixEnd != spanEnd || IsGenericWord(document, from, spanEnd)
                        || !IsDivisionOrCountry(suffix[0]) && gazetteer.Population(suffix[0] & NameIndex.EntryMask) < _options.MinimumUntaggedPopulation) continue;
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
        if (kind == EntityKind.None && !WorthKeeping(document, sentence, candidate, AsContainer(document, sentence, first))
            && !(IsOwnName(candidate) && FollowedByDivision(document, sentence, candidate.EndToken, key))) return null; // "in As Sawadiyah, Al Bayda"
        if (IsGenericWord(document, candidate.FirstToken, end) && candidate.Cue == Cue.None && !ClosesBracketedContainer(document, sentence, candidate)) return null;
        if (candidate.EndToken > next) next = candidate.EndToken;
        return candidate;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^ (?:al|el|ad|ash|as|at|ar|az|an|ed|es|et|ez|en|ul)-\p{Lu}", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ArticleGoesOn();

    /// <summary>
    /// The place a name ends with after "of" ("Cathedral of Managua"): a country or division under its own
    /// name, or a town of <see cref="GeoparserOptions.MinimumUntaggedPopulation"/>; null when there is none.
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
            return ownName && (IsDivisionOrCountry(postings[0]) || gazetteer.Population(top) >= _options.MinimumUntaggedPopulation) ? (of + 1, end, postings) : null;
        }
        return null;
    }

    /// <summary>Whether ", Y", "(Y" or " of the Y" follows, Y a division or country the gazetteer knows.</summary>
    private bool FollowedByDivision(Document document, Sentence sentence, int end, Span<char> key)
    {
        int parent = end < sentence.EndToken && document.TextOf(document.Tokens[end].Range) is "," or "(" ? end + 1
            : end + 1 < sentence.EndToken && document.TextOf(document.Tokens[end].Range) == "of" && document.TextOf(document.Tokens[end + 1].Range) == "the" ? end + 2
            : -1;
        if (parent < 0 || parent >= sentence.EndToken || !StartsName(document.Text, document.Tokens[parent])) return false;
        var (parentEnd, postings) = LongestName(document, parent, Math.Min(sentence.EndToken, parent + _options.MaxNameTokens), key);
        if (parentEnd < 0) return false;
        // A division's name without its division word counts where the word follows in lower case ("the Alba county").
        bool calledDivision = parentEnd < sentence.EndToken && IsDivisionWord(document, document.Tokens[parentEnd], key);
        foreach (var posting in postings)
            if (IsDivisionOrCountry(posting) && ((posting & NameIndex.CoreFlag) == 0 || calledDivision)) return true;
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

    private static readonly FrozenSet<string> AppositiveContinuations = PlaceWords.Lexicon.Frozen("appositive-continuations", StringComparer.Ordinal);

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

    private static bool IsOwnName(Candidate c) => (c.Postings[0] & (NameIndex.AlternateFlag | NameIndex.CoreFlag)) == 0;

    private bool IsDivisionOrCountry(int posting) =>
        gazetteer.Level(posting & NameIndex.EntryMask) is PlaceLevel.Country or PlaceLevel.Admin1 or PlaceLevel.Admin2 or PlaceLevel.Region;

    private static readonly FrozenSet<string> GenericWords = PlaceWords.Lexicon.Frozen("generic-words", StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericWordSpans = GenericWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsGenericWord(Document document, int first, int end)
    {
        Span<char> key = stackalloc char[PlaceNames.MaxKeyLength];
        return GenericWordSpans.Contains(key[..PlaceNames.Key(Slice(document, first, end), key)]);
    }

    private static readonly FrozenSet<string> FacilityWords = PlaceWords.Lexicon.Frozen("facility-words", StringComparer.OrdinalIgnoreCase);

    // "the junction of Abancay and Nicolas de Pierola avenues", "the corner of Lagos and Broad streets": streets named after
    // towns. Not "Tehran streets": the two names joined by "and" make the plural a street's.
    private bool NamesAStreet(Document document, Sentence sentence, int first, int end)
    {
        var tokens = document.Tokens;
        if (first - 2 >= sentence.FirstToken && document.TextOf(tokens[first - 1].Range) == "of"
            && document.TextOf(tokens[first - 2].Range) is "junction" or "intersection" or "corner" or "crossroads") return true;
        if (end < sentence.EndToken && IsPluralStreetWord(document.TextOf(tokens[end].Range)))
            return first - 1 > sentence.FirstToken && document.TextOf(tokens[first - 1].Range) == "and" && StartsName(document.Text, tokens[first - 2]);
        if (end >= sentence.EndToken || document.TextOf(tokens[end].Range) != "and") return false;
        for (int k = end + 1; k < sentence.EndToken && k <= end + 1 + _options.MaxNameTokens; k++)
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

    private static readonly FrozenSet<string> CurrencyWords = PlaceWords.Lexicon.Frozen("currency-words", StringComparer.OrdinalIgnoreCase);

    // "in Kakiri", "near Bara", "in rural Ein Issa", "in northern Hama".
    private static bool AfterLocationPreposition(Document document, Sentence sentence, int first)
    {
        if (first <= sentence.FirstToken) return false;
        if (first - 1 > sentence.FirstToken && CompassWords.Contains(document.TextOf(document.Tokens[first - 1].Range))) first--;
        return LocationPrepositions.Contains(document.TextOf(document.Tokens[first - 1].Range));
    }

    private static readonly FrozenSet<string> UnitWords = PlaceWords.Lexicon.Frozen("unit-words", StringComparer.Ordinal);

    private static readonly FrozenSet<string> LocationPrepositions = PlaceWords.Lexicon.Frozen("location-prepositions", StringComparer.Ordinal);

    private static readonly FrozenSet<string> Connectors = PlaceWords.Lexicon.Frozen("connectors", StringComparer.Ordinal);

    private static bool IsNameWord(string text, Token token) =>
        StartsName(text, token) || token.Kind == TokenKind.Word && Connectors.Contains(text.Substring(token.Start, token.Length))
        || token.Kind == TokenKind.Punctuation && token.Length == 1 && text[token.Start] == '-';

    private static readonly FrozenSet<string> SettlementWords = PlaceWords.Lexicon.Frozen("settlement-words", StringComparer.OrdinalIgnoreCase);

    // A word that, after a name, makes it a division: the gazetteer's own ("region", "district") and the
    // administrative units news names by their local word ("Damboa LGA", "Kolofata subdivision").
    private static bool IsDivisionWord(string word) =>
        word is not ("of" or "de" or "the" or "la" or "del" or "city") && GazetteerBuilder.DivisionWords.Contains(word)
        || word is "lga" or "subdivision" or "tehsil" or "taluka" or "commune" or "township" or "sub-district";

    private static bool IsDivisionWord(Document document, Token token, Span<char> key) =>
        token.Kind == TokenKind.Word && IsDivisionWord(new string(key[..PlaceNames.Key(document.Text.AsSpan(token.Start, token.Length), key)]));
}
