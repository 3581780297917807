using System.Globalization;
using static Sitrep.Storage.StoredRows;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Linking;

namespace Sitrep.Storage;

/// <summary>
/// Linking across reports, run as each batch is stored (in its transaction): near-duplicate reports
/// by MinHash/LSH, and each new event's incident among the events already stored. Links are pairs
/// decided by symmetric tests, and an incident is a connected set of linked events named by its
/// smallest id, so any order of arrival gives the same incidents.
/// </summary>
public sealed partial class SqliteDocumentStore
{
    private bool? _anySeparations;

    private bool AnySeparations(SqliteTransaction transaction) =>
        _anySeparations ??= Command(transaction, "SELECT EXISTS (SELECT 1 FROM event_separations)").ExecuteScalar() is long and not 0;

    private void LinkNewDocuments(IReadOnlyList<Document> added, SqliteTransaction transaction)
    {
        _anySeparations = null;
        foreach (var document in added)
        {
            var duplicates = LinkDuplicates(document, transaction);
            LinkEvents(document, duplicates, transaction);
        }
    }

    // Records the report's near-duplicates and returns them, most alike first. A story syndicated a
    // thousand times shares its band keys with every copy: a bounded number of candidates is read,
    // enough to find copies, never all of them.
    private List<(string Id, double Similarity)> LinkDuplicates(Document document, SqliteTransaction transaction)
    {
        var duplicates = new List<(string Id, double Similarity)>();
        if (MinHash.Signature(document.Text) is not { } signature) return duplicates;
        var keys = MinHash.BandKeys(signature);
        var find = Command(transaction, $"""
            SELECT s.document_id, s.signature FROM document_signatures s
            WHERE s.document_id IN (SELECT document_id FROM document_bands WHERE band IN ({string.Join(", ", keys.Select((_, i) => "$k" + i))}) LIMIT {MaxDuplicateCandidates})
            """);
        {
            for (int i = 0; i < keys.Length; i++) find.Parameters.AddWithValue("$k" + i, keys[i]);
            using (var r = find.ExecuteReader())
                while (r.Read())
                {
                    double similarity = MinHash.Similarity(signature, MinHash.FromBytes((byte[])r.GetValue(1)));
                    if (similarity >= MinHash.DuplicateThreshold && r.GetString(0) != document.Id) duplicates.Add((r.GetString(0), similarity));
                }
            // The closest few are kept: copies of one story are all linked through them, and a
            // story syndicated a thousand times does not write a million pairs.
            duplicates.Sort((x, y) => y.Similarity.CompareTo(x.Similarity) is var c and not 0 ? c : string.CompareOrdinal(x.Id, y.Id));
            if (duplicates.Count > MaxDuplicatesKept) duplicates.RemoveRange(MaxDuplicatesKept, duplicates.Count - MaxDuplicatesKept);
            foreach (var (other, similarity) in duplicates)
            {
                var insert = Command(transaction, "INSERT OR IGNORE INTO document_duplicates (a, b, similarity) VALUES ($a, $b, $s)");
                bool first = string.CompareOrdinal(document.Id, other) < 0;
                insert.Parameters.AddWithValue("$a", first ? document.Id : other);
                insert.Parameters.AddWithValue("$b", first ? other : document.Id);
                insert.Parameters.AddWithValue("$s", Math.Round(similarity, 3));
                insert.ExecuteNonQuery();
            }
        }
        var save = Command(transaction, "INSERT OR IGNORE INTO document_signatures (document_id, signature) VALUES ($id, $signature)");
        {
            save.Parameters.AddWithValue("$id", document.Id);
            save.Parameters.AddWithValue("$signature", MinHash.ToBytes(signature));
            save.ExecuteNonQuery();
        }
        // Every band key in one statement: twenty single-row inserts cost more than the search.
        var band = Command(transaction, $"INSERT OR IGNORE INTO document_bands (band, document_id) VALUES {string.Join(", ", keys.Select((_, i) => $"($k{i}, $id)"))}");
        band.Parameters.AddWithValue("$id", document.Id);
        for (int i = 0; i < keys.Length; i++) band.Parameters.AddWithValue("$k" + i, keys[i]);
        band.ExecuteNonQuery();
        return duplicates;
    }

    private const int MaxDuplicateCandidates = 64;
    private const int MaxDuplicatesKept = 8;
    private const int MaxEventCandidates = 200;

    // A candidate query in three index range scans, one per time precision of the stored events:
    // each with the date window the matcher would allow that pair (the wider of the two precisions'),
    // so day-precise events are looked for a day either way, not a month.
    // The index is named: the list-order indexes also lead with the head flag, and the planner,
    // seeing that equality, would otherwise walk every head in list order.
    private static string ByPrecision(string index, string where) => $"""
        SELECT {MentionColumns} FROM events INDEXED BY {index} WHERE {where} AND time_precision = 1 AND date BETWEEN $from1 AND $to1
        UNION ALL SELECT {MentionColumns} FROM events INDEXED BY {index} WHERE {where} AND time_precision = 2 AND date BETWEEN $from2 AND $to2
        UNION ALL SELECT {MentionColumns} FROM events INDEXED BY {index} WHERE {where} AND time_precision = 3 AND date BETWEEN $from3 AND $to3
        LIMIT {MaxEventCandidates}
        """;

    // The blocking parameters shared by both candidate queries: disorder type, date windows, other reports.
    private static void Window(SqliteCommand find, EventMention m, string documentId)
    {
        var date = m.Date!.Value;
        find.Parameters.AddWithValue("$family", LinkCells.Family(m.EventType));
        for (int precision = 1; precision <= 3; precision++)
        {
            int days = IncidentMatcher.WindowDays(Math.Max(precision, m.TimePrecision));
            find.Parameters.AddWithValue("$from" + precision, IsoDate(date.AddDays(-days)));
            find.Parameters.AddWithValue("$to" + precision, IsoDate(date.AddDays(days)));
        }
        find.Parameters.AddWithValue("$document", documentId);
    }

    // Links the report's events to the incidents already stored. A near-duplicate of a stored report
    // tells of the same incidents: its events are matched with that report's alone. Otherwise each
    // event is matched with the heads of stored incidents found by blocking keys the matcher implies:
    // same disorder type, a date within the window of the two time precisions, and either a grid cell
    // near the event's point (for town-level places) or the same first-level division. An
    // incident is matched through its head, its most precisely coded event, so a story told by a
    // thousand reports costs one comparison, not a thousand. Each incident gets at most one link.
    private void LinkEvents(Document document, List<(string Id, double Similarity)> duplicates, SqliteTransaction transaction)
    {
        var mentions = document.Events.Select((e, i) => EventMention.Of(document.Id, i + 1, e))
            .Where(m => m.Country is not null && m.Date is not null).ToList();
        if (mentions.Count == 0) return;

        // Each incident found, with the pairs of (new event, stored event) the search found it by.
        var byIncident = new Dictionary<string, List<(EventMention New, EventMention Stored)>>(StringComparer.Ordinal);
        void Read(SqliteCommand find, IReadOnlyList<EventMention> finders)
        {
            using var r = find.ExecuteReader();
            while (r.Read())
            {
                var stored = ReadMention(r);
                if (!byIncident.TryGetValue(stored.IncidentId, out var pairs)) byIncident[stored.IncidentId] = pairs = [];
                foreach (var m in finders) pairs.Add((m, stored));
            }
        }
        if (duplicates.Count > 0)
        {
            foreach (var (duplicate, _) in duplicates.Take(3))
            {
                var find = Command(transaction, $"SELECT {MentionColumns} FROM events WHERE document_id = $document AND country IS NOT NULL");
                find.Parameters.AddWithValue("$document", duplicate);
                Read(find, mentions);
            }
        }
        else
        {
            foreach (var m in mentions)
            {
                if (m.Latitude is not { } lat || m.Longitude is not { } lon) continue;
                if (m.GeoPrecision <= 2)
                {
                    var cells = LinkCells.Around(lat, lon, IncidentMatcher.MaxRadiusKm);
                    var near = Command(transaction, ByPrecision("incident_heads_by_cell",
                        $"incident_head = 1 AND family = $family AND cell IN ({string.Join(", ", cells.Select((_, i) => "$c" + i))}) AND document_id <> $document"));
                    for (int i = 0; i < cells.Count; i++) near.Parameters.AddWithValue("$c" + i, cells[i]);
                    Window(near, m, document.Id);
                    Read(near, [m]);
                }
                if (m.Admin1 is null) continue;
                // Region-level events match within their division, whatever the distance.
                var region = Command(transaction, ByPrecision("incident_heads_by_region",
                    "incident_head = 1 AND family = $family AND country = $country AND admin1 = $admin1 AND document_id <> $document AND (geo_precision >= 3 OR $precision >= 3)"));
                region.Parameters.AddWithValue("$country", m.Country);
                region.Parameters.AddWithValue("$admin1", m.Admin1);
                region.Parameters.AddWithValue("$precision", m.GeoPrecision);
                Window(region, m, document.Id);
                Read(region, [m]);
            }
        }
        if (byIncident.Count == 0) return;

        var separated = Separations(transaction, document.Id);
        // The report's events as stored now: an earlier report of the batch may already have linked them.
        var own = Command(transaction, $"SELECT {MentionColumns} FROM events WHERE document_id = $document");
        own.Parameters.AddWithValue("$document", document.Id);
        var stored = new List<EventMention>();
        using (var r = own.ExecuteReader())
            while (r.Read()) stored.Add(ReadMention(r));
        var merging = new ReportMerge(stored);
        foreach (var (_, pairs) in byIncident.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (IncidentPairing.Best(pairs, separated) is { } best)
                AddLink(best.Link, best.New, best.Stored, merging, transaction);
    }

    // What linking one report has changed so far: the incident each of its events is in now, the
    // incidents renamed by a merge, and the head of each incident it touched. Kept in memory so a
    // link costs three statements (the link, the demoted head, the renamed members).
    private sealed class ReportMerge(IReadOnlyList<EventMention> stored)
    {
        public Dictionary<string, string> IncidentOfNew { get; } = stored.ToDictionary(m => m.Id, m => m.IncidentId, StringComparer.Ordinal);
        public Dictionary<string, string> Renamed { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, EventMention> Heads { get; } = stored.Where(m => m.IsHead).ToDictionary(m => m.IncidentId, m => m, StringComparer.Ordinal);

        public string Resolve(string incident)
        {
            while (Renamed.TryGetValue(incident, out var next)) incident = next;
            return incident;
        }
    }

    private void AddLink(EventLink link, EventMention fresh, EventMention stored, ReportMerge merging, SqliteTransaction transaction)
    {
        string first = merging.Resolve(merging.IncidentOfNew[fresh.Id]), second = merging.Resolve(stored.IncidentId);
        // An analyst's separation holds across incidents: no link may join two events they split.
        if (first != second && Separated(first, second, transaction)) return;
        var insert = Command(transaction, "INSERT OR IGNORE INTO event_links (a, b, reason) VALUES ($a, $b, $reason)");
        {
            insert.Parameters.AddWithValue("$a", link.A);
            insert.Parameters.AddWithValue("$b", link.B);
            insert.Parameters.AddWithValue("$reason", link.Reason);
            if (insert.ExecuteNonQuery() == 0) return;
        }
        if (first == second) return;
        // The merged incident's head is the better of the two heads: one row changes, not every member's.
        var firstHead = merging.Heads.GetValueOrDefault(first) ?? HeadOf(first, transaction);
        var secondHead = merging.Heads.GetValueOrDefault(second) ?? (stored.IsHead ? stored : HeadOf(second, transaction));
        var head = EventMention.BetterHead(firstHead, secondHead);
        var demote = Command(transaction, "UPDATE events SET incident_head = 0 WHERE id = $id");
        demote.Parameters.AddWithValue("$id", head == firstHead ? secondHead.Id : firstHead.Id);
        demote.ExecuteNonQuery();
        // Incidents merge under the smaller name.
        var (keep, drop) = string.CompareOrdinal(first, second) < 0 ? (first, second) : (second, first);
        var merge = Command(transaction, "UPDATE events SET incident_id = $keep WHERE incident_id = $drop");
        merge.Parameters.AddWithValue("$keep", keep);
        merge.Parameters.AddWithValue("$drop", drop);
        merge.ExecuteNonQuery();
        merging.Renamed[drop] = keep;
        merging.Heads[keep] = head;
        merging.IncidentOfNew[fresh.Id] = keep;
    }

    private EventMention HeadOf(string incident, SqliteTransaction transaction)
    {
        var find = Command(transaction, $"SELECT {MentionColumns} FROM events INDEXED BY incident_head_of WHERE incident_id = $incident AND incident_head = 1");
        find.Parameters.AddWithValue("$incident", incident);
        using var r = find.ExecuteReader();
        return r.Read() ? ReadMention(r) : throw new InvalidOperationException($"incident {incident} has no head");
    }

    /// <summary>How an incident's members rank for its head: the same order as <see cref="Incident.Representative"/>.</summary>
    internal const string HeadOrder =
        "ORDER BY CASE WHEN m.latitude IS NULL THEN 9 ELSE m.geo_precision END, CASE WHEN m.date IS NULL THEN 9 ELSE m.time_precision END, m.confidence DESC, m.id LIMIT 1";

    private void ChooseHead(string incident, SqliteTransaction transaction)
    {
        var choose = Command(transaction, $"""
            UPDATE events SET incident_head = (id = (SELECT m.id FROM events m WHERE m.incident_id = $incident {HeadOrder}))
            WHERE incident_id = $incident
            """);
        choose.Parameters.AddWithValue("$incident", incident);
        choose.ExecuteNonQuery();
    }

    private bool Separated(string first, string second, SqliteTransaction transaction)
    {
        // Most stores hold no separation at all: one probe per batch instead of a join per link.
        if (!AnySeparations(transaction)) return false;
        var find = Command(transaction, """
            SELECT 1 FROM event_separations s JOIN events x ON x.id = s.a JOIN events y ON y.id = s.b
            WHERE (x.incident_id = $first AND y.incident_id = $second) OR (x.incident_id = $second AND y.incident_id = $first)
            LIMIT 1
            """);
        find.Parameters.AddWithValue("$first", first);
        find.Parameters.AddWithValue("$second", second);
        return find.ExecuteScalar() is not null;
    }

    private string IncidentOf(string eventId, SqliteTransaction? transaction)
    {
        var find = Command(transaction, "SELECT incident_id FROM events WHERE id = $id");
        find.Parameters.AddWithValue("$id", eventId);
        return find.ExecuteScalar() as string ?? eventId;
    }

    // Pairs an analyst separated that involve this report's events.
    private HashSet<(string, string)>? Separations(SqliteTransaction transaction, string documentId)
    {
        var find = Command(transaction, "SELECT a, b FROM event_separations WHERE a LIKE $prefix OR b LIKE $prefix");
        find.Parameters.AddWithValue("$prefix", documentId + "-%");
        using var r = find.ExecuteReader();
        HashSet<(string, string)>? pairs = null;
        while (r.Read()) (pairs ??= []).Add((r.GetString(0), r.GetString(1)));
        return pairs;
    }

    /// <inheritdoc/>
    public UnlinkOutcome? UnlinkEvent(string eventId)
    {
        using var transaction = _connection.BeginTransaction();
        string incident = IncidentOf(eventId, transaction);
        var members = new List<string>();
        var findMembers = Command(transaction, "SELECT id FROM events WHERE incident_id = $incident ORDER BY id");
        {
            findMembers.Parameters.AddWithValue("$incident", incident);
            using var r = findMembers.ExecuteReader();
            while (r.Read()) members.Add(r.GetString(0));
        }
        if (!members.Contains(eventId)) return null;

        // The analyst's word holds for every pair of this event with its former partners, and for
        // any report ingested later that would link them again.
        foreach (var other in members.Where(m => m != eventId))
        {
            bool first = string.CompareOrdinal(eventId, other) < 0;
            var separate = Command(transaction, "INSERT OR IGNORE INTO event_separations (a, b) VALUES ($a, $b)");
            separate.Parameters.AddWithValue("$a", first ? eventId : other);
            separate.Parameters.AddWithValue("$b", first ? other : eventId);
            separate.ExecuteNonQuery();
        }
        var delete = Command(transaction, "DELETE FROM event_links WHERE a = $id OR b = $id");
        {
            delete.Parameters.AddWithValue("$id", eventId);
            delete.ExecuteNonQuery();
        }

        // What is left may fall apart: name each remaining connected part by its smallest id.
        var links = new List<(string A, string B)>();
        var find = Command(transaction, """
            SELECT l.a, l.b FROM event_links l JOIN events e ON e.id = l.a WHERE e.incident_id = $incident
            """);
        {
            find.Parameters.AddWithValue("$incident", incident);
            using var r = find.ExecuteReader();
            while (r.Read()) links.Add((r.GetString(0), r.GetString(1)));
        }
        var parts = Components(members, links);
        parts[eventId] = eventId;
        foreach (var (member, name) in parts)
        {
            var update = Command(transaction, "UPDATE events SET incident_id = $name WHERE id = $id");
            update.Parameters.AddWithValue("$name", name);
            update.Parameters.AddWithValue("$id", member);
            update.ExecuteNonQuery();
        }
        foreach (var name in parts.Values.Distinct()) ChooseHead(name, transaction);
        transaction.Commit();
        return new UnlinkOutcome(eventId, incident, parts.Values.Where(n => n != eventId).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    // Each member's connected part, named by its smallest member.
    private static Dictionary<string, string> Components(IReadOnlyList<string> members, IReadOnlyList<(string A, string B)> links)
    {
        var neighbours = members.ToDictionary(m => m, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (a, b) in links)
            if (neighbours.ContainsKey(a) && neighbours.ContainsKey(b))
            {
                neighbours[a].Add(b);
                neighbours[b].Add(a);
            }
        var name = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var start in members.Order(StringComparer.Ordinal))
        {
            if (name.ContainsKey(start)) continue;
            var stack = new Stack<string>([start]);
            name[start] = start;
            while (stack.TryPop(out var m))
                foreach (var n in neighbours[m])
                    if (name.TryAdd(n, start)) stack.Push(n);
        }
        return name;
    }

    /// <inheritdoc/>
    public IReadOnlyList<EventLink> ListLinks(string incidentId)
    {
        var find = Command(null, """
            SELECT l.a, l.b, l.reason FROM event_links l JOIN events e ON e.id = l.a
            WHERE e.incident_id = $incident ORDER BY l.a, l.b
            """);
        find.Parameters.AddWithValue("$incident", incidentId);
        using var r = find.ExecuteReader();
        var links = new List<EventLink>();
        while (r.Read()) links.Add(new EventLink(r.GetString(0), r.GetString(1), r.GetString(2)));
        return links;
    }

    /// <inheritdoc/>
    public IReadOnlyList<DuplicateReport> ListDuplicates(string documentId)
    {
        var find = Command(null, """
            SELECT b, similarity FROM document_duplicates WHERE a = $id
            UNION ALL SELECT a, similarity FROM document_duplicates WHERE b = $id
            ORDER BY 2 DESC, 1
            """);
        find.Parameters.AddWithValue("$id", documentId);
        using var r = find.ExecuteReader();
        var duplicates = new List<DuplicateReport>();
        while (r.Read()) duplicates.Add(new DuplicateReport(r.GetString(0), r.GetDouble(1)));
        return duplicates;
    }

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Linking runs a handful of statements per report: each is prepared once and reused, as
    // compiling them anew for every report cost more than running them.
    private SqliteCommand Command(SqliteTransaction? transaction, string sql)
    {
        if (!_linkCommands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _linkCommands[sql] = command;
        }
        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    private readonly Dictionary<string, SqliteCommand> _linkCommands = new(StringComparer.Ordinal);
}
