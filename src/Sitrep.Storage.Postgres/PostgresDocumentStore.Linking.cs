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

    // Heads a search reads before the matcher picks its candidates: enough for the densest block seen, bounded so that one
    // search stays one index scan.
    private const int MaxBlockRows = 2000;

    // Linking's reads go to the server as they come, one round trip each (a report's candidate
    // searches in one); its writes wait in a batch sent with the next read or at the end, so a report
    // costs a handful of round trips, not one per statement.
    private sealed class LinkData(PostgresDocumentStore store, NpgsqlTransaction transaction) : ILinkData
    {
        private bool? _anySeparations;
        private NpgsqlBatch? _writes;

        private NpgsqlCommand Read(string sql)
        {
            Flush();
            return new NpgsqlCommand(sql, store._connection, transaction);
        }

        private NpgsqlParameterCollection Write(string sql)
        {
            _writes ??= new NpgsqlBatch(store._connection, transaction);
            var command = new NpgsqlBatchCommand(sql);
            _writes.BatchCommands.Add(command);
            return command.Parameters;
        }

        public void Flush()
        {
            if (_writes is null) return;
            using var writes = _writes;
            _writes = null;
            writes.ExecuteNonQuery();
        }

        private LinkOrder? _order;

        public LinkOrder Order
        {
            get
            {
                if (_order is { } known) return known;
                using var find = Read("SELECT newest_date, newest_id, settle_date, settle_id FROM link_order");
                using var r = find.ExecuteReader();
                r.Read();
                LinkKey? Key(int i) => r.IsDBNull(i) ? null : new LinkKey(r.GetFieldValue<DateOnly>(i), r.GetString(i + 1));
                return (_order = new LinkOrder(Key(0), Key(2))).Value;
            }
            set
            {
                var p = Write("UPDATE link_order SET newest_date = @newest_date, newest_id = @newest_id, settle_date = @settle_date, settle_id = @settle_id");
                void Bind(string name, LinkKey? key)
                {
                    p.AddWithValue(name + "_date", NpgsqlDbType.Date, key is { } k ? k.Date : DBNull.Value);
                    p.AddWithValue(name + "_id", NpgsqlDbType.Text, key is { } k2 ? k2.Id : DBNull.Value);
                }
                Bind("newest", value.Newest);
                Bind("settle", value.SettleFrom);
                _order = value;
            }
        }

        public void SaveEvents(Documents.Document document, IReadOnlyList<(string IncidentId, bool IsHead)> incidents)
        {
            _writes ??= new NpgsqlBatch(store._connection, transaction);
            AddEventInserts(_writes, document, incidents);
        }

        public List<(string Id, uint[] Signature)> DuplicateCandidates(long[] bandKeys, int limit)
        {
            // As the embedded store's index reads them: key by key, each key's reports in the order they entered it (the index
            // keeps a key's first 64, and `limit` is 64), the first `limit` distinct ones. The same reports in the same order
            // then find the same near-duplicates in either store.
            using var find = Read("""
                WITH k AS (SELECT band, pos FROM unnest(@keys) WITH ORDINALITY AS k(band, pos)),
                     hit AS (SELECT DISTINCT ON (b.document_id) k.pos, b.seq, b.document_id
                             FROM k CROSS JOIN LATERAL (SELECT seq, document_id FROM document_bands x WHERE x.band = k.band ORDER BY seq LIMIT @limit) b
                             ORDER BY b.document_id, k.pos, b.seq),
                     top AS (SELECT * FROM hit ORDER BY pos, seq LIMIT @limit)
                SELECT t.document_id, s.signature FROM top t JOIN document_signatures s ON s.document_id = t.document_id
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
            var p = Write("INSERT INTO document_duplicates (a, b, similarity) SELECT * FROM unnest(@a, @b, @s) ON CONFLICT DO NOTHING");
            p.AddWithValue("a", pairs.Select(x => x.A).ToArray());
            p.AddWithValue("b", pairs.Select(x => x.B).ToArray());
            p.AddWithValue("s", pairs.Select(x => x.Similarity).ToArray());
        }

        public void SaveSignature(string documentId, uint[] signature, long[] bandKeys)
        {
            var p = Write("INSERT INTO document_signatures (document_id, signature) VALUES (@id, @signature) ON CONFLICT DO NOTHING");
            p.AddWithValue("id", documentId);
            p.AddWithValue("signature", MinHash.ToBytes(signature));
            p = Write("INSERT INTO document_bands (band, document_id) SELECT unnest(@keys), @id ON CONFLICT DO NOTHING");
            p.AddWithValue("keys", bandKeys);
            p.AddWithValue("id", documentId);
        }

        public List<EventMention> PlacedEventsOf(string documentId)
        {
            using var find = Read($"SELECT {MentionColumns} FROM events WHERE document_id = @document AND country IS NOT NULL");
            find.Parameters.AddWithValue("document", documentId);
            var found = new List<EventMention>();
            using var r = find.ExecuteReader();
            while (r.Read()) found.Add(EventMention.Read(r));
            return found;
        }

        // Every mention's searches in one statement: the mentions and their grid cells go as arrays,
        // and each (mention, cell) and each mention's region is one lateral index scan per time precision.
        public List<EventMention>[] Candidates(IReadOnlyList<EventMention> mentions)
        {
            var found = mentions.Select(_ => new List<EventMention>()).ToArray();
            var cellOf = new List<(int Mention, int Cell)>();
            for (int i = 0; i < mentions.Count; i++)
                if (mentions[i] is { GeoPrecision: <= 2, Latitude: { } lat, Longitude: { } lon })
                    foreach (var cell in LinkCells.Around(lat, lon, IncidentMatcher.MaxRadiusKm)) cellOf.Add((i, cell));
            using var find = Read($"""
                WITH m AS (SELECT * FROM unnest(@ord, @family, @country, @admin1, @precision, @from1, @to1, @from2, @to2, @from3, @to3)
                           AS m(ord, family, country, admin1, precision, from1, to1, from2, to2, from3, to3)),
                     c AS (SELECT * FROM unnest(@cell_ord, @cell) AS c(ord, cell))
                SELECT m.ord, h.* FROM c JOIN m ON m.ord = c.ord
                CROSS JOIN LATERAL ({ByPrecision("e.family = m.family AND e.cell = c.cell")}) h
                UNION ALL
                SELECT m.ord, h.* FROM m
                CROSS JOIN LATERAL ({ByPrecision("e.family = m.family AND e.country = m.country AND e.admin1 = m.admin1 AND (e.geo_precision >= 3 OR m.precision >= 3)")}) h
                WHERE m.admin1 IS NOT NULL
                """);
            var p = find.Parameters;
            p.AddWithValue("ord", Enumerable.Range(0, mentions.Count).ToArray());
            p.AddWithValue("family", mentions.Select(m => LinkCells.Family(m.EventType)).ToArray());
            p.AddWithValue("country", mentions.Select(m => m.Country).ToArray());
            p.AddWithValue("admin1", mentions.Select(m => m.Latitude is null ? null : m.Admin1).ToArray());
            p.AddWithValue("precision", mentions.Select(m => m.GeoPrecision).ToArray());
            for (int precision = 1; precision <= 3; precision++)
            {
                int window = precision;
                p.AddWithValue("from" + precision, mentions.Select(m => m.Date!.Value.AddDays(-IncidentMatcher.WindowDays(Math.Max(window, m.TimePrecision)))).ToArray());
                p.AddWithValue("to" + precision, mentions.Select(m => m.Date!.Value.AddDays(IncidentMatcher.WindowDays(Math.Max(window, m.TimePrecision)))).ToArray());
            }
            p.AddWithValue("cell_ord", cellOf.Select(c => c.Mention).ToArray());
            p.AddWithValue("cell", cellOf.Select(c => c.Cell).ToArray());
            p.AddWithValue("document", mentions[0].DocumentId);
            using (var r = find.ExecuteReader())
                while (r.Read()) found[r.GetInt32(0)].Add(EventMention.Read(r, first: 1));
            // As in the embedded store's index, only heads the matcher takes count towards the limit, in a fixed order:
            // the same reports in the same order link the same way in either store.
            for (int i = 0; i < found.Length; i++)
                found[i] = [.. found[i].Where(head => IncidentMatcher.Matches(mentions[i], head)).DistinctBy(head => head.Id)
                    .OrderBy(head => head.TimePrecision).ThenBy(head => head.Date).ThenBy(head => head.Id, StringComparer.Ordinal).Take(MaxEventCandidates)];
            return found;
        }

        // One range scan per time precision of the stored heads, each with the date window the matcher
        // allows that pair; at most MaxBlockRows per search, the first by time precision, date and id.
        private static string ByPrecision(string where) => $"""
            SELECT * FROM (
                SELECT {Qualified} FROM events e WHERE e.incident_head = 1 AND {where} AND e.document_id <> @document AND e.time_precision = 1 AND e.date BETWEEN m.from1 AND m.to1
                UNION ALL SELECT {Qualified} FROM events e WHERE e.incident_head = 1 AND {where} AND e.document_id <> @document AND e.time_precision = 2 AND e.date BETWEEN m.from2 AND m.to2
                UNION ALL SELECT {Qualified} FROM events e WHERE e.incident_head = 1 AND {where} AND e.document_id <> @document AND e.time_precision = 3 AND e.date BETWEEN m.from3 AND m.to3
            ) x ORDER BY x.time_precision, x.date, x.id LIMIT {MaxBlockRows}
            """;

        private static readonly string Qualified = string.Join(", ", MentionColumns.Split(", ").Select(c => "e." + c));

        public HashSet<(string, string)>? Separations(string documentId)
        {
            using var find = Read("SELECT a, b FROM event_separations WHERE a LIKE @prefix OR b LIKE @prefix");
            find.Parameters.AddWithValue("prefix", documentId + "-%");
            using var r = find.ExecuteReader();
            HashSet<(string, string)>? pairs = null;
            while (r.Read()) (pairs ??= []).Add((r.GetString(0), r.GetString(1)));
            return pairs;
        }

        public bool Separated(string firstIncident, string secondIncident)
        {
            if (_anySeparations is null)
            {
                using var any = Read("SELECT EXISTS (SELECT 1 FROM event_separations)");
                _anySeparations = any.ExecuteScalar() is true;
            }
            if (!_anySeparations.Value) return false;
            using var find = Read("""
                SELECT 1 FROM event_separations s JOIN events x ON x.id = s.a JOIN events y ON y.id = s.b
                WHERE (x.incident_id = @first AND y.incident_id = @second) OR (x.incident_id = @second AND y.incident_id = @first)
                LIMIT 1
                """);
            find.Parameters.AddWithValue("first", firstIncident);
            find.Parameters.AddWithValue("second", secondIncident);
            return find.ExecuteScalar() is not null;
        }

        public void InsertLink(EventLink link, string newEventId)
        {
            var p = Write("INSERT INTO event_links (a, b, reason) VALUES (@a, @b, @reason) ON CONFLICT DO NOTHING");
            p.AddWithValue("a", link.A);
            p.AddWithValue("b", link.B);
            p.AddWithValue("reason", link.Reason);
        }

        public EventMention HeadOf(string incident)
        {
            using var find = Read($"SELECT {MentionColumns} FROM events WHERE incident_id = @incident AND incident_head = 1");
            find.Parameters.AddWithValue("incident", incident);
            using var r = find.ExecuteReader();
            return r.Read() ? EventMention.Read(r) : throw new InvalidOperationException($"incident {incident} has no head");
        }

        public void Demote(EventMention head) => Write("UPDATE events SET incident_head = 0 WHERE id = @id").AddWithValue("id", head.Id);

        public void Rename(string keep, string drop)
        {
            var p = Write("UPDATE events SET incident_id = @keep WHERE incident_id = @drop");
            p.AddWithValue("keep", keep);
            p.AddWithValue("drop", drop);
        }
    }

    /// <inheritdoc/>
    public UnlinkOutcome? UnlinkEvent(string eventId)
    {
        using var transaction = _connection.BeginTransaction();
        // Unlinking rewrites incidents that linking reads: the two take turns.
        Execute(_connection, transaction, $"SELECT pg_advisory_xact_lock({LinkingLock})");
        var outcome = IncidentUnlinking.Run(new UnlinkSteps(_connection, transaction), eventId);
        if (outcome is not null) transaction.Commit();
        return outcome;
    }

    // Unlinking's steps in this store, where every event holds its incident's name itself.
    private sealed class UnlinkSteps(NpgsqlConnection connection, NpgsqlTransaction transaction) : IUnlinkSteps
    {
        public string? IncidentOf(string eventId)
        {
            using var find = new NpgsqlCommand("SELECT incident_id FROM events WHERE id = @id", connection, transaction);
            find.Parameters.AddWithValue("id", eventId);
            return find.ExecuteScalar() as string;
        }

        public List<string> Members(string incident) =>
            SqlDialect.Rows(connection, transaction, "SELECT id FROM events WHERE incident_id = @incident ORDER BY id", r => r.GetString(0), ("incident", incident));

        public void Separate(string eventId, string incident, IReadOnlyList<string> others)
        {
            using var separate = new NpgsqlCommand("""
                INSERT INTO event_separations (a, b) SELECT least(@id, o), greatest(@id, o) FROM unnest(@others) o ON CONFLICT DO NOTHING;
                DELETE FROM event_links WHERE a = @id OR b = @id;
                """, connection, transaction);
            separate.Parameters.AddWithValue("id", eventId);
            separate.Parameters.AddWithValue("others", others.ToArray());
            separate.ExecuteNonQuery();
        }

        public List<(string A, string B)> Links(string incident) =>
            SqlDialect.Rows(connection, transaction, "SELECT l.a, l.b FROM event_links l JOIN events e ON e.id = l.a WHERE e.incident_id = @incident",
                r => (r.GetString(0), r.GetString(1)), ("incident", incident));

        public void Rename(string formerIncident, IReadOnlyDictionary<string, string> parts)
        {
            using (var rename = new NpgsqlCommand("UPDATE events e SET incident_id = p.name FROM unnest(@ids, @names) AS p(id, name) WHERE e.id = p.id", connection, transaction))
            {
                rename.Parameters.AddWithValue("ids", parts.Keys.ToArray());
                rename.Parameters.AddWithValue("names", parts.Values.ToArray());
                rename.ExecuteNonQuery();
            }
            // Each part's head: the member ranked first, as Incident.Representative ranks them.
            using var choose = new NpgsqlCommand($"""
                UPDATE events e SET incident_head = CASE WHEN e.id = (SELECT m.id FROM events m WHERE m.incident_id = e.incident_id {StoreSchema.HeadOrder}) THEN 1 ELSE 0 END
                WHERE e.incident_id = ANY(@names)
                """, connection, transaction);
            choose.Parameters.AddWithValue("names", parts.Values.Distinct().ToArray());
            choose.ExecuteNonQuery();
        }
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
