using System.Data.Common;

namespace Sitrep.Storage.Postgres;

/// <summary>PostgreSQL's side of <see cref="SqlDialect"/>.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    public override object Timestamp(DateTimeOffset value) => value.UtcDateTime;

    public override DateTimeOffset ReadTimestamp(DbDataReader row, int column) => new(row.GetDateTime(column), TimeSpan.Zero);

    // SQL's ORDER BY puts NULL dates last here and first in SQLite; events without a date are rare
    // enough that the two stores are left to their defaults.
    public override string True => "true";

    public override string StoredOrder(string table) => $"{table}.seq";

    public override object Date(DateOnly value) => value;

    public override string OfDocument(DbCommand command, string documentId)
    {
        Add(command, "document", documentId);
        return "e.document_id = @document";
    }

    public override string InIncident(string table, string parameter) => $"{table}.incident_id = {parameter}";

    // Across the antimeridian the box is two envelopes.
    public override string InBox(bool ordered) => ordered
        ? "e.geom && ST_MakeEnvelope(@west, @south, @east, @north, 4326)"
        : "(e.geom && ST_MakeEnvelope(@west, @south, 180, @north, 4326) OR e.geom && ST_MakeEnvelope(-180, @south, @east, @north, 4326))";

    public override string? MatchingWords(DbCommand command, string words)
    {
        if (string.IsNullOrWhiteSpace(words)) return null;
        Add(command, "words", words);
        return "e.document_id IN (SELECT m.id FROM documents m WHERE m.search @@ plainto_tsquery('sitrep', @words))";
    }
}
