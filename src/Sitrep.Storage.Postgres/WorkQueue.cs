using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using Sitrep.Documents;
using Sitrep.Reading;

namespace Sitrep.Storage.Postgres;

/// <summary>One claimed row of the work queue: the raw report, and how many times it has been claimed (this claim included).</summary>
public sealed record WorkItem(long Id, RawReport Report, int Attempts);

/// <summary>What the queue holds, by state.</summary>
public readonly record struct QueueCounts(long Pending, long Done, long Quarantined);

/// <summary>
/// The work queue of a shared deployment, in the PostgreSQL database itself: no broker to run.
/// <see cref="Enqueue"/> stores raw reports as pending rows and notifies listening workers; a worker
/// <see cref="Claim"/>s a batch with <c>FOR UPDATE SKIP LOCKED</c> (workers never wait on each other's
/// rows), leasing it until a deadline; <see cref="PostgresDocumentStore.StoreWork"/> stores the results and
/// marks the rows done in one transaction. A worker that dies mid-batch commits nothing: its lease runs
/// out and the rows go to the next claim. A row claimed <c>maxAttempts</c> times without being done is
/// quarantined with its last error.
/// </summary>
public static class WorkQueue
{
    /// <summary>The channel workers LISTEN on; enqueuing NOTIFYs it.</summary>
    public const string Channel = "sitrep_work";

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>
    /// Adds reports as pending work, in batches of one transaction each; a report already queued from
    /// the same (source, file) is not queued again. Returns how many rows were added.
    /// </summary>
    public static long Enqueue(NpgsqlConnection connection, IEnumerable<RawReport> reports, int batchSize = 500)
    {
        long added = 0;
        foreach (var chunk in reports.Chunk(batchSize))
        {
            using var transaction = connection.BeginTransaction();
            using var insert = new NpgsqlCommand($"""
                INSERT INTO work (document_id, source, file, report)
                SELECT * FROM unnest(@ids, @sources, @files, @reports::jsonb[])
                ON CONFLICT (document_id, source, file) DO NOTHING;
                NOTIFY {Channel};
                """, connection, transaction);
            var documents = chunk.Select(r => (Report: r, Document: r.ToDocument())).ToArray();
            insert.Parameters.AddWithValue("ids", documents.Select(d => d.Document.Id).ToArray());
            insert.Parameters.AddWithValue("sources", documents.Select(d => d.Report.Source ?? "").ToArray());
            insert.Parameters.AddWithValue("files", documents.Select(d => StoredRows.DeliveryFile(d.Report.Origin.File)).ToArray());
            insert.Parameters.AddWithValue("reports", documents.Select(d => JsonSerializer.Serialize(Stored.Of(d.Report), Json)).ToArray());
            added += insert.ExecuteNonQuery();
            transaction.Commit();
        }
        return added;
    }

    /// <summary>
    /// Leases up to <paramref name="limit"/> pending rows to <paramref name="worker"/> for <paramref name="lease"/>:
    /// rows never claimed, rows whose lease ran out, and rows this worker already held (it lost its
    /// connection and came back). Rows claimed <paramref name="maxAttempts"/> times whose lease ran out
    /// are quarantined first.
    /// </summary>
    public static List<WorkItem> Claim(NpgsqlConnection connection, string worker, int limit, TimeSpan lease, int maxAttempts)
    {
        using (var quarantine = new NpgsqlCommand("""
            UPDATE work SET state = 'quarantined', done_at = now(),
                   error = coalesce(error, 'the worker holding it stopped before finishing (killed, or crashed on this report)') || ' (after ' || attempts || ' attempts)'
            WHERE state = 'pending' AND attempts >= @max AND leased_until < now()
            """, connection))
        {
            quarantine.Parameters.AddWithValue("max", maxAttempts);
            quarantine.ExecuteNonQuery();
        }
        using var claim = new NpgsqlCommand("""
            WITH claimable AS (
                SELECT id FROM work
                WHERE state = 'pending' AND (leased_until IS NULL OR leased_until < now() OR worker = @worker)
                ORDER BY id LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            UPDATE work w SET worker = @worker, leased_until = now() + @lease, attempts = w.attempts + 1
            FROM claimable c WHERE w.id = c.id
            RETURNING w.id, w.report::text, w.attempts;
            """, connection);
        claim.Parameters.AddWithValue("worker", worker);
        claim.Parameters.AddWithValue("limit", limit);
        claim.Parameters.AddWithValue("lease", lease);
        var items = new List<WorkItem>();
        using var r = claim.ExecuteReader();
        while (r.Read()) items.Add(new WorkItem(r.GetInt64(0), JsonSerializer.Deserialize<Stored>(r.GetString(1), Json)!.ToReport(), r.GetInt32(2)));
        return items;
    }

    /// <summary>
    /// Records that processing a claimed row failed: it goes back to the queue for another attempt, or,
    /// after <paramref name="maxAttempts"/>, is quarantined with the error.
    /// </summary>
    public static void Fail(NpgsqlConnection connection, WorkItem item, string error, int maxAttempts)
    {
        using var fail = new NpgsqlCommand("""
            UPDATE work SET error = @error, leased_until = NULL, worker = NULL,
                   state = CASE WHEN attempts >= @max THEN 'quarantined' ELSE state END,
                   done_at = CASE WHEN attempts >= @max THEN now() END
            WHERE id = @id AND state = 'pending'
            """, connection);
        fail.Parameters.AddWithValue("error", error);
        fail.Parameters.AddWithValue("max", maxAttempts);
        fail.Parameters.AddWithValue("id", item.Id);
        fail.ExecuteNonQuery();
    }

    /// <summary>Rows by state.</summary>
    public static QueueCounts Count(NpgsqlConnection connection)
    {
        using var count = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE state = 'pending'), count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state = 'quarantined') FROM work
            """, connection);
        using var r = count.ExecuteReader();
        r.Read();
        return new QueueCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
    }

    /// <summary>How long until the earliest lease on pending work runs out (zero when one already has), or null when no pending row is leased.</summary>
    public static TimeSpan? NextLeaseExpiry(NpgsqlConnection connection)
    {
        using var next = new NpgsqlCommand("SELECT min(leased_until) - now() FROM work WHERE state = 'pending' AND leased_until IS NOT NULL", connection);
        return next.ExecuteScalar() is TimeSpan wait ? (wait > TimeSpan.Zero ? wait : TimeSpan.Zero) : null;
    }

    // A raw report as the queue keeps it (JSON): everything RawReport holds.
    private sealed record Stored(string Text, DateOnly Date, string File, int? Line, DateTimeOffset? Published, string? Source, string? Url, string? Title, string? ExternalId,
        string? SourceCountry = null)
    {
        public static Stored Of(RawReport r) => new(r.Text, r.Date, StoredRows.DeliveryFile(r.Origin.File), r.Origin.Line, r.Published, r.Source, r.Url, r.Title, r.ExternalId, r.SourceCountry);

        public RawReport ToReport() => new(Text, Date, new SourceLocation(File, Line))
        {
            Published = Published, Source = Source, Url = Url, Title = Title, ExternalId = ExternalId, SourceCountry = SourceCountry,
        };
    }
}
