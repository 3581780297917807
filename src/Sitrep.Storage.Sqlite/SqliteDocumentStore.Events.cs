using System.Globalization;
using static Sitrep.Storage.StoredRows;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;

namespace Sitrep.Storage.Sqlite;

/// <summary>The events table: coded events stored with the report that gave them.</summary>
public sealed partial class SqliteDocumentStore
{
    private SqliteCommand? _insertEvent;

    private SqliteCommand PrepareEventInsert() => Prepare(
        $"INSERT INTO events ({string.Join(", ", EventColumns)}) VALUES ({string.Join(", ", EventColumns.Select(c => "$" + c))}) ON CONFLICT (id) DO NOTHING",
        [.. EventColumns.Select(c => "$" + c)]);

    // Each event in its incident (as linking decided, else alone).
    private void InsertEvents(Document d, IReadOnlyList<(string IncidentId, bool IsHead)>? incidents)
    {
        // Parameters are set by position, in EventColumns order: a report has many events and the
        // by-name lookup (a linear search of 31 names) cost more than SQLite's own insert.
        var p = _insertEvent!.Parameters;
        for (int ordinal = 1; ordinal <= d.Events.Count; ordinal++)
        {
            int column = 0;
            StoredRows.EventValues(d, ordinal, value => p[column++].Value = value switch
            {
                null => DBNull.Value,
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => value,
            }, incidents?[ordinal - 1]);
            if (column != EventColumns.Length) throw new InvalidOperationException("an event column has no value");
            _insertEvent.ExecuteNonQuery();
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredEvent> ListEvents(EventQuery query)
    {
        using var command = _connection.CreateCommand();
        // The page's ids are chosen from the indexes alone; only its rows are then read and joined to
        // their reports, so a deep page costs an index walk, not the rows and texts it skips.
        command.CommandText = $"""
            SELECT {Selected("e", EventColumns)}, d.text, d.source, d.date
            FROM (SELECT e.id FROM events e
                  WHERE {EventFilter(command, query)}
                  ORDER BY e.date, e.country, e.document_id, e.ordinal
                  LIMIT $limit OFFSET $offset) page
            JOIN events e ON e.id = page.id
            JOIN documents d ON d.id = e.document_id
            ORDER BY e.date, e.country, e.document_id, e.ordinal
            """;
        command.Parameters.AddWithValue("$limit", query.Limit);
        command.Parameters.AddWithValue("$offset", query.Offset);
        var events = new List<StoredEvent>();
        using var r = command.ExecuteReader();
        while (r.Read()) events.Add(StoredRows.ReadEvent(r));
        return events;
    }

    /// <inheritdoc/>
    public int CountEvents(EventQuery query)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM events e WHERE {EventFilter(command, query)}";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    // The WHERE clause of an event query, every value a parameter. Only the filters given appear:
    // "($x IS NULL OR col = $x)" would keep SQLite from using an index for any of them.
    private static string EventFilter(SqliteCommand command, EventQuery query)
    {
        var p = command.Parameters;
        var clauses = new List<string> { "1" };
        void Where(string clause, string name, object? value)
        {
            if (value is null) return;
            p.AddWithValue(name, value);
            clauses.Add(clause);
        }
        Where("e.country = $country", "$country", query.Country?.ToUpperInvariant());
        Where("e.date >= $from", "$from", query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Where("e.date <= $to", "$to", query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Where("(e.event_type = $type OR e.event_type || '/' || e.sub_event_type = $type)", "$type", query.Type);
        Where("e.id = $id", "$id", query.Id);
        if (query.DocumentId is { } document)
        {
            // A report's events are one range of the id key ("{report}-{ordinal}"; there is no index by report).
            p.AddWithValue("$document_from", document + "-");
            p.AddWithValue("$document_to", document + ".");
            clauses.Add("e.id > $document_from AND e.id < $document_to");
        }
        Where(InIncident("e", "$incident"), "$incident", query.IncidentId);
        if (query.IncidentsOnly) clauses.Add("e.incident_head = 1");
        if (query.Box is { } box)
        {
            p.AddWithValue("$west", box.West);
            p.AddWithValue("$south", box.South);
            p.AddWithValue("$east", box.East);
            p.AddWithValue("$north", box.North);
            clauses.Add("e.latitude BETWEEN $south AND $north");
            clauses.Add(box.West <= box.East ? "e.longitude BETWEEN $west AND $east" : "(e.longitude >= $west OR e.longitude <= $east)");
        }
        if (query.Words is { } words && QuoteTerms(words) is { Length: > 0 } match)
        {
            p.AddWithValue("$words", match);
            clauses.Add("e.document_id IN (SELECT m.id FROM documents_fts JOIN documents m ON m.rowid = documents_fts.rowid WHERE documents_fts MATCH $words)");
        }
        return string.Join("\n  AND ", clauses);
    }
}
