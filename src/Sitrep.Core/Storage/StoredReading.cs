using System.Text;
using Sitrep.Documents;

namespace Sitrep.Storage;

/// <summary>
/// What a store keeps of how a report was read, beside its text: where it came from, its paragraphs and
/// sentences, every annotation layer with its events, and what the stages noted of it. A stored report
/// is then shown as it was read when stored, agreeing with its stored events, whatever models the reader
/// runs; <c>sitrep db relink</c> reads every report again and replaces it. The encoding is binary (ranges
/// and codes, no copy of the text), so that keeping it costs an ingest little: the extract contract's JSON
/// of a report is about ten times its text.
/// </summary>
public static class StoredReading
{
    // Bumped whenever the layout below changes; a reading of another version is not decoded (relink makes a new one).
    private const byte Version = 1;

    /// <summary>The reading of <paramref name="document"/> as a store keeps it (encoded once; a later call returns the same bytes).</summary>
    public static byte[] Encode(Document document)
    {
        if (document.EncodedReading is { } encoded) return encoded;
        var buffer = new MemoryStream(256 + document.Text.Length / 2);
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Version);
            w.Write(document.Origin.File);
            WriteInt(w, document.Origin.Line);
            WriteString(w, document.Source);
            WriteString(w, document.Title);
            WriteString(w, document.Url);
            WriteString(w, document.SourceCountry);
            w.Write(document.Published is { } published);
            if (document.Published is { } p)
            {
                w.Write(p.UtcTicks);
                w.Write((short)p.Offset.TotalMinutes);
            }
            w.Write7BitEncodedInt((int)document.Layers);
            w.Write7BitEncodedInt(document.WordCount);
            WriteRanges(w, document.Paragraphs);
            w.Write7BitEncodedInt(document.Sentences.Length);
            foreach (var s in document.Sentences) WriteRange(w, s.Range);
            WriteList(w, document.Entities, m =>
            {
                WriteRange(w, m.Range);
                w.Write((byte)m.Type);
                WriteString(w, m.Subtype);
            });
            WriteList(w, document.Places, p => WritePlace(w, p));
            WriteList(w, document.Quantities, q => WriteQuantity(w, q));
            WriteList(w, document.Times, t =>
            {
                WriteRange(w, t.Range);
                w.Write(t.Value.Text);
                w.Write((byte)t.Precision);
                w.Write((byte)t.Type);
            });
            WriteList(w, document.Attributions, a =>
            {
                WriteRange(w, a.Range);
                w.Write(a.Source);
                w.Write((byte)a.SourceType);
                WriteRange(w, a.Claim);
            });
            WriteList(w, document.Events, e => WriteEvent(w, e));
            WriteList(w, document.Diagnostics, d =>
            {
                w.Write(d.Code);
                w.Write(d.Reason);
            });
        }
        return document.EncodedReading = buffer.ToArray();
    }

    /// <summary>
    /// The document <see cref="Encode"/> kept, over its stored <paramref name="text"/> and report
    /// <paramref name="date"/>: every layer but tokens (its sentences hold no token indices), or null
    /// when another version of sitrep wrote it.
    /// </summary>
    public static Document? Decode(byte[] reading, string text, DateOnly date)
    {
        using var r = new BinaryReader(new MemoryStream(reading), Encoding.UTF8);
        if (r.ReadByte() != Version) return null;
        var origin = new SourceLocation(r.ReadString(), ReadInt(r));
        var document = new Document(text, date, origin)
        {
            Source = ReadString(r),
            Title = ReadString(r),
            Url = ReadString(r),
            SourceCountry = ReadString(r),
            Published = r.ReadBoolean() ? new DateTimeOffset(r.ReadInt64(), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(r.ReadInt16())) : null,
        };
        var layers = (Layer)r.Read7BitEncodedInt();
        int words = r.Read7BitEncodedInt();
        var paragraphs = ReadList(r, () => ReadRange(r)).ToArray();
        var sentences = ReadList(r, () => ReadRange(r)).ToArray();
        document.Restore(layers & (Layer.Paragraphs | Layer.Sentences), paragraphs, sentences, words);
        // Each layer is read whole, and set only if the reading had it.
        var entities = ReadList(r, () => new Mention(ReadRange(r), (EntityType)r.ReadByte(), ReadString(r)));
        if (layers.HasFlag(Layer.Entities)) document.SetEntities(entities);
        var places = ReadList(r, () => ReadPlace(r));
        if (layers.HasFlag(Layer.Places)) document.SetPlaces(places);
        var quantities = ReadList(r, () => ReadQuantity(r));
        if (layers.HasFlag(Layer.Quantities)) document.SetQuantities(quantities);
        var times = ReadList(r, () => new TimeExpression(ReadRange(r), r.ReadString(), (TimePrecision)r.ReadByte(), (TimexType)r.ReadByte()));
        if (layers.HasFlag(Layer.Times)) document.SetTimes(times);
        var attributions = ReadList(r, () => new Documents.Attribution(ReadRange(r), r.ReadString(), (SourceType)r.ReadByte(), ReadRange(r)));
        if (layers.HasFlag(Layer.Attributions)) document.SetAttributions(attributions);
        var events = ReadList(r, () => ReadEvent(r));
        if (layers.HasFlag(Layer.Events)) document.SetEvents(events);
        foreach (var (code, reason) in ReadList(r, () => (r.ReadString(), r.ReadString()))) document.AddDiagnostic(code, reason);
        return document;
    }

    private static void WritePlace(BinaryWriter w, PlaceMention p)
    {
        WriteRange(w, p.Range);
        w.Write(p.Name);
        w.Write(p.GeonameId ?? -1);
        w.Write(p.Latitude);
        w.Write(p.Longitude);
        w.Write(p.Country);
        WriteString(w, p.Admin1);
        w.Write((byte)p.Level);
        w.Write(p.Confidence);
        w.Write((byte)p.Role);
    }

    private static PlaceMention ReadPlace(BinaryReader r) =>
        new(ReadRange(r), r.ReadString(), r.ReadInt64() is var id and >= 0 ? id : null, r.ReadDouble(), r.ReadDouble(), r.ReadString(), ReadString(r), (PlaceLevel)r.ReadByte(), r.ReadDouble())
        {
            Role = (PlaceRole)r.ReadByte(),
        };

    private static void WriteQuantity(BinaryWriter w, Quantity q)
    {
        WriteRange(w, q.Range);
        WriteDouble(w, q.Value);
        WriteDouble(w, q.Min);
        WriteDouble(w, q.Max);
        w.Write((byte)q.Qualifier);
        WriteString(w, q.Unit);
        WriteString(w, q.Currency);
        w.Write(q.Conversion is not null);
        if (q.Conversion is { } conversion) WriteQuantity(w, conversion);
    }

    private static Quantity ReadQuantity(BinaryReader r) =>
        new(ReadRange(r), ReadDouble(r), ReadDouble(r), ReadDouble(r), (QuantityQualifier)r.ReadByte(), ReadString(r), ReadString(r), r.ReadBoolean() ? ReadQuantity(r) : null);

    private static void WriteEvent(BinaryWriter w, CodedEvent e)
    {
        w.Write(e.EventType);
        w.Write(e.SubEventType);
        WriteString(w, e.Plover);
        WriteInt(w, e.Date?.DayNumber);
        w.Write((byte)e.TimePrecision);
        w.Write(e.Place is not null);
        if (e.Place is { } place) WritePlace(w, place);
        w.Write((byte)e.GeoPrecision);
        WriteString(w, e.Actor1);
        WriteString(w, e.Actor2);
        WriteString(w, e.AssocActor1);
        WriteString(w, e.AssocActor2);
        WriteInt(w, e.Inter1);
        WriteInt(w, e.Inter2);
        WriteInt(w, e.Fatalities);
        WriteString(w, e.FatalitiesText);
        WriteInt(w, e.Injured);
        WriteString(w, e.InjuredText);
        WriteString(w, e.Source);
        WriteList(w, e.Evidence, range => WriteRange(w, range));
        w.Write(e.Confidence);
        WriteString(w, e.Notes);
    }

    private static CodedEvent ReadEvent(BinaryReader r) => new()
    {
        EventType = r.ReadString(),
        SubEventType = r.ReadString(),
        Plover = ReadString(r),
        Date = ReadInt(r) is { } day ? DateOnly.FromDayNumber(day) : null,
        TimePrecision = (AcledTimePrecision)r.ReadByte(),
        Place = r.ReadBoolean() ? ReadPlace(r) : null,
        GeoPrecision = (AcledGeoPrecision)r.ReadByte(),
        Actor1 = ReadString(r),
        Actor2 = ReadString(r),
        AssocActor1 = ReadString(r),
        AssocActor2 = ReadString(r),
        Inter1 = ReadInt(r),
        Inter2 = ReadInt(r),
        Fatalities = ReadInt(r),
        FatalitiesText = ReadString(r),
        Injured = ReadInt(r),
        InjuredText = ReadString(r),
        Source = ReadString(r),
        Evidence = ReadList(r, () => ReadRange(r)),
        Confidence = r.ReadDouble(),
        Notes = ReadString(r),
    };

    private static void WriteList<T>(BinaryWriter w, IReadOnlyList<T> items, Action<T> write)
    {
        w.Write7BitEncodedInt(items.Count);
        foreach (var item in items) write(item);
    }

    private static List<T> ReadList<T>(BinaryReader r, Func<T> read)
    {
        int count = r.Read7BitEncodedInt();
        var items = new List<T>(count);
        for (int i = 0; i < count; i++) items.Add(read());
        return items;
    }

    private static void WriteRanges(BinaryWriter w, ReadOnlySpan<TextRange> ranges)
    {
        w.Write7BitEncodedInt(ranges.Length);
        foreach (var range in ranges) WriteRange(w, range);
    }

    private static void WriteRange(BinaryWriter w, TextRange range)
    {
        w.Write7BitEncodedInt(range.Start);
        w.Write7BitEncodedInt(range.Length);
    }

    private static TextRange ReadRange(BinaryReader r)
    {
        int start = r.Read7BitEncodedInt();
        return new TextRange(start, start + r.Read7BitEncodedInt());
    }

    // Nullable values: a flag, then the value.
    private static void WriteString(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null) w.Write(value);
    }

    private static string? ReadString(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void WriteInt(BinaryWriter w, int? value)
    {
        w.Write(value is not null);
        if (value is { } v) w.Write(v);
    }

    private static int? ReadInt(BinaryReader r) => r.ReadBoolean() ? r.ReadInt32() : null;

    private static void WriteDouble(BinaryWriter w, double? value)
    {
        w.Write(value is not null);
        if (value is { } v) w.Write(v);
    }

    private static double? ReadDouble(BinaryReader r) => r.ReadBoolean() ? r.ReadDouble() : null;
}
