using Sitrep.Documents;
using Sitrep.Linking;
using Sitrep.Places;
using Sitrep.Storage;

namespace Sitrep.SituationReports;

/// <summary>
/// A situation report on one country: headline figures with their ranges and sources, a day-by-day
/// timeline, incidents by place, what changed since the previous report, and the evidence sentence
/// behind every statement, numbered so each statement can cite it. Built from linked incidents, so
/// a story told by ten outlets counts once and every outlet's figure stays visible.
/// </summary>
public sealed class SituationReport
{
    /// <summary>A figure summed over incidents: the chosen (conservative) total and the sums of the lowest and highest figures reported.</summary>
    public sealed record Total(int Value, int Low, int High, int Incidents);

    /// <summary>Incidents and fatalities of one ACLED event type.</summary>
    public sealed record TypeLine(string EventType, int Incidents, int Fatalities);

    /// <summary>The incidents of one day (a null date holds the undated ones).</summary>
    public sealed record Day(DateOnly? Date, IReadOnlyList<Incident> Incidents);

    /// <summary>The incidents at one place.</summary>
    public sealed record PlaceLine(string Place, string? Admin1, double Latitude, double Longitude, IReadOnlyList<Incident> Incidents, int Fatalities);

    /// <summary>A figure of an incident that reports after the previous report changed.</summary>
    public sealed record Revision(Incident Incident, string Field, int? Before, int After, IReadOnlyList<Claim> NewClaims);

    /// <summary>What reports dated after <see cref="SituationReport.Since"/> added.</summary>
    public sealed record Changes(int NewReports, IReadOnlyList<Incident> NewIncidents, IReadOnlyList<Revision> Revisions, IReadOnlyList<Incident> Corroborated, Total FatalitiesBefore);

    /// <summary>One evidence sentence, numbered in the order the report cites them.</summary>
    public sealed record Evidence(int Number, StoredEvent Member, TextRange Range)
    {
        /// <summary>The sentence's text, on one line.</summary>
        public string Text => Member.DocumentText[Range.Start..Range.End].ReplaceLineEndings(" ").Trim();
    }

    private readonly Dictionary<string, IReadOnlyList<int>> _citations = new(StringComparer.Ordinal);

    private SituationReport(string country, DateOnly? from, DateOnly? to, IReadOnlyList<Incident> incidents, DateOnly? since)
    {
        Country = country;
        CountryName = CountryNames.Of(country);
        From = from;
        To = to;
        Incidents = [.. incidents.OrderBy(i => i.Event.Date ?? DateOnly.MaxValue).ThenBy(i => i.Id, StringComparer.Ordinal)];
        var members = Incidents.SelectMany(i => i.Members).ToList();
        AsOf = members.Count == 0 ? null : members.Max(m => m.DocumentDate);
        Since = since ?? AsOf?.AddDays(-1);
        Reports = members.Select(m => m.DocumentId).Distinct().Count();
        Sources = [.. members.Select(SourceOf).Distinct().Order(StringComparer.Ordinal)];
        Fatalities = Sum(Incidents, "fatalities");
        Injured = Sum(Incidents, "injured");
        ByType = [.. Incidents.GroupBy(i => i.Event.EventType)
            .Select(g => new TypeLine(g.Key, g.Count(), g.Sum(i => i.Event.Fatalities ?? 0)))
            .OrderByDescending(t => t.Incidents).ThenBy(t => t.EventType, StringComparer.Ordinal)];
        Timeline = [.. Incidents.GroupBy(i => i.Event.Date).OrderBy(g => g.Key ?? DateOnly.MaxValue).Select(g => new Day(g.Key, [.. g]))];
        ByPlace = [.. Incidents.Where(i => i.Event.Place is not null).GroupBy(i => (i.Event.Place!.Name, i.Event.Place.Admin1))
            .Select(g => new PlaceLine(g.Key.Name, g.Key.Admin1, g.First().Event.Place!.Latitude, g.First().Event.Place!.Longitude, [.. g], g.Sum(i => i.Event.Fatalities ?? 0)))
            .OrderByDescending(p => p.Incidents.Count).ThenByDescending(p => p.Fatalities).ThenBy(p => p.Place, StringComparer.Ordinal)];
        Change = ChangesSince(Since);

        var evidence = new List<Evidence>();
        foreach (var incident in Incidents)
        {
            var numbers = new List<int>();
            foreach (var m in incident.Members.OrderBy(m => m.DocumentDate).ThenBy(m => m.Id, StringComparer.Ordinal))
                foreach (var range in m.Event.Evidence)
                {
                    evidence.Add(new Evidence(evidence.Count + 1, m, range));
                    numbers.Add(evidence.Count);
                }
            _citations[incident.Id] = numbers;
        }
        EvidenceList = evidence;
    }

    /// <summary>
    /// The report on <paramref name="country"/> from <paramref name="incidents"/> (already filtered to
    /// it and to the dates asked for). Changes are counted against the reports dated up to
    /// <paramref name="since"/>; by default, the day before the latest report.
    /// </summary>
    public static SituationReport Build(string country, IReadOnlyList<Incident> incidents, DateOnly? from = null, DateOnly? to = null, DateOnly? since = null) =>
        new(country, from, to, incidents, since);

    /// <summary>ISO 3166-1 alpha-2 code of the country reported on.</summary>
    public string Country { get; }

    /// <summary>The country's English name.</summary>
    public string CountryName { get; }

    /// <summary>First day asked for, if any.</summary>
    public DateOnly? From { get; }

    /// <summary>Last day asked for, if any.</summary>
    public DateOnly? To { get; }

    /// <summary>The date of the latest report used, or null when there were none.</summary>
    public DateOnly? AsOf { get; }

    /// <summary>The previous report's cut-off: reports dated after it are what changed.</summary>
    public DateOnly? Since { get; }

    /// <summary>The incidents, in date order.</summary>
    public IReadOnlyList<Incident> Incidents { get; }

    /// <summary>How many reports the incidents were read from.</summary>
    public int Reports { get; }

    /// <summary>Every source credited, in order.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Fatalities over all incidents.</summary>
    public Total Fatalities { get; }

    /// <summary>Injuries over all incidents.</summary>
    public Total Injured { get; }

    /// <summary>Incidents by event type, the commonest first.</summary>
    public IReadOnlyList<TypeLine> ByType { get; }

    /// <summary>The incidents day by day.</summary>
    public IReadOnlyList<Day> Timeline { get; }

    /// <summary>The incidents by place, the busiest first.</summary>
    public IReadOnlyList<PlaceLine> ByPlace { get; }

    /// <summary>What changed since <see cref="Since"/>.</summary>
    public Changes Change { get; }

    /// <summary>Every evidence sentence, numbered from 1.</summary>
    public IReadOnlyList<Evidence> EvidenceList { get; }

    /// <summary>The numbers of the evidence sentences behind <paramref name="incident"/>.</summary>
    public IReadOnlyList<int> Citations(Incident incident) => _citations[incident.Id];

    /// <summary>The incidents with the most fatalities (at least one), the deadliest first.</summary>
    public IReadOnlyList<Incident> Deadliest(int count) =>
        [.. Incidents.Where(i => i.Event.Fatalities > 0).OrderByDescending(i => i.Event.Fatalities).ThenBy(i => i.Id, StringComparer.Ordinal).Take(count)];

    /// <summary>The outlet that published a member's report.</summary>
    public static string SourceOf(StoredEvent member) => member.DocumentSource ?? "unnamed outlet";

    /// <summary>Who a member's report credits, and the outlet: "Hassan Sheikh Mohamud, via Horn Ledger"; the outlet alone when it credits nobody else.</summary>
    public static string CreditOf(StoredEvent member) =>
        member.Event.Source is { } s && s != member.DocumentSource ? $"{s}, via {SourceOf(member)}" : SourceOf(member);

    /// <summary>What an incident is, in one line: "Armed clash in Kharkiv (Kharkivska): Military Forces of Russia vs Military Forces of Ukraine".</summary>
    public static string Headline(Incident incident)
    {
        var e = incident.Event;
        var where = e.Place is not { } p ? "" : p.Admin1 is { } admin1 && admin1 != p.Name ? $" in {p.Name} ({admin1})" : $" in {p.Name}";
        var who = (e.Actor1, e.Actor2) switch
        {
            (null, null) => "",
            ({ } a, null) => $": {a}",
            (null, { } b) => $": against {b}",
            ({ } a, { } b) => $": {a} vs {b}",
        };
        var what = e.SubEventType == "Other" ? e.EventType.TrimEnd('s') : e.SubEventType;
        return $"{what}{where}{who}";
    }

    /// <summary>Each source's figure for a field of an incident, with its words: "at least 100 (Horn Ledger, 30 Oct 2022)".</summary>
    public static IEnumerable<string> ClaimsOf(Incident incident, string field) =>
        incident.Claims.Where(c => c.Field == field).Select(c => $"{(c.Text is { } t && t != c.Value.ToString() ? $"{c.Value} (\"{t}\")" : $"{c.Value}")} according to {Credit(incident, c)}, {SituationReportDates.Short(c.Date)}");

    /// <summary>Who a claim is credited to, with the outlet that carried it.</summary>
    public static string Credit(Incident incident, Claim claim) =>
        incident.Members.FirstOrDefault(m => m.DocumentId == claim.Document) is { } member ? CreditOf(member) : claim.Source ?? "an unnamed source";

    private static Total Sum(IReadOnlyList<Incident> incidents, string field)
    {
        int value = 0, low = 0, high = 0, count = 0;
        foreach (var i in incidents)
        {
            int chosen = field == "fatalities" ? i.Event.Fatalities ?? 0 : i.Event.Injured ?? 0;
            var range = i.Range(field) ?? (chosen, chosen);
            value += chosen;
            low += range.Low;
            high += range.High;
            if (chosen > 0) count++;
        }
        return new Total(value, low, high, count);
    }

    private Changes ChangesSince(DateOnly? since)
    {
        if (since is not { } cutoff) return new Changes(0, [], [], [], new Total(0, 0, 0, 0));
        var fresh = new List<Incident>();
        var revisions = new List<Revision>();
        var corroborated = new List<Incident>();
        var before = new List<Incident>();
        foreach (var incident in Incidents)
        {
            var earlier = incident.Members.Where(m => m.DocumentDate <= cutoff).ToList();
            if (earlier.Count == 0)
            {
                fresh.Add(incident);
                continue;
            }
            if (earlier.Count == incident.Members.Count)
            {
                before.Add(incident);
                continue;
            }
            var then = Incident.Of(earlier);
            before.Add(then);
            bool revised = false;
            foreach (var field in new[] { "fatalities", "injured" })
            {
                var newClaims = incident.Claims.Where(c => c.Field == field && c.Date > cutoff).ToList();
                if (newClaims.Count == 0) continue;
                int? old = then.Conservative(field)?.Value;
                int now = incident.Conservative(field)!.Value;
                if (old != now || newClaims.Any(c => c.Value != old))
                {
                    revisions.Add(new Revision(incident, field, old, now, newClaims));
                    revised = true;
                }
            }
            if (!revised) corroborated.Add(incident);
        }
        int newReports = Incidents.SelectMany(i => i.Members).Where(m => m.DocumentDate > cutoff).Select(m => m.DocumentId).Distinct().Count();
        return new Changes(newReports, fresh, revisions, corroborated, Sum(before, "fatalities"));
    }
}
