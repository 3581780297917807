using System.Globalization;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Linking;

namespace Sitrep.Storage.Sqlite;

/// <summary>Settling the incidents after reports came out of linking order (<see cref="LinkRewinding"/>).</summary>
public sealed partial class SqliteDocumentStore
{
    /// <inheritdoc/>
    public int? SettleIncidents()
    {
        if (!Linking) return 0;
        PrepareCommands();
        using var transaction = _connection.BeginTransaction();
        _insertEvent!.Transaction = transaction;
        try
        {
            int? settled = LinkRewinding.Settle(new RewindSteps(this, transaction));
            if (settled is not > 0) return settled;
            // This process's band index was read again and holds the signatures stored again.
            long settlings = (long)Command(transaction, "UPDATE link_state SET settled = settled + 1 RETURNING settled").ExecuteScalar()!;
            long generation = NextLinkGeneration(transaction);
            transaction.Commit();
            (_linkIndexes.Settled, _linkIndexes.HeadsGeneration) = (settlings, generation);
            return settled;
        }
        catch
        {
            _linkIndexes.Forget();
            throw;
        }
    }

    // The reports being linked again are kept in a temporary table (rewound_reports), which ReportsFrom fills
    // and the later steps read: their events are found through the id key (each report's are one range of it).
    private sealed class RewindSteps(SqliteDocumentStore store, SqliteTransaction transaction) : IRewindSteps
    {
        public IUnlinkSteps Unlinking { get; } = new UnlinkSteps(store, transaction);

        private const string ReportEvents = "temp.rewound_reports r JOIN events e ON e.id > r.id || '-' AND e.id < r.id || '.'";

        public List<(string Id, bool HasReading)> ReportsFrom(LinkKey from)
        {
            Execute("""
                CREATE TEMP TABLE IF NOT EXISTS rewound_reports (id TEXT PRIMARY KEY) WITHOUT ROWID;
                CREATE TEMP TABLE IF NOT EXISTS rewound_events (id TEXT PRIMARY KEY, incident TEXT NOT NULL) WITHOUT ROWID;
                DELETE FROM temp.rewound_reports;
                DELETE FROM temp.rewound_events;
                """);
            var find = store.Command(transaction, "SELECT id, reading IS NOT NULL FROM documents WHERE date > $date OR (date = $date AND id >= $id) ORDER BY date, id");
            find.Parameters.AddWithValue("$date", from.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            find.Parameters.AddWithValue("$id", from.Id);
            var reports = new List<(string, bool)>();
            using (var r = find.ExecuteReader())
                while (r.Read()) reports.Add((r.GetString(0), r.GetBoolean(1)));
            foreach (var (id, _) in reports)
            {
                var add = store.Command(transaction, "INSERT INTO temp.rewound_reports (id) VALUES ($id)");
                add.Parameters.AddWithValue("$id", id);
                add.ExecuteNonQuery();
            }
            return reports;
        }

        public List<string> Forget(IReadOnlyList<string> reports)
        {
            Execute($"INSERT INTO temp.rewound_events (id, incident) SELECT e.id, {CurrentIncident("e")} FROM {ReportEvents}");
            var kept = SqlDialect.Rows(store._connection, transaction, $"""
                SELECT r.incident FROM (SELECT DISTINCT incident FROM temp.rewound_events) r
                WHERE EXISTS (SELECT 1 FROM events o WHERE {InIncident("o", "r.incident")} AND o.id NOT IN (SELECT id FROM temp.rewound_events))
                ORDER BY 1
                """, r => r.GetString(0));
            // The names merged into an incident that keeps members go when it is split into its parts (Rename).
            Execute("""
                DELETE FROM event_links WHERE a IN (SELECT id FROM temp.rewound_events) OR b IN (SELECT id FROM temp.rewound_events);
                DELETE FROM events WHERE id IN (SELECT id FROM temp.rewound_events);
                DELETE FROM incident_aliases WHERE kept IN (SELECT incident FROM temp.rewound_events)
                    AND NOT EXISTS (SELECT 1 FROM events o WHERE o.incident_id = incident_aliases.kept OR o.incident_id IN (SELECT a.dropped FROM incident_aliases a WHERE a.kept = incident_aliases.kept));
                DELETE FROM document_duplicates WHERE a IN temp.rewound_reports OR b IN temp.rewound_reports;
                DELETE FROM document_signatures WHERE document_id IN temp.rewound_reports;
                """);
            store._linkIndexes.Forget();
            return kept;
        }

        public Document Reading(string report) =>
            StoredRows.Reading(store._connection, report, transaction) ?? throw new StoreException($"report {report} has no stored reading");

        public ILinkData LinkData() => new LinkData(store, transaction);

        private void Execute(string sql) => store.Command(transaction, sql).ExecuteNonQuery();
    }
}
