using Sitrep.Documents;
using Sitrep.Places;

namespace Sitrep.Events;

/// <summary>The actors of an event, by ACLED's names and inter codes, from the actor words of its sentence.</summary>
internal sealed class ActorCoding(Gazetteer? gazetteer, ActorLexicon? lexicon)
{
    internal (string? Actor1, int? Inter1, string? Actor2, int? Inter2) ActorsOf(
        Document document, List<(string Lower, string Original)> words, string eventType, string subType, string? country, int year)
    {
        var named = new List<(ActorKind Kind, string Country)>();
        string? foreign = null;
        foreach (var (lower, original) in words)
        {
            if (original.Length == 0) continue;
            if (gazetteer is not null && char.IsUpper(original[0]) && gazetteer.Demonyms.Find(PlaceNames.Key(original)) is { IsEmpty: false } d)
            {
                foreign = CountryNames.Of(gazetteer.Country(d[0] & NameIndex.EntryMask));
                continue;
            }
            if (Actors.Of(lower) is { } kind)
            {
                var of = foreign ?? country ?? "Unknown";
                if (!named.Exists(n => n.Kind == kind)) named.Add((kind, of));
                foreign = null;
            }
        }
        (ActorKind Kind, string Country)? Pick(Func<ActorKind, bool> which, (ActorKind, string)? except = null) =>
            named.Where(n => which(n.Kind) && (except is null || n != except)).Select(n => ((ActorKind, string)?)n).FirstOrDefault();
        bool Armed(ActorKind k) => k is ActorKind.Military or ActorKind.Police or ActorKind.ArmedGroup or ActorKind.Rioters;

        (ActorKind, string)? first, second;
        var home = country ?? "Unknown";
        switch (eventType)
        {
            case "Protests":
                first = (ActorKind.Protesters, home);
                second = subType == "Peaceful protest" ? null : Pick(k => k is ActorKind.Police or ActorKind.Military);
                break;
            case "Riots":
                first = Pick(k => k is ActorKind.Rioters or ActorKind.Protesters) ?? (ActorKind.Rioters, home);
                if (first.Value.Item1 == ActorKind.Protesters) first = (ActorKind.Rioters, first.Value.Item2);
                second = Pick(k => k is ActorKind.Police or ActorKind.Military or ActorKind.Civilians);
                break;
            case "Violence against civilians":
                first = Pick(k => Armed(k)) ?? (ActorKind.ArmedGroup, home);
                second = (ActorKind.Civilians, home);
                break;
            case "Explosions/Remote violence":
                // Unclaimed bombs are an unidentified group's; with no armed target named, the victims are civilians.
                first = Pick(Armed) ?? (ActorKind.ArmedGroup, home);
                second = Pick(k => Armed(k) || k == ActorKind.Civilians, first) ?? (ActorKind.Civilians, home);
                break;
            default:
                first = Pick(Armed) ?? Pick(_ => true);
                second = first is null ? null : Pick(k => Armed(k) || k == ActorKind.Civilians, first);
                break;
        }
        // ACLED's own name for the actor that year ("Military Forces of Ukraine (2019-)"), where the lexicon knows one.
        string Named(ActorKind kind, string of) => lexicon?.Resolve(Actors.Name(kind, of), year) ?? Actors.Name(kind, of);
        (string? Name, int? Inter) one = first is { } a ? (Named(a.Item1, a.Item2), Actors.Inter(a.Item1)) : (null, null);
        (string? Name, int? Inter) two = second is { } b ? (Named(b.Item1, b.Item2), Actors.Inter(b.Item1)) : (null, null);
        // A group the sentence names ("M23 rebels", "Al Shabaab fighters") is the armed side it left unidentified.
        if (lexicon?.FindGroup(words, country) is { } group && eventType is not ("Protests" or "Riots"))
        {
            if (first is null || first.Value.Item1 == ActorKind.ArmedGroup) one = group;
            else if (second is null || second.Value.Item1 is ActorKind.ArmedGroup or ActorKind.Civilians && eventType == "Battles") two = group;
        }
        return (one.Name, one.Inter, two.Name, two.Inter);
    }
}
