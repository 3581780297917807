using Npgsql;
using NpgsqlTypes;
using Sitrep.Documents;
using Sitrep.Linking;

namespace Sitrep.Storage.Postgres;

/// <summary><c>sitrep db relink</c> for the shared store.</summary>
public sealed partial class PostgresDocumentStore
{
    private const int RelinkPage = 500;

    /// <summary>
    /// Rebuilds events and incidents as one ingest of the stored reports in a fixed order (by date, then
    /// id) would make them, so that they depend on which reports the store holds, not on the order they
    /// arrived in or on which workers stored them. One transaction under the linking lock: workers that
    /// store meanwhile wait at their linking step and link after it, and readers see the old incidents
    /// until the commit. Reports, deliveries, API keys and an analyst's separations are kept; events are
    /// read again with the models of this build. Returns the number of reports read again.
    /// </summary>
    public int Relink(DocumentPipeline pipeline, IProgress<int>? progress = null)
    {
        using var transaction = _connection.BeginTransaction();
        Execute(_connection, transaction, $"SELECT pg_advisory_xact_lock({LinkingLock})");
        // Readers keep the old events, links and duplicates until the commit; the signature tables only linking reads are
        // emptied outright, so that their rebuilt indexes hold no dead rows to step over.
        Execute(_connection, transaction,
            "DELETE FROM event_links; DELETE FROM events; DELETE FROM document_duplicates; TRUNCATE document_bands, document_signatures; "
            + "UPDATE link_order SET newest_date = NULL, newest_id = NULL, settle_date = NULL, settle_id = NULL");
        var data = new LinkData(this, transaction);
        int count = 0;
        (DateOnly Date, string Id)? after = null;
        while (ReadForRelink(after, transaction) is { Count: > 0 } page)
        {
            var documents = page.Select(p => p.Document).ToList();
            foreach (var document in documents)
            {
                pipeline.Process(document);
                Prepare(document);
                StoreReading(document, transaction);
            }
            ReportLinker.Link(documents, data);
            count += documents.Count;
            progress?.Report(count);
            after = (page[^1].Document.Date, page[^1].Id);
        }
        transaction.Commit();
        return count;
    }

    private void StoreReading(Document document, NpgsqlTransaction transaction)
    {
        using var command = new NpgsqlCommand("UPDATE documents SET reading = @reading WHERE id = @id", _connection, transaction);
        command.Parameters.AddWithValue("id", document.Id);
        command.Parameters.AddWithValue("reading", StoredReading.Encode(document));
        command.ExecuteNonQuery();
    }

    // The next page of stored reports after (date, id), in that order, as documents to read again.
    private List<(string Id, Document Document)> ReadForRelink((DateOnly Date, string Id)? after, NpgsqlTransaction transaction)
    {
        using var command = new NpgsqlCommand($"""
            SELECT id, date, published, source, url, title, text, source_country, {StoredRows.FirstDeliveryColumns} FROM documents
            WHERE @date::date IS NULL OR (date, id) > (@date, @id)
            ORDER BY date, id
            LIMIT @limit
            """, _connection, transaction);
        command.Parameters.AddWithValue("date", NpgsqlDbType.Date, after is { } a ? a.Date : DBNull.Value);
        command.Parameters.AddWithValue("id", NpgsqlDbType.Text, after is { } b ? b.Id : "");
        command.Parameters.AddWithValue("limit", RelinkPage);
        var page = new List<(string, Document)>(RelinkPage);
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            var document = new Document(r.GetString(6), r.GetFieldValue<DateOnly>(1), StoredRows.FirstDelivery(r, 8))
            {
                Published = r.IsDBNull(2) ? null : new DateTimeOffset(r.GetFieldValue<DateTime>(2)),
                Source = r.IsDBNull(3) ? null : r.GetString(3),
                Url = r.IsDBNull(4) ? null : r.GetString(4),
                Title = r.IsDBNull(5) ? null : r.GetString(5),
                SourceCountry = r.IsDBNull(7) ? null : r.GetString(7),
            };
            page.Add((r.GetString(0), document));
        }
        return page;
    }
}
