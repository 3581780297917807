using System.Globalization;
using System.Text.Json;
using Sitrep.Documents;

namespace Sitrep.Serialization;

/// <summary>
/// Writes the <c>sitrep extract</c> JSON contract (shared/EXTRACT.md):
/// <c>{"documents": [...], "diagnostics": [...]}</c>, documents streamed as they come.
/// Fields are only ever added, never renamed.
/// </summary>
public sealed class ExtractJsonWriter : IDisposable
{
    private readonly Utf8JsonWriter _json;
    private readonly List<Diagnostic> _diagnostics = [];

    /// <summary>Starts the object on <paramref name="output"/>.</summary>
    public ExtractJsonWriter(Stream output, bool indented = true)
        : this(new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented }))
    {
        _json.WriteStartObject();
        _json.WriteStartArray("documents");
    }

    private ExtractJsonWriter(Utf8JsonWriter json) => _json = json;

    /// <summary>Writes one stored event as an object: its contract fields plus <c>id</c> and <c>documents</c>.</summary>
    public static void WriteEvent(Utf8JsonWriter json, string id, Document document, CodedEvent e)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteStartArray("documents");
        json.WriteStringValue(document.Id);
        json.WriteEndArray();
        new ExtractJsonWriter(json).WriteEventFields(document, e);
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes one incident: the contract's event fields (its representative's coding with the
    /// incident's figures), <c>id</c>, <c>documents</c> (every supporting report), how each figure was
    /// chosen, and <c>claims</c>, one per figure a source reported.
    /// </summary>
    public static void WriteIncident(Utf8JsonWriter json, Sitrep.Linking.Incident incident)
    {
        json.WriteStartObject();
        json.WriteString("id", incident.Id);
        json.WriteStartArray("documents");
        foreach (var d in incident.Documents) json.WriteStringValue(d);
        json.WriteEndArray();
        new ExtractJsonWriter(json).WriteEventFields(incident.Representative.ReportDocument(), incident.Event);
        if (incident.Basis("fatalities") is { } basis) json.WriteString("fatalities_basis", basis);
        if (incident.Basis("injured") is { } injuredBasis) json.WriteString("injured_basis", injuredBasis);
        json.WriteStartArray("claims");
        foreach (var c in incident.Claims)
        {
            json.WriteStartObject();
            json.WriteString("field", c.Field);
            json.WriteNumber("value", c.Value);
            json.WriteString("text", c.Text);
            json.WriteString("source", c.Source);
            json.WriteString("document", c.Document);
            json.WriteString("date", c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes one document object (the contract's document fields and layers) to <paramref name="json"/>.</summary>
    public static void WriteDocument(Utf8JsonWriter json, Document d) => new ExtractJsonWriter(json).Write(d);

    /// <summary>Writes one document; what its stages noted joins the diagnostics.</summary>
    public void Write(Document d)
    {
        _diagnostics.AddRange(d.Diagnostics);
        var j = _json;
        j.WriteStartObject();
        j.WriteString("id", d.Id);
        j.WriteString("source_file", d.Origin.ToString());
        j.WriteString("date", d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        WriteNullable("source", d.Source);
        WriteNullable("title", d.Title);
        WriteNullable("url", d.Url);
        if (d.Published is { } published) j.WriteString("published", published);
        j.WriteNumber("words", d.WordCount);

        WriteArray("paragraphs", d.Paragraphs.ToArray(), r => WriteRange(r));
        WriteArray("sentences", d.Sentences.ToArray(), s => WriteRange(s.Range));
        WriteArray("entities", d.Entities, m =>
        {
            WriteSpan(d, m.Range);
            j.WriteString("type", EntityTypes.Name(m.Type));
            if (m.Subtype is not null) j.WriteString("subtype", m.Subtype);
        });
        WriteArray("places", d.Places, p => WritePlaceFields(d, p));
        WriteArray("quantities", d.Quantities, q =>
        {
            WriteQuantityFields(d, q);
            if (q.Conversion is { } conversion)
            {
                j.WriteStartObject("conversion");
                WriteQuantityFields(d, conversion);
                j.WriteEndObject();
            }
        });
        WriteArray("times", d.Times, t =>
        {
            WriteSpan(d, t.Range);
            j.WriteString("value", t.Value.Text);
            j.WriteString("precision", PrecisionName(t.Precision));
            j.WriteString("type", t.Type.ToString().ToUpperInvariant());
        });
        WriteArray("attributions", d.Attributions, a =>
        {
            WriteSpan(d, a.Range);
            j.WriteString("source", a.Source);
            j.WriteString("source_type", SourceTypes.Name(a.SourceType));
            j.WriteNumber("claim_start", a.Claim.Start);
            j.WriteNumber("claim_end", a.Claim.End);
        });
        WriteArray("events", d.Events, e => WriteEventFields(d, e));
        j.WriteEndObject();
    }

    /// <summary>Records a skipped input record; all are written at the end.</summary>
    public void Write(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>Closes the documents array, writes the diagnostics and ends the object.</summary>
    public void Complete()
    {
        _json.WriteEndArray();
        _json.WriteStartArray("diagnostics");
        foreach (var diagnostic in _diagnostics) WriteDiagnostic(_json, diagnostic);
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
    }

    /// <summary>Writes one diagnostic object: <c>file</c>, <c>line</c> (null when none), <c>code</c>, <c>reason</c>.</summary>
    public static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        json.WriteString("file", diagnostic.Location.File);
        if (diagnostic.Location.Line is { } line) json.WriteNumber("line", line);
        else json.WriteNull("line");
        json.WriteString("code", diagnostic.Code);
        json.WriteString("reason", diagnostic.Reason);
        json.WriteEndObject();
    }

    /// <summary>The contract's name for a qualifier.</summary>
    public static string QualifierName(QuantityQualifier q) => q switch
    {
        QuantityQualifier.Exact => "exact",
        QuantityQualifier.Approximately => "approximately",
        QuantityQualifier.AtLeast => "at-least",
        QuantityQualifier.MoreThan => "more-than",
        QuantityQualifier.AtMost => "at-most",
        QuantityQualifier.LessThan => "less-than",
        QuantityQualifier.Almost => "almost",
        QuantityQualifier.Vague => "vague",
        _ => throw new ArgumentOutOfRangeException(nameof(q)),
    };

    /// <summary>The contract's name for a time precision.</summary>
    public static string PrecisionName(TimePrecision p) => p switch
    {
        TimePrecision.Day => "day",
        TimePrecision.PartOfDay => "part-of-day",
        TimePrecision.Week => "week",
        TimePrecision.Month => "month",
        TimePrecision.Year => "year",
        TimePrecision.Quarter => "quarter",
        TimePrecision.Season => "season",
        TimePrecision.Decade => "decade",
        TimePrecision.Time => "time",
        TimePrecision.Unspecified => "unspecified",
        _ => throw new ArgumentOutOfRangeException(nameof(p)),
    };

    private void WriteQuantityFields(Document d, Quantity q)
    {
        WriteSpan(d, q.Range);
        WriteNumber("value", q.Value);
        WriteNumber("min", q.Min);
        WriteNumber("max", q.Max);
        _json.WriteString("qualifier", QualifierName(q.Qualifier));
        WriteNullable("unit", q.Unit);
        WriteNullable("currency", q.Currency);
    }

    private void WritePlaceFields(Document d, PlaceMention p)
    {
        WriteSpan(d, p.Range);
        _json.WriteString("name", p.Name);
        if (p.GeonameId is { } id) _json.WriteNumber("geonameid", id);
        else _json.WriteNull("geonameid");
        _json.WriteNumber("lat", p.Latitude);
        _json.WriteNumber("lon", p.Longitude);
        _json.WriteString("country", p.Country);
        WriteNullable("admin1", p.Admin1);
        _json.WriteString("level", PlaceLevels.Name(p.Level));
        _json.WriteNumber("confidence", p.Confidence);
        _json.WriteString("role", p.Role == PlaceRole.Dateline ? "dateline" : "mentioned");
    }

    private void WriteEventFields(Document d, CodedEvent e)
    {
        var j = _json;
        j.WriteString("event_type", e.EventType);
        j.WriteString("sub_event_type", e.SubEventType);
        WriteNullable("plover", e.Plover);
        WriteNullable("date", e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        j.WriteNumber("time_precision", (int)e.TimePrecision);
        if (e.Place is { } place)
        {
            j.WriteStartObject("place");
            WritePlaceFields(d, place);
            j.WriteEndObject();
        }
        else
        {
            j.WriteNull("place");
        }
        j.WriteNumber("geo_precision", (int)e.GeoPrecision);
        WriteNullable("actor1", e.Actor1);
        WriteNullable("actor2", e.Actor2);
        WriteNullable("assoc_actor_1", e.AssocActor1);
        WriteNullable("assoc_actor_2", e.AssocActor2);
        WriteNumber("inter1", e.Inter1);
        WriteNumber("inter2", e.Inter2);
        WriteNumber("fatalities", e.Fatalities);
        WriteNullable("fatalities_text", e.FatalitiesText);
        WriteNumber("injured", e.Injured);
        WriteNullable("injured_text", e.InjuredText);
        WriteNullable("source", e.Source);
        WriteArray("evidence", e.Evidence, r => WriteSpan(d, r));
        j.WriteNumber("confidence", e.Confidence);
        WriteNullable("notes", e.Notes);
    }

    private void WriteArray<T>(string name, IReadOnlyList<T> items, Action<T> writeFields)
    {
        _json.WriteStartArray(name);
        foreach (var item in items)
        {
            _json.WriteStartObject();
            writeFields(item);
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
    }

    private void WriteRange(TextRange r)
    {
        _json.WriteNumber("start", r.Start);
        _json.WriteNumber("end", r.End);
    }

    private void WriteSpan(Document d, TextRange r)
    {
        WriteRange(r);
        _json.WriteString("text", d.Slice(r));
    }

    private void WriteNullable(string name, string? value)
    {
        if (value is null) _json.WriteNull(name);
        else _json.WriteString(name, value);
    }

    private void WriteNumber(string name, double? value)
    {
        if (value is { } v) _json.WriteNumber(name, v);
        else _json.WriteNull(name);
    }

    /// <inheritdoc/>
    public void Dispose() => _json.Dispose();
}
