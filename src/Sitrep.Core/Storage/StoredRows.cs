using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using Sitrep.Documents;

namespace Sitrep.Storage;

/// <summary>
/// The row layouts every store shares: the events table's columns, how an event and a linking mention
/// are read back, and text ranges packed as int32 (start, end) pairs. SQLite keeps dates as ISO text
/// and PostgreSQL as dates; the readers take either.
/// </summary>
internal static class StoredRows
{
    public static readonly string[] EventColumns =
    [
        "id", "document_id", "ordinal", "event_type", "sub_event_type", "plover", "date", "time_precision",
        "place_start", "place_end", "place_name", "geonameid", "latitude", "longitude", "country", "admin1", "level", "place_confidence",
        "geo_precision", "actor1", "actor2", "inter1", "inter2", "fatalities", "fatalities_text", "injured", "injured_text",
        "source", "confidence", "notes", "evidence", "incident_id", "incident_head",
    ];

    /// <summary>The columns linking reads of an event (see <c>EventMention.Read</c>).</summary>
    public const string MentionColumns = "id, document_id, event_type, sub_event_type, date, time_precision, latitude, longitude, country, admin1, geo_precision, actor1, inter1, incident_id, incident_head, confidence";

    /// <summary>
    /// The values of <see cref="EventColumns"/> for the <paramref name="ordinal"/>-th event (from 1) of
    /// <paramref name="d"/>, in order, in <paramref name="incident"/> when linking put it in one (else alone).
    /// </summary>
    public static void EventValues(Document d, int ordinal, Action<object?> next, (string IncidentId, bool IsHead)? incident = null)
    {
        var e = d.Events[ordinal - 1];
        string id = StoredEvent.IdOf(d.Id, ordinal);
        next(id);
        next(d.Id);
        next(ordinal);
        next(e.EventType);
        next(e.SubEventType);
        next(e.Plover);
        next(e.Date);
        next((int)e.TimePrecision);
        next(e.Place?.Range.Start);
        next(e.Place?.Range.End);
        next(e.Place?.Name);
        next(e.Place?.GeonameId);
        next(e.Place?.Latitude);
        next(e.Place?.Longitude);
        next(e.Place?.Country);
        next(e.Place?.Admin1);
        next(e.Place is { } place ? PlaceLevels.Name(place.Level) : null);
        next(e.Place?.Confidence);
        next((int)e.GeoPrecision);
        next(e.Actor1);
        next(e.Actor2);
        next(e.Inter1);
        next(e.Inter2);
        next(e.Fatalities);
        next(e.FatalitiesText);
        next(e.Injured);
        next(e.InjuredText);
        next(e.Source);
        next(e.Confidence);
        next(e.Notes);
        next(RangeBlob(e.Evidence.ToArray().AsSpan(), r => r));
        next(incident?.IncidentId ?? id);
        next(incident is { IsHead: false } ? 0 : 1);
    }

    /// <summary>
    /// An event row: <see cref="EventColumns"/> from column 0, then the report's text, source and date.
    /// </summary>
    public static StoredEvent ReadEvent(DbDataReader r)
    {
        int Col(string name) => Array.IndexOf(EventColumns, name);
        string? Text(string name) => r.IsDBNull(Col(name)) ? null : r.GetString(Col(name));
        int? Int(string name) => r.IsDBNull(Col(name)) ? null : r.GetInt32(Col(name));
        double? Real(string name) => r.IsDBNull(Col(name)) ? null : r.GetDouble(Col(name));
        var evidence = ReadRanges((byte[])r.GetValue(Col("evidence")));
        PlaceMention? place = Int("place_start") is { } start
            ? new PlaceMention(new TextRange(start, Int("place_end")!.Value), Text("place_name")!, r.IsDBNull(Col("geonameid")) ? null : r.GetInt64(Col("geonameid")),
                Real("latitude")!.Value, Real("longitude")!.Value, Text("country")!, Text("admin1"), PlaceLevels.Parse(Text("level")!), Real("place_confidence") ?? 0)
            : null;
        var coded = new CodedEvent
        {
            EventType = Text("event_type")!, SubEventType = Text("sub_event_type")!, Plover = Text("plover"),
            Date = ReadDate(r, Col("date")),
            TimePrecision = (AcledTimePrecision)(Int("time_precision") ?? 0), Place = place, GeoPrecision = (AcledGeoPrecision)(Int("geo_precision") ?? 0),
            Actor1 = Text("actor1"), Actor2 = Text("actor2"), Inter1 = Int("inter1"), Inter2 = Int("inter2"),
            Fatalities = Int("fatalities"), FatalitiesText = Text("fatalities_text"), Injured = Int("injured"), InjuredText = Text("injured_text"),
            Source = Text("source"), Evidence = evidence, Confidence = Real("confidence") ?? 0, Notes = Text("notes"),
        };
        int extra = EventColumns.Length;
        return new StoredEvent(Text("id")!, Text("document_id")!, coded, r.GetString(extra), r.IsDBNull(extra + 1) ? null : r.GetString(extra + 1))
        {
            IncidentId = Text("incident_id") ?? Text("id")!,
            DocumentDate = ReadDate(r, extra + 2)!.Value,
        };
    }

    /// <summary>Store-wide figures, in the order <see cref="ReadStats"/> reads them (SQL both stores run).</summary>
    public const string StatsSql = """
        SELECT (SELECT count(*) FROM documents),
               (SELECT count(*) FROM deliveries),
               (SELECT count(DISTINCT file) FROM deliveries),
               (SELECT count(DISTINCT source) FROM documents WHERE source IS NOT NULL),
               (SELECT CAST(coalesce(sum(words), 0) AS BIGINT) FROM documents),
               (SELECT CAST(coalesce(sum(sentence_count), 0) AS BIGINT) FROM documents),
               (SELECT min(date) FROM documents),
               (SELECT max(date) FROM documents)
        """;

    /// <summary>The row of <see cref="StatsSql"/>.</summary>
    public static StoreStats ReadStats(DbDataReader r, int schemaVersion) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), ReadDate(r, 6), ReadDate(r, 7), schemaVersion);

    /// <summary>A listed report: id, date, source, title, preview, words, sentences, deliveries, first file.</summary>
    public static DocumentSummary ReadDocumentSummary(DbDataReader r) => new(
        r.GetString(0), ReadDate(r, 1)!.Value, Text(r, 2), Text(r, 3), r.GetString(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), Text(r, 8) ?? "");

    /// <summary>A stored report: id, date, source, title, url, text, sentence ranges, the source's country.</summary>
    private static StoredDocument ReadStoredDocument(DbDataReader r) => new(
        r.GetString(0), ReadDate(r, 1)!.Value, Text(r, 2), Text(r, 3), Text(r, 4), r.GetString(5), ReadRanges((byte[])r.GetValue(6)))
    {
        SourceCountry = Text(r, 7),
    };

    /// <summary>A search hit: id, date, source, title, snippet, then the score (higher is better) given apart, as each store ranks its own way.</summary>
    public static SearchHit ReadSearchHit(DbDataReader r, double score) => new(
        r.GetString(0), ReadDate(r, 1)!.Value, Text(r, 2), Text(r, 3), r.GetString(4), score);

    /// <summary>
    /// Columns naming the delivery that first brought the report (file, line): its reading says it came from
    /// there, as an ingest's would. The deliveries themselves are restored as they were.
    /// </summary>
    public const string FirstDeliveryColumns =
        "(SELECT file FROM deliveries WHERE document_id = documents.id ORDER BY delivered_at, file LIMIT 1), " +
        "(SELECT line FROM deliveries WHERE document_id = documents.id ORDER BY delivered_at, file LIMIT 1)";

    /// <summary>The first delivery read from <see cref="FirstDeliveryColumns"/> at <paramref name="column"/>.</summary>
    public static SourceLocation FirstDelivery(DbDataReader r, int column) =>
        new(r.IsDBNull(column) ? "relink" : r.GetString(column), r.IsDBNull(column + 1) ? null : r.GetInt32(column + 1));

    /// <summary>Stored report <paramref name="id"/> with its text, or null.</summary>
    public static StoredDocument? Document(DbConnection connection, string id)
    {
        using var command = SqlDialect.Command(connection, null, "SELECT id, date, source, title, url, text, sentences, source_country FROM documents WHERE id = @id", ("id", id));
        using var r = command.ExecuteReader();
        return r.Read() ? ReadStoredDocument(r) : null;
    }

    /// <summary>Stored report <paramref name="documentId"/> as it was read when stored (see <see cref="StoredReading"/>), or null.</summary>
    public static Document? Reading(DbConnection connection, string documentId, DbTransaction? transaction = null)
    {
        using var command = SqlDialect.Command(connection, transaction, "SELECT reading, text, date FROM documents WHERE id = @id AND reading IS NOT NULL", ("id", documentId));
        using var r = command.ExecuteReader();
        return r.Read() ? StoredReading.Decode((byte[])r.GetValue(0), r.GetString(1), ReadDate(r, 2)!.Value) : null;
    }

    /// <summary>A text column that may be null.</summary>
    public static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>The file a delivery records: its full path, or "-" for standard input.</summary>
    public static string DeliveryFile(string file) => file == "-" ? "-" : Path.GetFullPath(file);

    /// <summary>A date column: ISO text (SQLite) or a date (PostgreSQL).</summary>
    public static DateOnly? ReadDate(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetValue(i) switch
    {
        string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => DateOnly.FromDateTime(time),
        DateOnly date => date,
        var other => throw new InvalidCastException($"column {i} holds {other.GetType().Name}, not a date"),
    };

    /// <summary>Text ranges packed as int32 little-endian (start, end) pairs.</summary>
    public static byte[] RangeBlob<T>(ReadOnlySpan<T> items, Func<T, TextRange> range)
    {
        var pairs = new int[items.Length * 2];
        for (int i = 0; i < items.Length; i++)
        {
            var r = range(items[i]);
            pairs[2 * i] = r.Start;
            pairs[2 * i + 1] = r.End;
        }
        return MemoryMarshal.AsBytes(pairs.AsSpan()).ToArray();
    }

    /// <summary>The ranges a <see cref="RangeBlob"/> holds.</summary>
    public static List<TextRange> ReadRanges(byte[] blob)
    {
        var pairs = MemoryMarshal.Cast<byte, int>(blob.AsSpan());
        var ranges = new List<TextRange>(pairs.Length / 2);
        for (int i = 0; i + 1 < pairs.Length; i += 2) ranges.Add(new TextRange(pairs[i], pairs[i + 1]));
        return ranges;
    }
}
