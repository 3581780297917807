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
        using var command = EventListing.Page(_connection, query, PostgresDialect.Instance, string.Join(", ", EventColumns.Select(c => "e." + c)));
        var events = new List<StoredEvent>();
        using var r = command.ExecuteReader();
        while (r.Read()) events.Add(ReadEvent(r));
        return events;
    }

    /// <inheritdoc/>
    public int CountEvents(EventQuery query) => EventListing.Count(_connection, query, PostgresDialect.Instance);
}
