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
        using var command = EventListing.Page(_connection, query, SqliteDialect.Instance, Selected("e", EventColumns));
        var events = new List<StoredEvent>();
        using var r = command.ExecuteReader();
        while (r.Read()) events.Add(StoredRows.ReadEvent(r));
        return events;
    }

    /// <inheritdoc/>
    public int CountEvents(EventQuery query) => EventListing.Count(_connection, query, SqliteDialect.Instance);
}
