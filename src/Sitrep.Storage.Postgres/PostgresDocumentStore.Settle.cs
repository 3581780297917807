using Npgsql;
using Sitrep.Documents;
using Sitrep.Linking;

namespace Sitrep.Storage.Postgres;

/// <summary>Settling the incidents after reports came out of linking order (<see cref="LinkRewinding"/>).</summary>
public sealed partial class PostgresDocumentStore
{
    /// <inheritdoc/>
    public int? SettleIncidents()
    {
        using var transaction = _connection.BeginTransaction();
        // Settling rewrites incidents that linking reads: the two take turns, and a worker's batch waits for it.
        Execute(_connection, transaction, $"SELECT pg_advisory_xact_lock({LinkingLock})");
        int? settled = LinkRewinding.Settle(new RewindSteps(this, transaction));
        if (settled > 0) transaction.Commit();
        return settled;
    }

    private sealed class RewindSteps(PostgresDocumentStore store, NpgsqlTransaction transaction) : IRewindSteps
    {
        public IUnlinkSteps Unlinking { get; } = new UnlinkSteps(store._connection, transaction);

        public List<(string Id, bool HasReading)> ReportsFrom(LinkKey from) =>
            SqlDialect.Rows(store._connection, transaction, "SELECT id, reading IS NOT NULL FROM documents WHERE (date, id) >= (@date, @id) ORDER BY date, id",
                r => (r.GetString(0), r.GetBoolean(1)), ("date", from.Date), ("id", from.Id));

        public List<string> Forget(IReadOnlyList<string> reports)
        {
            var ids = reports.ToArray();
            var kept = SqlDialect.Rows(store._connection, transaction, """
                SELECT DISTINCT s.incident_id FROM events s
                WHERE s.document_id = ANY(@ids) AND EXISTS (SELECT 1 FROM events o WHERE o.incident_id = s.incident_id AND o.document_id <> ALL(@ids))
                ORDER BY 1
                """, r => r.GetString(0), ("ids", ids));
            using var forget = new NpgsqlCommand("""
                DELETE FROM event_links WHERE a IN (SELECT id FROM events WHERE document_id = ANY(@ids)) OR b IN (SELECT id FROM events WHERE document_id = ANY(@ids));
                DELETE FROM events WHERE document_id = ANY(@ids);
                DELETE FROM document_duplicates WHERE a = ANY(@ids) OR b = ANY(@ids);
                DELETE FROM document_bands WHERE document_id = ANY(@ids);
                DELETE FROM document_signatures WHERE document_id = ANY(@ids);
                """, store._connection, transaction);
            forget.Parameters.AddWithValue("ids", ids);
            forget.ExecuteNonQuery();
            return kept;
        }

        public Document Reading(string report) =>
            StoredRows.Reading(store._connection, report, transaction) ?? throw new StoreException($"report {report} has no stored reading");

        public ILinkData LinkData() => new LinkData(store, transaction);
    }
}
