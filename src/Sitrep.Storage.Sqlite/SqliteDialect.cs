using System.Data.Common;
using System.Globalization;

namespace Sitrep.Storage.Sqlite;

/// <summary>SQLite's side of <see cref="SqlDialect"/>.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public override object Timestamp(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public override DateTimeOffset ReadTimestamp(DbDataReader row, int column) => DateTimeOffset.Parse(row.GetString(column), CultureInfo.InvariantCulture);

    public override string True => "1";

    public override string StoredOrder(string table) => $"{table}.rowid";

    public override object Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // A report's events are one range of the id key ("{report}-{ordinal}"; there is no index by report).
    public override string OfDocument(DbCommand command, string documentId)
    {
        Add(command, "document_from", documentId + "-");
        Add(command, "document_to", documentId + ".");
        return "e.id > @document_from AND e.id < @document_to";
    }

    public override string InIncident(string table, string parameter) => SqliteDocumentStore.InIncident(table, parameter);

    public override string InBox(bool ordered) =>
        "e.latitude BETWEEN @south AND @north AND " + (ordered ? "e.longitude BETWEEN @west AND @east" : "(e.longitude >= @west OR e.longitude <= @east)");

    public override string? MatchingWords(DbCommand command, string words)
    {
        if (SqliteDocumentStore.QuoteTerms(words) is not { Length: > 0 } match) return null;
        Add(command, "words", match);
        return "e.document_id IN (SELECT m.id FROM documents_fts JOIN documents m ON m.rowid = documents_fts.rowid WHERE documents_fts MATCH @words)";
    }
}
