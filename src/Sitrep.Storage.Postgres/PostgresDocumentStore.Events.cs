using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Sitrep.Documents;
using static Sitrep.Storage.StoredRows;

namespace Sitrep.Storage.Postgres;

/// <summary>The events table: coded events stored with the report that gave them.</summary>
public sealed partial class PostgresDocumentStore
{
    private static readonly string InsertEventSql =
        $"INSERT INTO events ({string.Join(", ", EventColumns)}) VALUES ({string.Join(", ", EventColumns.Select((_, i) => "$" + (i + 1)))})";

    // A new report's events, each in its incident, added to a batch of writes: their report was new in
    // this transaction, so no other transaction can hold its events and there is no conflict to handle.
    private static void AddEventInserts(NpgsqlBatch batch, Document d, IReadOnlyList<(string IncidentId, bool IsHead)> incidents)
    {
        for (int ordinal = 1; ordinal <= d.Events.Count; ordinal++)
        {
            var command = new NpgsqlBatchCommand(InsertEventSql);
            StoredRows.EventValues(d, ordinal, value => command.Parameters.Add(value is null ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NullType(command.Parameters.Count) } : new NpgsqlParameter { Value = value }),
                incidents[ordinal - 1]);
            batch.BatchCommands.Add(command);
        }
    }

    // A null parameter still needs a type for PostgreSQL to accept it: that of its column.
    private static NpgsqlDbType NullType(int column) => EventColumns[column] switch
    {
        "date" => NpgsqlDbType.Date,
        "place_start" or "place_end" or "time_precision" or "ordinal" or "geo_precision" or "inter1" or "inter2" or "fatalities" or "injured" => NpgsqlDbType.Integer,
        "geonameid" => NpgsqlDbType.Bigint,
        "latitude" or "longitude" or "place_confidence" or "confidence" => NpgsqlDbType.Double,
        "evidence" => NpgsqlDbType.Bytea,
        _ => NpgsqlDbType.Text,
    };

    /// <inheritdoc/>
    public IReadOnlyList<StoredEvent> ListEvents(EventQuery query)
    {
        using var command = new NpgsqlCommand { Connection = _connection };
        // The page's ids are chosen first; only its rows are then joined to their reports.
        command.CommandText = $"""
            SELECT {string.Join(", ", EventColumns.Select(c => "e." + c))}, d.text, d.source, d.date
            FROM (SELECT e.id FROM events e
                  WHERE {EventFilter(command, query)}
                  ORDER BY e.date, e.country, e.document_id, e.ordinal
                  LIMIT @limit OFFSET @offset) page
            JOIN events e ON e.id = page.id
            JOIN documents d ON d.id = e.document_id
            ORDER BY e.date, e.country, e.document_id, e.ordinal
            """;
        command.Parameters.AddWithValue("limit", query.Limit);
        command.Parameters.AddWithValue("offset", query.Offset);
        var events = new List<StoredEvent>();
        using var r = command.ExecuteReader();
        while (r.Read()) events.Add(ReadEvent(r));
        return events;
    }

    /// <inheritdoc/>
    public int CountEvents(EventQuery query)
    {
        using var command = new NpgsqlCommand { Connection = _connection };
        command.CommandText = $"SELECT count(*) FROM events e WHERE {EventFilter(command, query)}";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    // The WHERE clause of an event query, every value a parameter; only the filters given appear.
    // SQL's ORDER BY puts NULL dates last here and first in SQLite; events without a date are rare
    // enough that the two stores are left to their defaults.
    private static string EventFilter(NpgsqlCommand command, EventQuery query)
    {
        var p = command.Parameters;
        var clauses = new List<string> { "true" };
        void Where(string clause, string name, object? value)
        {
            if (value is null) return;
            p.AddWithValue(name, value);
            clauses.Add(clause);
        }
        Where("e.country = @country", "country", query.Country?.ToUpperInvariant());
        Where("e.date >= @from", "from", query.From);
        Where("e.date <= @to", "to", query.To);
        Where("(e.event_type = @type OR e.event_type || '/' || e.sub_event_type = @type)", "type", query.Type);
        Where("e.id = @id", "id", query.Id);
        Where("e.document_id = @document", "document", query.DocumentId);
        Where("e.incident_id = @incident", "incident", query.IncidentId);
        if (query.IncidentsOnly) clauses.Add("e.incident_head = 1");
        if (query.Box is { } box)
        {
            p.AddWithValue("west", box.West);
            p.AddWithValue("south", box.South);
            p.AddWithValue("east", box.East);
            p.AddWithValue("north", box.North);
            // Across the antimeridian the box is two envelopes.
            clauses.Add(box.West <= box.East
                ? "e.geom && ST_MakeEnvelope(@west, @south, @east, @north, 4326)"
                : "(e.geom && ST_MakeEnvelope(@west, @south, 180, @north, 4326) OR e.geom && ST_MakeEnvelope(-180, @south, @east, @north, 4326))");
        }
        if (!string.IsNullOrWhiteSpace(query.Words))
        {
            p.AddWithValue("words", query.Words);
            clauses.Add("e.document_id IN (SELECT m.id FROM documents m WHERE m.search @@ plainto_tsquery('sitrep', @words))");
        }
        return string.Join("\n  AND ", clauses);
    }
}
