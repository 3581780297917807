using System.Globalization;
using System.Text.Json;
using Sitrep.Storage;

namespace Sitrep.Serialization;

/// <summary>Stored events as a GeoJSON FeatureCollection of points (events without a place are left out).</summary>
public static class GeoJsonWriter
{
    /// <summary>Writes the collection to <paramref name="json"/>.</summary>
    public static void Write(Utf8JsonWriter json, IEnumerable<StoredEvent> events)
    {
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var s in events)
        {
            var e = s.Event;
            if (e.Place is not { } place) continue;
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", s.Id);
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(place.Longitude);
            json.WriteNumberValue(place.Latitude);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("event_type", e.EventType);
            json.WriteString("sub_event_type", e.SubEventType);
            json.WriteString("date", e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("place", place.Name);
            json.WriteString("country", place.Country);
            json.WriteNumber("geo_precision", (int)e.GeoPrecision);
            json.WriteString("actor1", e.Actor1);
            json.WriteString("actor2", e.Actor2);
            json.WriteNumber("fatalities", e.Fatalities ?? 0);
            json.WriteString("source", e.Source ?? s.DocumentSource);
            json.WriteString("notes", e.Notes);
            json.WriteString("document", s.DocumentId);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
