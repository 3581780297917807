using System.Globalization;
using static Sitrep.Storage.StoredRows;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Linking;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// Linking across reports, run as each batch is stored (in its transaction): <see cref="ReportLinker"/>
/// decides, and this answers its reads and writes with SQLite's indexes.
/// </summary>
public sealed partial class SqliteDocumentStore
{
    private void LinkNewDocuments(IReadOnlyList<Document> added, SqliteTransaction transaction) =>
        ReportLinker.Link(added, new LinkData(this, transaction));

    private sealed class LinkData(SqliteDocumentStore store, SqliteTransaction transaction) : ILinkData
    {
        private bool? _anySeparations;
        private bool _duplicatesRead, _headsRead;
        private readonly SqliteLinkIndexes _indexes = store._linkIndexes;

        private SqliteCommand Command(string sql) => store.Command(transaction, sql);

        public List<(string Id, uint[] Signature)> DuplicateCandidates(long[] bandKeys, int limit) =>
            Duplicates().Candidates(bandKeys, limit);

        // Duplicate pairs and signatures are held back like links (linking reads neither from the table
        // once the band index is read) and written many to a statement at the end of the batch.
        public void SaveDuplicates(IReadOnlyList<(string A, string B, double Similarity)> pairs) => _duplicatePairs.AddRange(pairs);

        public void SaveSignature(string documentId, uint[] signature, long[] bandKeys)
        {
            Duplicates().Add(documentId, signature, bandKeys);
            _signatures.Add((documentId, signature));
        }

        // The in-memory band index, first brought up to date with the signatures stored since it was
        // last read: all of them on the first batch, else those another process stored meanwhile
        // (this transaction holds the write lock, so none can be added while it runs).
        private DuplicateIndex Duplicates()
        {
            if (_duplicatesRead) return _indexes.Duplicates!;
            // Settling deletes and stores again signatures this index may hold: after one, it is read anew.
            long settled = (long)Command("SELECT settled FROM link_state").ExecuteScalar()!;
            if (_indexes.Settled != settled) _indexes.Forget();
            _indexes.Settled = settled;
            _indexes.Duplicates ??= new DuplicateIndex();
            var read = Command("SELECT seq, document_id, signature FROM document_signatures WHERE seq > $after ORDER BY seq");
            read.Parameters.AddWithValue("$after", _indexes.SignaturesIndexed);
            using (var r = read.ExecuteReader())
                while (r.Read())
                {
                    var signature = MinHash.FromBytes((byte[])r.GetValue(2));
                    _indexes.Duplicates.Add(r.GetString(1), signature, MinHash.BandKeys(signature));
                    _indexes.SignaturesIndexed = r.GetInt64(0);
                }
            _duplicatesRead = true;
            return _indexes.Duplicates;
        }

        // The in-memory head index, read again from the heads stored when any transaction since it was
        // last brought up to date was not this process's linking (another process's, an unlink, a store
        // without linking). The scan reads the table in storage order, not through an index by head.
        private HeadIndex Heads()
        {
            if (_headsRead) return _indexes.Heads!;
            long generation = (long)Command("SELECT generation FROM link_state").ExecuteScalar()!;
            if (_indexes.Heads is null || _indexes.HeadsGeneration != generation)
            {
                var heads = new HeadIndex();
                using (var r = Command($"SELECT {StoredMentions} FROM events NOT INDEXED WHERE incident_head = 1 AND date IS NOT NULL").ExecuteReader())
                    while (r.Read()) heads.Add(EventMention.Read(r));
                _indexes.Heads = heads;
                _indexes.HeadsGeneration = generation;
            }
            _headsRead = true;
            return _indexes.Heads;
        }

        // A report's events are one range of the id key ("{report}-{ordinal}", every report id 20 hex
        // digits), stored in consecutive rows: one search of the key, then neighbouring rows.
        public List<EventMention> PlacedEventsOf(string documentId)
        {
            var find = Command($"SELECT {StoredMentions} FROM events WHERE id > $before AND id < $after AND country IS NOT NULL");
            find.Parameters.AddWithValue("$before", documentId + "-");
            find.Parameters.AddWithValue("$after", documentId + ".");
            return Mentions(find);
        }

        // Candidate heads come from the in-memory index, which tests them itself. Mentions of a report
        // with the same search keys (one place, day and kind of event told twice) share one search.
        public List<EventMention>[] Candidates(IReadOnlyList<EventMention> mentions)
        {
            var heads = Heads();
            var searched = new Dictionary<(string, string, DateOnly?, int, int, double?, double?, string?, string?, string?, int?), List<EventMention>>();
            return [.. mentions.Select(m =>
            {
                var key = (m.EventType, m.SubEventType, m.Date, m.TimePrecision, m.GeoPrecision, m.Latitude, m.Longitude, m.Country, m.Admin1, m.Actor1, m.Inter1);
                if (searched.TryGetValue(key, out var known)) return known;
                var found = new List<EventMention>();
                if (m is { GeoPrecision: <= 2, Latitude: { } lat, Longitude: { } lon })
                    found.AddRange(heads.Near(m, LinkCells.Around(lat, lon, IncidentMatcher.MaxRadiusKm), MaxEventCandidates));
                // Region-level events match within their division, whatever the distance.
                if (m is { Country: not null, Admin1: not null, Latitude: not null })
                    found.AddRange(heads.InRegion(m, MaxEventCandidates));
                return searched[key] = found;
            })];
        }

        public HashSet<(string, string)>? Separations(string documentId)
        {
            if (!AnySeparations()) return null;
            var find = Command("SELECT a, b FROM event_separations WHERE a LIKE $prefix OR b LIKE $prefix");
            find.Parameters.AddWithValue("$prefix", documentId + "-%");
            using var r = find.ExecuteReader();
            HashSet<(string, string)>? pairs = null;
            while (r.Read()) (pairs ??= []).Add((r.GetString(0), r.GetString(1)));
            return pairs;
        }

        public bool Separated(string firstIncident, string secondIncident)
        {
            if (!AnySeparations()) return false;
            var find = Command($"""
                SELECT 1 FROM event_separations s JOIN events x ON x.id = s.a JOIN events y ON y.id = s.b
                WHERE ({InIncident("x", "$first")} AND {InIncident("y", "$second")}) OR ({InIncident("x", "$second")} AND {InIncident("y", "$first")})
                LIMIT 1
                """);
            find.Parameters.AddWithValue("$first", firstIncident);
            find.Parameters.AddWithValue("$second", secondIncident);
            return find.ExecuteScalar() is not null;
        }

        // Most stores hold no separation at all: one probe per batch instead of a search per report and a join per link.
        private bool AnySeparations() =>
            _anySeparations ??= Command("SELECT EXISTS (SELECT 1 FROM event_separations)").ExecuteScalar() is long and not 0;

        public void SaveEvents(Document document, IReadOnlyList<(string IncidentId, bool IsHead)> incidents)
        {
            var heads = Heads();
            store.InsertEvents(document, incidents);
            for (int i = 0; i < incidents.Count; i++)
                if (incidents[i].IsHead) heads.Add(EventMention.Of(document.Id, i + 1, document.Events[i]) with { IncidentId = incidents[i].IncidentId });
        }

        private LinkOrder? _order;

        public LinkOrder Order
        {
            get
            {
                if (_order is { } known) return known;
                using var r = Command("SELECT newest_date, newest_id, settle_date, settle_id FROM link_state").ExecuteReader();
                r.Read();
                LinkKey? Key(int i) => r.IsDBNull(i) ? null : new LinkKey(StoredRows.ReadDate(r, i)!.Value, r.GetString(i + 1));
                return (_order = new LinkOrder(Key(0), Key(2))).Value;
            }
            set
            {
                var write = Command("UPDATE link_state SET newest_date = $newest_date, newest_id = $newest_id, settle_date = $settle_date, settle_id = $settle_id");
                void Bind(string name, LinkKey? key)
                {
                    write.Parameters.AddWithValue($"${name}_date", key is { } k ? k.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value);
                    write.Parameters.AddWithValue($"${name}_id", key is { } k2 ? k2.Id : DBNull.Value);
                }
                Bind("newest", value.Newest);
                Bind("settle", value.SettleFrom);
                write.ExecuteNonQuery();
                _order = value;
            }
        }

        // Links are held back until the batch is linked: linking never reads them.
        public void InsertLink(EventLink link, string newEventId) => _links.Add((link, newEventId));

        public void Flush()
        {
            WriteMany(_links, LinkRows, (p, name, held) =>
            {
                p.AddWithValue(name[0], held.NewEventId);
                p.AddWithValue(name[1], held.Link.A);
                p.AddWithValue(name[2], held.Link.B);
                p.AddWithValue(name[3], held.Link.Reason);
            });
            WriteMany(_duplicatePairs, DuplicateRows, (p, name, pair) =>
            {
                p.AddWithValue(name[0], pair.A);
                p.AddWithValue(name[1], pair.B);
                p.AddWithValue(name[2], pair.Similarity);
            });
            if (_signatures.Count == 0) return;
            WriteMany(_signatures, SignatureRows, (p, name, saved) =>
            {
                p.AddWithValue(name[0], saved.DocumentId);
                p.AddWithValue(name[1], MinHash.ToBytes(saved.Signature));
            });
            // Signatures get consecutive seqs: the band index holds every one up to the last.
            _indexes.SignaturesIndexed = (long)Command("SELECT last_insert_rowid()").ExecuteScalar()!;
        }

        private readonly List<(EventLink Link, string NewEventId)> _links = [];
        private readonly List<(string A, string B, double Similarity)> _duplicatePairs = [];
        private readonly List<(string DocumentId, uint[] Signature)> _signatures = [];

        // Rows held back are written up to 64 to a statement: one statement per row cost more than
        // SQLite's own insert. Each table has two prepared statements, the full one and a one-row one.
        private const int RowsPerStatement = 64;

        private sealed class RowInsert
        {
            // A row's values are its parameters, or what <paramref name="row"/> makes of their names.
            public RowInsert(string insert, int columns, Func<string[], string>? row = null)
            {
                Names = [.. Enumerable.Range(0, RowsPerStatement).Select(i => Enumerable.Range(0, columns).Select(c => $"$p{i}_{c}").ToArray())];
                row ??= names => string.Join(", ", names);
                string Sql(int rows) => insert + " VALUES " + string.Join(", ", Names.Take(rows).Select(names => "(" + row(names) + ")"));
                One = Sql(1);
                Many = Sql(RowsPerStatement);
            }

            /// <summary>The parameter names of each row of a statement, made once.</summary>
            public string[][] Names { get; }

            public string One { get; }

            public string Many { get; }
        }

        // A link's seq is its new event's, just stored (its page of the id key is in the cache).
        private static readonly RowInsert LinkRows = new("INSERT OR IGNORE INTO event_links (seq, a, b, reason)", 4,
            names => $"(SELECT seq FROM events WHERE id = {names[0]}), {names[1]}, {names[2]}, {names[3]}");
        private static readonly RowInsert DuplicateRows = new("INSERT OR IGNORE INTO document_duplicates (a, b, similarity)", 3);
        private static readonly RowInsert SignatureRows = new("INSERT INTO document_signatures (document_id, signature)", 2);

        private void WriteMany<T>(List<T> rows, RowInsert insert, Action<SqliteParameterCollection, string[], T> bind)
        {
            int written = 0;
            while (written < rows.Count)
            {
                int count = rows.Count - written >= RowsPerStatement ? RowsPerStatement : 1;
                var command = Command(count == 1 ? insert.One : insert.Many);
                for (int i = 0; i < count; i++) bind(command.Parameters, insert.Names[i], rows[written + i]);
                command.ExecuteNonQuery();
                written += count;
            }
            rows.Clear();
        }

        public EventMention HeadOf(string incident)
        {
            if (Heads().HeadOf(incident) is { } indexed) return indexed;
            var find = Command($"SELECT {StoredMentions} FROM events INDEXED BY events_by_incident WHERE {InIncident("events", "$incident")} AND incident_head = 1");
            find.Parameters.AddWithValue("$incident", incident);
            return Mentions(find) is [var head] ? head : throw new InvalidOperationException($"incident {incident} has no head");
        }

        public void Demote(EventMention head)
        {
            var demote = Command("UPDATE events SET incident_head = 0 WHERE id = $id");
            demote.Parameters.AddWithValue("$id", head.Id);
            demote.ExecuteNonQuery();
            Heads().Remove(head.Id);
        }

        // The dropped name and every name merged into it become aliases of the kept one; no event row
        // changes. The names merged into the dropped one are read first and moved one by one: an UPDATE
        // of the column it searches by (or an INSERT reading its own table) makes SQLite build a
        // temporary table on every run, which cost several times the writes themselves.
        public void Rename(string keep, string drop)
        {
            var merged = new List<string>();
            var find = Command("SELECT dropped FROM incident_aliases WHERE kept = $drop");
            find.Parameters.AddWithValue("$drop", drop);
            using (var r = find.ExecuteReader())
                while (r.Read()) merged.Add(r.GetString(0));
            foreach (var name in merged) Alias(name, keep, "UPDATE incident_aliases SET kept = $kept WHERE dropped = $dropped");
            Alias(drop, keep, "INSERT INTO incident_aliases (dropped, kept) VALUES ($dropped, $kept)");
            Heads().Rename(keep, drop);
        }

        private void Alias(string dropped, string kept, string sql)
        {
            var write = Command(sql);
            write.Parameters.AddWithValue("$dropped", dropped);
            write.Parameters.AddWithValue("$kept", kept);
            write.ExecuteNonQuery();
        }

        private static List<EventMention> Mentions(SqliteCommand find)
        {
            var found = new List<EventMention>();
            using var r = find.ExecuteReader();
            while (r.Read()) found.Add(EventMention.Read(r));
            return found;
        }
    }

    private const int MaxEventCandidates = 200;

    /// <summary>The linking columns of a row of <c>events</c>, its incident the current one (see <see cref="CurrentIncident"/>).</summary>
    private static readonly string StoredMentions = Selected("events", MentionColumns.Split(", "));

    /// <summary><paramref name="columns"/> of the events row <paramref name="table"/>, its incident_id the current one.</summary>
    internal static string Selected(string table, IEnumerable<string> columns) =>
        string.Join(", ", columns.Select(c => c == "incident_id" ? $"{CurrentIncident(table)} AS incident_id" : $"{table}.{c}"));

    /// <summary>
    /// The incident an events row <paramref name="table"/> is in now: the one it was stored in, or the one
    /// that name has merged into (schema step 11).
    /// </summary>
    internal static string CurrentIncident(string table) =>
        $"coalesce((SELECT a.kept FROM incident_aliases a WHERE a.dropped = {table}.incident_id), {table}.incident_id)";

    /// <summary>Whether the events row <paramref name="table"/> is in the incident named by <paramref name="parameter"/>, through its index on incident_id.</summary>
    internal static string InIncident(string table, string parameter) =>
        $"{table}.incident_id IN (SELECT {parameter} UNION ALL SELECT dropped FROM incident_aliases WHERE kept = {parameter})";

    private void ChooseHead(string incident, SqliteTransaction transaction)
    {
        var choose = Command(transaction, $"""
            UPDATE events SET incident_head = (id = (SELECT m.id FROM events m WHERE m.incident_id = $incident {StoreSchema.HeadOrder}))
            WHERE incident_id = $incident
            """);
        choose.Parameters.AddWithValue("$incident", incident);
        choose.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public UnlinkOutcome? UnlinkEvent(string eventId)
    {
        using var transaction = _connection.BeginTransaction();
        var outcome = IncidentUnlinking.Run(new UnlinkSteps(this, transaction), eventId);
        if (outcome is null) return null;
        NextLinkGeneration(transaction);
        transaction.Commit();
        return outcome;
    }

    // Unlinking's steps in this store, where an incident's members may still carry the names merged into it (incident_aliases).
    private sealed class UnlinkSteps(SqliteDocumentStore store, SqliteTransaction transaction) : IUnlinkSteps
    {
        public string? IncidentOf(string eventId)
        {
            var find = store.Command(transaction, $"SELECT {CurrentIncident("events")} FROM events WHERE id = $id");
            find.Parameters.AddWithValue("$id", eventId);
            return find.ExecuteScalar() as string;
        }

        public List<string> Members(string incident) =>
            SqlDialect.Rows(store._connection, transaction, $"SELECT id FROM events WHERE {InIncident("events", "@incident")} ORDER BY id", r => r.GetString(0), ("incident", incident));

        public void Separate(string eventId, string incident, IReadOnlyList<string> others)
        {
            foreach (var other in others)
            {
                bool first = string.CompareOrdinal(eventId, other) < 0;
                var separate = store.Command(transaction, "INSERT OR IGNORE INTO event_separations (a, b) VALUES ($a, $b)");
                separate.Parameters.AddWithValue("$a", first ? eventId : other);
                separate.Parameters.AddWithValue("$b", first ? other : eventId);
                separate.ExecuteNonQuery();
            }
            var delete = store.Command(transaction, $"""
                DELETE FROM event_links WHERE seq IN (SELECT seq FROM events WHERE {InIncident("events", "$incident")}) AND (a = $id OR b = $id)
                """);
            delete.Parameters.AddWithValue("$incident", incident);
            delete.Parameters.AddWithValue("$id", eventId);
            delete.ExecuteNonQuery();
        }

        public List<(string A, string B)> Links(string incident) =>
            SqlDialect.Rows(store._connection, transaction, $"SELECT l.a, l.b FROM events e JOIN event_links l ON l.seq = e.seq WHERE {InIncident("e", "@incident")}",
                r => (r.GetString(0), r.GetString(1)), ("incident", incident));

        public void Rename(string formerIncident, IReadOnlyDictionary<string, string> parts)
        {
            foreach (var (member, name) in parts)
            {
                var update = store.Command(transaction, "UPDATE events SET incident_id = $name WHERE id = $id");
                update.Parameters.AddWithValue("$name", name);
                update.Parameters.AddWithValue("$id", member);
                update.ExecuteNonQuery();
            }
            // Every member now holds its part's name itself: the names merged into the incident are gone.
            var forget = store.Command(transaction, "DELETE FROM incident_aliases WHERE kept = $incident");
            forget.Parameters.AddWithValue("$incident", formerIncident);
            forget.ExecuteNonQuery();
            foreach (var name in parts.Values.Distinct()) store.ChooseHead(name, transaction);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<EventLink> ListLinks(string incidentId)
    {
        var find = Command(null, $"""
            SELECT l.a, l.b, l.reason FROM events e JOIN event_links l ON l.seq = e.seq
            WHERE {InIncident("e", "$incident")} ORDER BY l.a, l.b
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

    // Moves the link generation on, in the transaction of any change to events, so that the in-memory
    // head index of any other process, or of any later store in this one that did not follow the change,
    // is read again before it is used.
    private long NextLinkGeneration(SqliteTransaction transaction) =>
        (long)Command(transaction, "UPDATE link_state SET generation = generation + 1 RETURNING generation").ExecuteScalar()!;
}
