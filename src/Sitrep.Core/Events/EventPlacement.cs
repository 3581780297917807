using Sitrep.Documents;
using Sitrep.Places;

namespace Sitrep.Events;

/// <summary>Where a sentence's event happened, and the report's focus.</summary>
internal static partial class EventPlacement
{
    /// <summary>
    /// The places the story names as places: not those of its dateline, not a person's first name
    /// ("spokeswoman Florence Marchal"), and a country only where it is named as a place ("in
    /// Kenya", "the capital of Mali", "Nigeria's Borno state", "Bunagana, Congo"), not as who acts or
    /// whose ("Turkey opened a base", "U.S. embassy staff").
    /// </summary>
    /// <remarks>Computed once per report: every sentence's placement reads it.</remarks>
    internal static List<PlaceMention> StoryPlaces(Document document) =>
        [.. document.Places.Where(p => p.Role != PlaceRole.Dateline && !IsFirstName(document, p) && !Quoted(document, p)
            && !NumberWords.Contains(document.TextOf(p.Range)) && (p.Level != PlaceLevel.Country || NamedAsPlace(document, p)))];

    // Inside quotation marks in its paragraph: someone's words or a slogan ("a banner reading "350 Libertad""), not where anything happened.
    private static bool Quoted(Document document, PlaceMention place)
    {
        var text = document.Text.AsSpan(0, place.Range.Start);
        var paragraph = text[(text.LastIndexOf('\n') + 1)..];
        return paragraph.Count('"') % 2 == 1 || paragraph.LastIndexOf('“') > paragraph.LastIndexOf('”');
    }

    // "DUSHANBE - Four foreign tourists": a number word that opens a sentence is no town of that name.
    private static readonly HashSet<string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Twenty", "Hundreds", "Thousands", "Dozens",
    };

    // The tagger splits "Florence Marchal" into a place and a person: a person's name right after the place makes it their first name.
    private static bool IsFirstName(Document document, PlaceMention place)
    {
        foreach (var e in document.Entities)
            if (e.Type == EntityType.Person && e.Range.Start == place.Range.End + 1 && document.Text[place.Range.End] == ' ') return true;
        return false;
    }

    private static bool NamedAsPlace(Document document, PlaceMention country)
    {
        var after = document.Text.AsSpan(country.Range.End);
        // "Nigeria's Borno state" holds a place; "Burundi's army", "Ukraine's own air defences" name whose.
        if (after.StartsWith("'s") || after.StartsWith("’s"))
            return FirstWord(after[2..]) is var whose && !ActorNouns.Contains(whose) && !SpeakerNouns.Contains(whose) && whose is not "own";
        // The word before, past direction words: "in northern Burkina Faso", "across the country of".
        var before = document.Text.AsSpan(0, country.Range.Start).TrimEnd();
        // "a missile used by Ukraine." names who acted.
        if (WordBefore(before) is "by") return false;
        if (after.StartsWith(",") || after.StartsWith(")") || after.StartsWith(".")) return true;
        while (true)
        {
            int space = before.LastIndexOfAny(' ', '\n');
            var word = before[(space + 1)..];
            if (word.IsEmpty) return false;
            if (DirectionWords.Contains(word) || word.Equals("the", StringComparison.OrdinalIgnoreCase)) { before = before[..Math.Max(0, space)].TrimEnd(); continue; }
            return LocativeWords.Contains(word);
        }
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LocativeWords = new HashSet<string>(
        ["in", "across", "throughout", "inside", "within", "into", "to", "at", "near", "of", "over", "from", "around", "outside"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DirectionWords = new HashSet<string>(
        ["northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern", "southwestern",
         "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "rural", "neighbouring", "neighboring"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The report's country: the dateline's when the report names it, else its most named country, else its most named place.</summary>
    internal static PlaceMention? Focus(Document document, IReadOnlyList<PlaceMention> storyPlaces)
    {
        static PlaceMention? Most(IEnumerable<PlaceMention> places) =>
            places.GroupBy(p => (p.Name, p.Country)).OrderByDescending(g => g.Count()).Select(g => g.First()).FirstOrDefault();
        var countries = document.Places.Where(p => p.Level == PlaceLevel.Country && !IsFirstName(document, p) && !NamesAnActor(document, p)).ToList();
        // The dateline says which country the report is filed from, and so most likely about: of the countries named, that one.
        var filedIn = document.Places.FirstOrDefault(p => p.Role == PlaceRole.Dateline)?.Country;
        return Most(countries.Where(p => p.Country == filedIn)) ?? Most(countries)
            ?? Most(storyPlaces.Where(p => p.Level != PlaceLevel.Region && !NamesAnActor(document, p)));
    }

    /// <summary>
    /// A country named as whose forces act, not where: "US forces prevented a patrol from entering Rmelan",
    /// "Turkey backed factions". Such forces mostly act abroad, so the event is not put there (its
    /// police are left out: they act at home).
    /// </summary>
    internal static bool NamesAnActor(Document document, PlaceMention place)
    {
        return place.Level == PlaceLevel.Country && ActorNouns.Contains(WordAfter(document, place));
    }

    // The letters of the first word of the text.
    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        int letters = 0;
        while (letters < text.Length && char.IsLetter(text[letters])) letters++;
        return text[..letters];
    }

    // The letters of the word after a place mention ("forces" in "US forces", "roundabout" in "the Zahle roundabout").
    internal static ReadOnlySpan<char> WordAfter(Document document, PlaceMention place) => FirstWord(document.Text.AsSpan(place.Range.End));

    internal static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ActorNouns = new HashSet<string>(
        ["forces", "troops", "soldiers", "military", "army", "navy", "warplanes", "jets", "drones", "airstrikes", "backed", "led"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Who speaks for a country: "Burundi's government said" names no place.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeakerNouns = new HashSet<string>(
        ["government", "president", "officials", "authorities", "ambassador", "embassy", "ministry", "foreign", "interior", "defence",
         "defense", "cabinet", "spokesman", "spokeswoman", "leader", "leaders"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();


    /// <summary>How specific a place is, 0 (a site) to 5; a region inside one country (Darfur, Mindanao) counts as a first-level division.</summary>
    internal static int Specificity(PlaceMention place) =>
        place.Level switch
        {
            PlaceLevel.Site => 0,
            PlaceLevel.District or PlaceLevel.City => 1,
            PlaceLevel.Admin2 => 2,
            PlaceLevel.Admin1 => 3,
            PlaceLevel.Country => 4,
            _ => place.Country.Length > 0 ? 3 : 5,
        };

    // A continent, sea or region across borders says too little to place an event; a region inside one country does not.
    private static bool TooVague(PlaceMention place) => place.Level == PlaceLevel.Region && place.Country.Length == 0;

    /// <summary>The place the sentence itself names for its event in what it tells (<see cref="Told"/>, <see cref="MostSpecific"/>), or null; it may be only where someone went ("deployed to Kazakhstan", "flown to Miami").</summary>
    internal static PlaceMention? OwnPlace(Document document, TextRange told, IReadOnlyList<PlaceMention> storyPlaces, PlaceMention? focus)
    {
        var place = MostSpecific(document, storyPlaces.Where(p => told.Contains(p.Range)));
        // "The riots in the country": the report's country, named again.
        if (place is null && focus is { Level: PlaceLevel.Country } && TheCountry().IsMatch(document.Text.AsSpan(told.Start, told.Length))) return focus;
        // "In the Somali capital", "the capital's main boulevard": wire copy names the capital it was filed from in
        // its dateline. Named before the sentence's other places, or instead of a town, the capital is where it happened.
        // "Inside the Islamabad High Court": an institution named after the city the report was filed from is in it.
        if (place is null or { Level: PlaceLevel.Country or PlaceLevel.Admin1 } && InstitutionOfDatelineCity(document, told) is { } city) return city;
        // Not "beyond the capital" or "outside Haiti's capital", and of a dateline with two cities ("NIAMEY/WASHINGTON"),
        // the one in the country whose capital it is ("Niger's capital").
        var capital = CapitalReference().Match(document.Text, told.Start, told.Length);
        if (capital.Success && (place is null || place.Range.Start > capital.Index || place.Level is PlaceLevel.Country or PlaceLevel.Admin1)
            && !OutsideWords.Contains(WordBefore(document.Text.AsSpan(0, capital.Index))))
        {
            var whose = document.Places.FirstOrDefault(p => p.Range.Start == capital.Index && p.Level == PlaceLevel.Country)?.Country ?? focus?.Country;
            var datelineCities = document.Places.Where(p => p.Role == PlaceRole.Dateline && p.Level == PlaceLevel.City).ToList();
            if ((datelineCities.Find(p => p.Country == whose) ?? datelineCities.FirstOrDefault()) is { } filedFrom) return filedFrom;
        }
        return place;
    }

    private static PlaceMention? InstitutionOfDatelineCity(Document document, TextRange told)
    {
        foreach (var org in document.Entities)
        {
            if (org.Type != EntityType.Organization || !told.Contains(org.Range)) continue;
            var name = document.Text.AsSpan(org.Range.Start, org.Range.Length);
            foreach (var p in document.Places)
                if (p.Role == PlaceRole.Dateline && p.Level == PlaceLevel.City && name.Length > p.Name.Length && name[p.Name.Length] == ' '
                    && name.StartsWith(p.Name, StringComparison.OrdinalIgnoreCase)) return p;
        }
        return null;
    }

    // The last word of the text.
    internal static ReadOnlySpan<char> WordBefore(ReadOnlySpan<char> text)
    {
        text = text.TrimEnd();
        return text[(text.LastIndexOfAny(' ', '\n') + 1)..];
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OutsideWords = new HashSet<string>(
        ["outside", "beyond", "from", "of"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The part of the sentence that tells what happened, without who tells it: the claim of a source
    /// credited inside the sentence, when the claim tells an event or comes before its source ("...
    /// died in the attack in Danghara district, the minister told reporters in Dushanbe on Monday"),
    /// else what follows a telling verb that comes before any event word when an event word follows it
    /// ("Stoltenberg, after a meeting in Brussels, agreed that the missile ..."), else the whole
    /// sentence. The places and days outside it are where and when it was told.
    /// </summary>
    internal static TextRange Told(Document document, int s, List<(string Lower, string Original)> words, TextRange? dateline)
    {
        var sentence = document.Sentences[s];
        var range = sentence.Range;
        foreach (var a in document.Attributions)
        {
            if (!range.Contains(a.Range) || a.Claim.Start >= range.End || range.Start >= a.Claim.End) continue;
            var claim = new TextRange(Math.Max(range.Start, a.Claim.Start), Math.Min(range.End, a.Claim.End));
            // "ADDIS ABABA" is no claim of "the cabinet declared".
            if (dateline is { } d && d.Contains(claim)) continue;
            if (claim.End <= a.Range.Start || TellsAnEvent(document, sentence, words, claim)) return claim;
        }
        for (int i = 0; i < words.Count; i++)
        {
            if (IsEventWord(words[i].Lower)) break;
            if (!TellingVerbs.Contains(words[i].Lower)) continue;
            var after = new TextRange(document.Tokens[sentence.FirstToken + i].End, range.End);
            return TellsAnEvent(document, sentence, words, after) ? after : range;
        }
        return range;
    }

    private static bool IsEventWord(string lower) => (EventLexicon.Of(lower) & EventCue.Trigger) != 0;

    private static bool TellsAnEvent(Document document, Sentence sentence, List<(string Lower, string Original)> words, TextRange part)
    {
        for (int i = 0; i < words.Count; i++)
            if (IsEventWord(words[i].Lower) && part.Contains(document.Tokens[sentence.FirstToken + i].Range)) return true;
        return false;
    }

    private static readonly HashSet<string> TellingVerbs = new(StringComparer.Ordinal)
    {
        "said", "says", "told", "agreed", "added", "confirmed", "announced", "stated", "noted", "warned", "admitted", "acknowledged",
        "denied", "claimed", "insisted", "reported", "explained", "urged", "accused", "blamed", "argued", "tweeted", "wrote",
    };

    /// <summary>Whether the place is only where someone or something went ("to", "into") or a street named after it.</summary>
    internal static bool IsDestination(Document document, PlaceMention place) => Role(document, place) == 1;

    /// <summary>The sentence's own most specific place (precision 1 for a town, 2 for a district, 3 above), else its paragraph's (2 or 3), else the focus (3, and <c>OnlyTheFocus</c>).</summary>
    internal static (PlaceMention? Place, int Precision, bool OnlyTheFocus) Where(
        Document document, int s, PlaceMention? own, PlaceMention? focus, int[] paragraphs, IReadOnlyList<PlaceMention> storyPlaces)
    {
        var sentence = document.Sentences[s];
        if (own is not null) return (own, Precision(own, inherited: false), false);
        // "the city", "the town": the last town named before, in whatever paragraph.
        var text = document.Slice(sentence.Range);
        bool anaphora = text.Contains("the city", StringComparison.OrdinalIgnoreCase) || text.Contains("the town", StringComparison.OrdinalIgnoreCase);
        if (anaphora && storyPlaces.LastOrDefault(p => p.Range.End <= sentence.Range.Start && p.Level is PlaceLevel.City or PlaceLevel.District) is { } town)
            return (town, 2, false);
        for (int earlier = s - 1; earlier >= 0 && paragraphs[earlier] == paragraphs[s]; earlier--)
        {
            var range = document.Sentences[earlier].Range;
            // Where someone came from or went is no place to inherit ("The three, who came from Guayaquil, ...").
            var inherited = MostSpecific(document, storyPlaces.Where(p => range.Contains(p.Range) && Role(document, p) == 0));
            if (inherited is not null) return (inherited, Precision(inherited, inherited: true), false);
        }
        return (focus, 3, true);
    }

    /// <summary>
    /// Where the sentence's event happened: the most specific place, then the first. A place after "to"
    /// gives way to one after "in", "at" or "near", and so does one after "from" ("workers from Surat
    /// threw stones at police at Halol") unless all of those hold it ("citizens from Redeyef (Gafsa) protested").
    /// </summary>
    internal static PlaceMention? MostSpecific(Document document, IEnumerable<PlaceMention> places)
    {
        var candidates = places.Where(p => !TooVague(p) && !NamesAnActor(document, p)).ToList();
        // "El Plateado, a town in the province of Cauca": a town beside a division of another country, and nothing of its own, is a namesake.
        candidates.RemoveAll(p => p.Level is PlaceLevel.City or PlaceLevel.District or PlaceLevel.Site or PlaceLevel.Admin2
            && candidates.Exists(q => q.Level is PlaceLevel.Admin1 or PlaceLevel.Country && q.Country != p.Country)
            && !candidates.Exists(q => !ReferenceEquals(q, p) && q.Country == p.Country));
        var here = candidates.Where(p => Role(document, p) == 0).ToList();
        return candidates
            .OrderBy(p => Role(document, p) switch { 0 => 0, 2 when here.TrueForAll(q => Holds(q, p)) => 0, _ => 1 })
            .ThenBy(Specificity)
            .ThenBy(p => p.Range.Start)
            .FirstOrDefault();
    }

    // Whether the division or country mentioned as <paramref name="outer"/> holds the place mentioned as <paramref name="inner"/>.
    internal static bool Holds(PlaceMention outer, PlaceMention inner) =>
        outer.Country == inner.Country
        && (inner.Level is PlaceLevel.City or PlaceLevel.District or PlaceLevel.Site
            && (outer.Level == PlaceLevel.Country || outer.Level == PlaceLevel.Admin1 && outer.Name == inner.Admin1 || outer.Level == PlaceLevel.Admin2 && outer.Admin1 == inner.Admin1)
            || inner.Level == PlaceLevel.Admin2 && (outer.Level == PlaceLevel.Country || outer.Level == PlaceLevel.Admin1 && outer.Name == inner.Admin1)
            || inner.Level is PlaceLevel.Admin1 or PlaceLevel.Region && outer.Level == PlaceLevel.Country);

    // 0 where it happened; 1 where it went ("to", "into", "bound for") or a street named after it ("the Halba
    // highway"); 2 where they came from, or a landmark the place is told from ("south of Cairo", "6 km from the border").
    internal static int Role(Document document, PlaceMention place)
    {
        var before = document.Text.AsSpan(0, place.Range.Start).TrimEnd();
        int space = before.LastIndexOfAny(' ', '\n');
        var word = before[(space + 1)..];
        var rest = before[..Math.Max(0, space)].TrimEnd();
        var previous = rest[(rest.LastIndexOfAny(' ', '\n') + 1)..];
        if (word is "from" || word is "of" && Compass.Contains(previous)) return 2;
        // "The unrest spread to Bignona": where it spread is where it happened.
        if (word is "to" && SpreadBefore(rest)) return 0;
        if (word is "to" or "toward" or "towards" or "into" || word is "for" && previous is "bound" or "depart" or "departed" or "left" or "leave" or "heading" or "headed") return 1;
        var after = WordAfter(document, place);
        return PlaceNames.IsStreetWord(after) || NamedAfterThePlace.Contains(after) ? 1 : 0;
    }

    // "the Paris Olympics", "the Minsk agreements", "the Astana talks": a thing named after a place, held or signed
    // there some other time; the report's act need not be there.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NamedAfterThePlace = new HashSet<string>(
        ["Olympics", "Games", "Agreement", "Agreements", "Accord", "Accords", "Protocol", "Convention", "Conventions", "Declaration",
         "Process", "Format", "Marathon"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    // "spread to", "spread from Dakar to": a spreading verb among the four words before.
    private static bool SpreadBefore(ReadOnlySpan<char> before)
    {
        for (int k = 0; k < 4 && !before.IsEmpty; k++)
        {
            int space = before.LastIndexOfAny(' ', '\n');
            if (before[(space + 1)..] is "spread" or "spreading" or "spreads") return true;
            before = before[..Math.Max(0, space)].TrimEnd();
        }
        return false;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Compass = new HashSet<string>(
        ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    internal static int Precision(PlaceMention place, bool inherited) => place.Level switch
    {
        PlaceLevel.Site or PlaceLevel.District or PlaceLevel.City => inherited ? 2 : 1,
        PlaceLevel.Admin2 => 2,
        _ => 3,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:in|across|throughout|all over) the country\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TheCountry();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:the (?:[A-Z][a-z]+ ){0,2}|[A-Z][a-z]+(?:'s|’s) )capital\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CapitalReference();
}
