using Sitrep.Documents;

namespace Sitrep.Events;

/// <summary>
/// The towns one sentence tells the same act at. ACLED codes one event per location, so "50,000
/// marched in Haifa and 10,000 gathered in Beersheba" is two events and "fires were started near
/// Courtalain, at Croisilles and near Pagny-sur-Moselle" three.
/// </summary>
internal static class EventSites
{
    /// <summary>
    /// The towns of the told part of a sentence where its act happened besides <paramref name="first"/>
    /// (<see cref="EventPlacement.OwnPlace"/>): each told in a clause of its own ("and about 10,000
    /// gathered in Beersheba"), an item of its own ("...; at Croisilles, ...") or listed with a town
    /// where it happened ("in Tel Aviv, Haifa and Jerusalem"); in the first one's country, where it
    /// happened (not where anyone came from or went, or whose people act: "committees of Vavuniya"),
    /// more than 25 km from each other. None when the towns are the ends of a road or a front
    /// ("between Gao and Kidal").
    /// </summary>
    internal static IEnumerable<PlaceMention> Beside(Document document, TextRange told, IReadOnlyList<PlaceMention> storyPlaces, PlaceMention? first)
    {
        if (first is not { Level: PlaceLevel.City or PlaceLevel.District or PlaceLevel.Site } || EventPlacement.Role(document, first) != 0) yield break;
        var towns = storyPlaces.Where(p => told.Contains(p.Range) && p.Level is PlaceLevel.City or PlaceLevel.District or PlaceLevel.Site).ToList();
        if (towns.Count < 2 || towns.Exists(t => AlongARoute(document, t))) yield break;
        var sites = new List<PlaceMention> { first };
        bool previousIsSite = true;
        for (int k = 1; k < towns.Count; k++)
        {
            var town = towns[k];
            var gap = Gap(document, towns, k);
            bool where = EventPlacement.Role(document, town) == 0 && !CameFrom(document, town) && !Whose(document, town);
            // A list's towns share its first one's part: "from the areas of Kilinochchi, Mullaitivu and Mannar".
            bool isSite = gap is "" or "and" or "or" ? previousIsSite && where && !IsLandmark(document, towns, k) : where && OwnClause(gap);
            previousIsSite = isSite;
            if (!isSite || town.Country != first.Country || sites.Exists(s => IncidentGrouping.SamePlace(s, town))) continue;
            sites.Add(town);
            yield return town;
        }
    }

    // The words between a town and the one before it in the sentence.
    private static ReadOnlySpan<char> Gap(Document document, List<PlaceMention> towns, int k) =>
        document.Text.AsSpan(towns[k - 1].Range.End, Math.Max(0, towns[k].Range.Start - towns[k - 1].Range.End)).Trim([' ', ',']);

    // The words between two towns start another telling: an item of a list (";") or a verb of an event ("and 10,000 gathered in").
    private static bool OwnClause(ReadOnlySpan<char> gap)
    {
        if (gap.Contains(';')) return true;
        foreach (var range in gap.Split(' '))
        {
            var word = gap[range];
            if (word.Length > 3 && word.EndsWith("ed") && (EventLexicon.Of(word.ToString().ToLowerInvariant()) & EventCue.Trigger) != 0) return true;
        }
        return false;
    }

    // "Sentul, Bogor," says where Sentul is, unless a later town closes a list ("Haifa, Tel Aviv and Jerusalem").
    private static bool IsLandmark(Document document, List<PlaceMention> towns, int k) =>
        Gap(document, towns, k).IsEmpty && !towns.Skip(k).Any(t => EventPlacement.WordBefore(document.Text.AsSpan(0, t.Range.Start)) is "and" or "or");

    // "between Gao and Kidal", "the Colombo - Horana road", "a road that connects Colombo and Kandy", "on the Kaya axis".
    private static bool AlongARoute(Document document, PlaceMention town)
    {
        var before = document.Text.AsSpan(0, town.Range.Start);
        if (EventPlacement.WordBefore(before) is "between") return true;
        var after = document.Text.AsSpan(town.Range.End).TrimStart();
        if (after.StartsWith("-") || after.StartsWith("–")) return true;
        if (RouteWords.Contains(EventPlacement.WordAfter(document, town))) return true;
        for (int w = 0; w < 3 && !before.IsEmpty; w++)
        {
            before = before.TrimEnd();
            int space = before.LastIndexOfAny(' ', '\n');
            if (before[(space + 1)..] is "connects" or "connecting" or "links" or "linking" or "joins" or "joining") return true;
            before = before[..Math.Max(0, space)];
        }
        return false;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RouteWords = new HashSet<string>(
        ["road", "highway", "route", "axis", "motorway", "corridor", "expressway"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // "protesters from Surat", "people who had come from the areas such as Kilinochchi": "from" among the four words before, with no "in", "at" or "near" after it.
    private static bool CameFrom(Document document, PlaceMention town)
    {
        var before = document.Text.AsSpan(0, town.Range.Start);
        for (int w = 0; w < 4 && !before.IsEmpty; w++)
        {
            before = before.TrimEnd();
            int space = before.LastIndexOfAny(' ', '\n');
            var word = before[(space + 1)..];
            if (word is "in" or "at" or "near" or "inside") return false;
            if (word is "from") return true;
            before = before[..Math.Max(0, space)];
        }
        return false;
    }

    // "members of the committees of Vavuniya": a town after "of" is whose, unless "of" follows a word for a place ("the town of").
    private static bool Whose(Document document, PlaceMention town)
    {
        var before = document.Text.AsSpan(0, town.Range.Start).TrimEnd();
        if (EventPlacement.WordBefore(before) is not "of") return false;
        var rest = before[..Math.Max(0, before.LastIndexOf(' '))].TrimEnd();
        return !PlaceNouns.Contains(EventPlacement.WordBefore(rest));
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceNouns = new HashSet<string>(
        ["town", "towns", "city", "cities", "village", "villages", "district", "districts", "area", "areas", "outskirts", "suburb", "suburbs",
         "centre", "center", "province", "region", "municipality", "commune", "county", "localities", "locality", "neighbourhood", "neighborhood"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
