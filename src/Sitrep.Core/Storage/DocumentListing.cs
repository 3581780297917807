using System.Data.Common;

namespace Sitrep.Storage;

/// <summary><see cref="IReportStore.ListDocuments"/>, written once for both stores.</summary>
internal static class DocumentListing
{
    /// <summary>Stored reports matching <paramref name="query"/>, oldest report date first, then in the order they were stored.</summary>
    public static IReadOnlyList<DocumentSummary> List(DbConnection connection, SqlDialect dialect, DocumentQuery query)
    {
        using var command = connection.CreateCommand();
        var where = new SqlConditions(command, dialect);
        where.Add("d.date >= @from", "from", query.From is { } from ? dialect.Date(from) : null);
        where.Add("d.date <= @to", "to", query.To is { } to ? dialect.Date(to) : null);
        where.Add("d.source = @source", "source", query.Source);
        SqlDialect.Add(command, "limit", query.Limit);
        SqlDialect.Add(command, "offset", query.Offset);
        command.CommandText = $"""
            SELECT d.id, d.date, d.source, d.title, substr(d.text, 1, 160), d.words, d.sentence_count,
                   (SELECT CAST(count(*) AS integer) FROM deliveries v WHERE v.document_id = d.id),
                   (SELECT v.file FROM deliveries v WHERE v.document_id = d.id ORDER BY v.delivered_at, v.file LIMIT 1)
            FROM documents d
            WHERE {where}
            ORDER BY d.date, {dialect.StoredOrder("d")}
            LIMIT @limit OFFSET @offset
            """;
        var results = new List<DocumentSummary>();
        using var r = command.ExecuteReader();
        while (r.Read()) results.Add(StoredRows.ReadDocumentSummary(r));
        return results;
    }
}
