using Npgsql;
using NpgsqlTypes;
using Sitrep.Linking;
using static Sitrep.Storage.StoredRows;

namespace Sitrep.Storage.Postgres;

/// <summary>
/// Linking across reports: <see cref="ReportLinker"/> decides, and this answers its reads and writes
/// with PostgreSQL's indexes, inside the batch's transaction and under the linking lock.
/// </summary>
public sealed partial class PostgresDocumentStore
{
    private const int MaxEventCandidates = 200;

    private sealed class LinkData(PostgresDocumentStore store, NpgsqlTransaction transaction) : ILinkData
    {
        private bool? _anySeparations;

        private NpgsqlCommand Command(string sql) => new(sql, store._connection, transaction);

        public List<(string Id, uint[] Signature)> DuplicateCandidates(long[] bandKeys, int limit)
        {
            using var find = Command("""
                SELECT s.document_id, s.signature FROM document_signatures s
                WHERE s.document_id IN (SELECT document_id FROM document_bands WHERE band = ANY(@keys) LIMIT @limit)
                """);
            find.Parameters.AddWithValue("keys", bandKeys);
            find.Parameters.AddWithValue("limit", limit);
            var found = new List<(string, uint[])>();
            using var r = find.ExecuteReader();
            while (r.Read()) found.Add((r.GetString(0), MinHash.FromBytes((byte[])r.GetValue(1))));
            return found;
        }

        public void SaveDuplicates(IReadOnlyList<(string A, string B, double Similarity)> pairs)
        {
            using var insert = Command("""
                INSERT INTO document_duplicates (a, b, similarity) SELECT * FROM unnest(@a, @b, @s) ON CONFLICT DO NOTHING
                """);
            insert.Parameters.AddWithValue("a", pairs.Select(p => p.A).ToArray());
            insert.Parameters.AddWithValue("b", pairs.Select(p => p.B).ToArray());
            insert.Parameters.AddWithValue("s", pairs.Select(p => p.Similarity).ToArray());
            insert.ExecuteNonQuery();
        }

        public void SaveSignature(string documentId, uint[] signature, long[] bandKeys)
        {
            using var save = Command("""
                INSERT INTO document_signatures (document_id, signature) VALUES (@id, @signature) ON CONFLICT DO NOTHING;
                INSERT INTO document_bands (band, document_id) SELECT unnest(@keys), @id ON CONFLICT DO NOTHING;
                """);
            save.Parameters.AddWithValue("id", documentId);
            save.Parameters.AddWithValue("signature", MinHash.ToBytes(signature));
            save.Parameters.AddWithValue("keys", bandKeys);
            save.ExecuteNonQuery();
        }

        public List<EventMention> EventsOf(string documentId, bool placedOnly)
        {
            using var find = Command($"SELECT {MentionColumns} FROM events WHERE document_id = @document{(placedOnly ? " AND country IS NOT NULL" : "")}");
            find.Parameters.AddWithValue("document", documentId);
            return Mentions(find);
        }

        public List<EventMention> HeadsNear(EventMention mention, IReadOnlyList<int> cells)
        {
            using var near = Command(ByPrecision("family = @family AND cell = ANY(@cells)"));
            near.Parameters.AddWithValue("cells", cells.ToArray());
            Window(near, mention);
            return Mentions(near);
        }

        public List<EventMention> HeadsInRegion(EventMention mention)
        {
            using var region = Command(ByPrecision("family = @family AND country = @country AND admin1 = @admin1 AND (geo_precision >= 3 OR @precision >= 3)"));
            region.Parameters.AddWithValue("country", mention.Country!);
            region.Parameters.AddWithValue("admin1", mention.Admin1!);
            region.Parameters.AddWithValue("precision", mention.GeoPrecision);
            Window(region, mention);
            return Mentions(region);
        }

        public HashSet<(string, string)>? Separations(string documentId)
        {
            using var find = Command("SELECT a, b FROM event_separations WHERE a LIKE @prefix OR b LIKE @prefix");
            find.Parameters.AddWithValue("prefix", documentId + "-%");
            using var r = find.ExecuteReader();
            HashSet<(string, string)>? pairs = null;
            while (r.Read()) (pairs ??= []).Add((r.GetString(0), r.GetString(1)));
            return pairs;
        }

        public bool Separated(string firstIncident, string secondIncident)
        {
            _anySeparations ??= Command("SELECT EXISTS (SELECT 1 FROM event_separations)").ExecuteScalar() is true;
            if (!_anySeparations.Value) return false;
            using var find = Command("""
                SELECT 1 FROM event_separations s JOIN events x ON x.id = s.a JOIN events y ON y.id = s.b
                WHERE (x.incident_id = @first AND y.incident_id = @second) OR (x.incident_id = @second AND y.incident_id = @first)
                LIMIT 1
                """);
            find.Parameters.AddWithValue("first", firstIncident);
            find.Parameters.AddWithValue("second", secondIncident);
            return find.ExecuteScalar() is not null;
        }

        public bool InsertLink(EventLink link)
        {
            using var insert = Command("INSERT INTO event_links (a, b, reason) VALUES (@a, @b, @reason) ON CONFLICT DO NOTHING");
            insert.Parameters.AddWithValue("a", link.A);
            insert.Parameters.AddWithValue("b", link.B);
            insert.Parameters.AddWithValue("reason", link.Reason);
            return insert.ExecuteNonQuery() > 0;
        }

        public EventMention HeadOf(string incident)
        {
            using var find = Command($"SELECT {MentionColumns} FROM events WHERE incident_id = @incident AND incident_head = 1");
            find.Parameters.AddWithValue("incident", incident);
            return Mentions(find) is [var head] ? head : throw new InvalidOperationException($"incident {incident} has no head");
        }

        public void Demote(string eventId)
        {
            using var demote = Command("UPDATE events SET incident_head = 0 WHERE id = @id");
            demote.Parameters.AddWithValue("id", eventId);
            demote.ExecuteNonQuery();
        }

        public void Rename(string keep, string drop)
        {
            using var merge = Command("UPDATE events SET incident_id = @keep WHERE incident_id = @drop");
            merge.Parameters.AddWithValue("keep", keep);
            merge.Parameters.AddWithValue("drop", drop);
            merge.ExecuteNonQuery();
        }

        // One range scan per time precision, each with the date window the matcher allows that pair.
        private static string ByPrecision(string where) => $"""
            SELECT {MentionColumns} FROM events WHERE incident_head = 1 AND {where} AND document_id <> @document AND time_precision = 1 AND date BETWEEN @from1 AND @to1
            UNION ALL SELECT {MentionColumns} FROM events WHERE incident_head = 1 AND {where} AND document_id <> @document AND time_precision = 2 AND date BETWEEN @from2 AND @to2
            UNION ALL SELECT {MentionColumns} FROM events WHERE incident_head = 1 AND {where} AND document_id <> @document AND time_precision = 3 AND date BETWEEN @from3 AND @to3
            LIMIT {MaxEventCandidates}
            """;

        private static void Window(NpgsqlCommand find, EventMention m)
        {
            var date = m.Date!.Value;
            find.Parameters.AddWithValue("family", LinkCells.Family(m.EventType));
            for (int precision = 1; precision <= 3; precision++)
            {
                int days = IncidentMatcher.WindowDays(Math.Max(precision, m.TimePrecision));
                find.Parameters.AddWithValue("from" + precision, date.AddDays(-days));
                find.Parameters.AddWithValue("to" + precision, date.AddDays(days));
            }
            find.Parameters.AddWithValue("document", m.DocumentId);
        }

        private static List<EventMention> Mentions(NpgsqlCommand find)
        {
            var found = new List<EventMention>();
            using var r = find.ExecuteReader();
            while (r.Read()) found.Add(ReadMention(r));
            return found;
        }
    }

    /// <inheritdoc/>
    public UnlinkOutcome? UnlinkEvent(string eventId)
    {
        using var transaction = _connection.BeginTransaction();
        // Unlinking rewrites incidents that linking reads: the two take turns.
        Execute(_connection, transaction, $"SELECT pg_advisory_xact_lock({LinkingLock})");
        string incident;
        using (var find = new NpgsqlCommand("SELECT incident_id FROM events WHERE id = @id", _connection, transaction))
        {
            find.Parameters.AddWithValue("id", eventId);
            if (find.ExecuteScalar() is not string found) return null;
            incident = found;
        }
        var members = new List<string>();
        using (var find = new NpgsqlCommand("SELECT id FROM events WHERE incident_id = @incident ORDER BY id", _connection, transaction))
        {
            find.Parameters.AddWithValue("incident", incident);
            using var r = find.ExecuteReader();
            while (r.Read()) members.Add(r.GetString(0));
        }
        // The analyst's word holds for every pair of this event with its former partners, and for
        // any report ingested later that would link them again.
        var others = members.Where(m => m != eventId).ToArray();
        using (var separate = new NpgsqlCommand("""
            INSERT INTO event_separations (a, b) SELECT least(@id, o), greatest(@id, o) FROM unnest(@others) o ON CONFLICT DO NOTHING;
            DELETE FROM event_links WHERE a = @id OR b = @id;
            """, _connection, transaction))
        {
            separate.Parameters.AddWithValue("id", eventId);
            separate.Parameters.AddWithValue("others", others);
            separate.ExecuteNonQuery();
        }
        // What is left may fall apart: name each remaining connected part by its smallest id.
        var links = new List<(string A, string B)>();
        using (var find = new NpgsqlCommand("SELECT l.a, l.b FROM event_links l JOIN events e ON e.id = l.a WHERE e.incident_id = @incident", _connection, transaction))
        {
            find.Parameters.AddWithValue("incident", incident);
            using var r = find.ExecuteReader();
            while (r.Read()) links.Add((r.GetString(0), r.GetString(1)));
        }
        var parts = ReportLinker.Components(members, links);
        parts[eventId] = eventId;
        using (var rename = new NpgsqlCommand("UPDATE events e SET incident_id = p.name FROM unnest(@ids, @names) AS p(id, name) WHERE e.id = p.id", _connection, transaction))
        {
            rename.Parameters.AddWithValue("ids", parts.Keys.ToArray());
            rename.Parameters.AddWithValue("names", parts.Values.ToArray());
            rename.ExecuteNonQuery();
        }
        // Each part's head: the member ranked first, as Incident.Representative ranks them.
        using (var choose = new NpgsqlCommand($"""
            UPDATE events e SET incident_head = CASE WHEN e.id = (SELECT m.id FROM events m WHERE m.incident_id = e.incident_id {SqliteDocumentStore.HeadOrder}) THEN 1 ELSE 0 END
            WHERE e.incident_id = ANY(@names)
            """, _connection, transaction))
        {
            choose.Parameters.AddWithValue("names", parts.Values.Distinct().ToArray());
            choose.ExecuteNonQuery();
        }
        transaction.Commit();
        return new UnlinkOutcome(eventId, incident, parts.Values.Where(n => n != eventId).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    /// <inheritdoc/>
    public IReadOnlyList<EventLink> ListLinks(string incidentId)
    {
        using var find = new NpgsqlCommand("""
            SELECT l.a, l.b, l.reason FROM event_links l JOIN events e ON e.id = l.a
            WHERE e.incident_id = @incident ORDER BY l.a, l.b
            """, _connection);
        find.Parameters.AddWithValue("incident", incidentId);
        using var r = find.ExecuteReader();
        var links = new List<EventLink>();
        while (r.Read()) links.Add(new EventLink(r.GetString(0), r.GetString(1), r.GetString(2)));
        return links;
    }

    /// <inheritdoc/>
    public IReadOnlyList<DuplicateReport> ListDuplicates(string documentId)
    {
        using var find = new NpgsqlCommand("""
            SELECT b, similarity FROM document_duplicates WHERE a = @id
            UNION ALL SELECT a, similarity FROM document_duplicates WHERE b = @id
            ORDER BY 2 DESC, 1
            """, _connection);
        find.Parameters.AddWithValue("id", documentId);
        using var r = find.ExecuteReader();
        var duplicates = new List<DuplicateReport>();
        while (r.Read()) duplicates.Add(new DuplicateReport(r.GetString(0), r.GetDouble(1)));
        return duplicates;
    }
}
