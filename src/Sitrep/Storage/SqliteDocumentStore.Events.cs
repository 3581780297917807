using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;

namespace Sitrep.Storage;

/// <summary>The events table: coded events stored with the report that gave them.</summary>
public sealed partial class SqliteDocumentStore
{
    private static readonly string[] EventColumns =
    [
        "id", "document_id", "ordinal", "event_type", "sub_event_type", "plover", "date", "time_precision",
        "place_start", "place_end", "place_name", "geonameid", "latitude", "longitude", "country", "admin1", "level", "place_confidence",
        "geo_precision", "actor1", "actor2", "inter1", "inter2", "fatalities", "fatalities_text", "injured", "injured_text",
        "source", "confidence", "notes", "evidence", "incident_id",
    ];

    private SqliteCommand? _insertEvent;

    private SqliteCommand PrepareEventInsert() => Prepare(
        $"INSERT INTO events ({string.Join(", ", EventColumns)}) VALUES ({string.Join(", ", EventColumns.Select(c => "$" + c))}) ON CONFLICT (id) DO NOTHING",
        [.. EventColumns.Select(c => "$" + c)]);

    private void InsertEvents(Document d)
    {
        // Parameters are set by position, in EventColumns order: a report has many events and the
        // by-name lookup (a linear search of 31 names) cost more than SQLite's own insert.
        var p = _insertEvent!.Parameters;
        for (int i = 0; i < d.Events.Count; i++)
        {
            var e = d.Events[i];
            string id = StoredEvent.IdOf(d.Id, i + 1);
            int column = 0;
            void Next(object? value) => p[column++].Value = value ?? DBNull.Value;
            Next(id);
            Next(d.Id);
            Next(i + 1);
            Next(e.EventType);
            Next(e.SubEventType);
            Next(e.Plover);
            Next(e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Next(e.TimePrecision);
            Next(e.Place?.Range.Start);
            Next(e.Place?.Range.End);
            Next(e.Place?.Name);
            Next(e.Place?.GeonameId);
            Next(e.Place?.Latitude);
            Next(e.Place?.Longitude);
            Next(e.Place?.Country);
            Next(e.Place?.Admin1);
            Next(e.Place?.Level);
            Next(e.Place?.Confidence);
            Next(e.GeoPrecision);
            Next(e.Actor1);
            Next(e.Actor2);
            Next(e.Inter1);
            Next(e.Inter2);
            Next(e.Fatalities);
            Next(e.FatalitiesText);
            Next(e.Injured);
            Next(e.InjuredText);
            Next(e.Source);
            Next(e.Confidence);
            Next(e.Notes);
            Next(RangeBlob(e.Evidence.ToArray().AsSpan(), r => r));
            Next(id); // alone in its incident until linking finds others
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
            SELECT {string.Join(", ", EventColumns.Select(c => "e." + c))}, d.text, d.source, d.date
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
        while (r.Read()) events.Add(ReadEvent(r));
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
        Where("e.document_id = $document", "$document", query.DocumentId);
        Where("e.incident_id = $incident", "$incident", query.IncidentId);
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

    private static StoredEvent ReadEvent(SqliteDataReader r)
    {
        int Col(string name) => Array.IndexOf(EventColumns, name);
        string? Text(string name) => r.IsDBNull(Col(name)) ? null : r.GetString(Col(name));
        int? Int(string name) => r.IsDBNull(Col(name)) ? null : r.GetInt32(Col(name));
        double? Real(string name) => r.IsDBNull(Col(name)) ? null : r.GetDouble(Col(name));
        var evidence = ReadRanges((byte[])r.GetValue(Col("evidence")));
        PlaceMention? place = Int("place_start") is { } start
            ? new PlaceMention(new TextRange(start, Int("place_end")!.Value), Text("place_name")!, r.IsDBNull(Col("geonameid")) ? null : r.GetInt64(Col("geonameid")),
                Real("latitude")!.Value, Real("longitude")!.Value, Text("country")!, Text("admin1"), Text("level")!, Real("place_confidence") ?? 0)
            : null;
        var coded = new CodedEvent
        {
            EventType = Text("event_type")!, SubEventType = Text("sub_event_type")!, Plover = Text("plover"),
            Date = Text("date") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            TimePrecision = Int("time_precision") ?? 0, Place = place, GeoPrecision = Int("geo_precision") ?? 0,
            Actor1 = Text("actor1"), Actor2 = Text("actor2"), Inter1 = Int("inter1"), Inter2 = Int("inter2"),
            Fatalities = Int("fatalities"), FatalitiesText = Text("fatalities_text"), Injured = Int("injured"), InjuredText = Text("injured_text"),
            Source = Text("source"), Evidence = evidence, Confidence = Real("confidence") ?? 0, Notes = Text("notes"),
        };
        int extra = EventColumns.Length;
        return new StoredEvent(Text("id")!, Text("document_id")!, coded, r.GetString(extra), r.IsDBNull(extra + 1) ? null : r.GetString(extra + 1))
        {
            IncidentId = Text("incident_id") ?? Text("id")!,
            DocumentDate = DateOnly.ParseExact(r.GetString(extra + 2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }
}
