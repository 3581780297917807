using System.Globalization;
using System.Text.Json.Serialization;
using Sitrep.Events;
using Sitrep.Linking;

namespace Sitrep.Serialization;

/// <summary>
/// One incident as a row of ACLED's export: ACLED's column names in ACLED's order, so the rows load
/// where ACLED data does. Columns Sitrep does not code (admin2, admin3, region, the numeric iso,
/// source_scale, tags) stay empty; country holds the ISO 3166-1 alpha-2 code.
/// </summary>
public sealed record AcledExportRow
{
    /// <summary>The column names, in ACLED's order (the CSV header; the Parquet schema names the same).</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    // Each property is the ACLED column its attribute names, documented by ACLED's codebook.
#pragma warning disable CS1591
    [JsonPropertyName("event_id_cnty")] public string EventId { get; init; } = "";
    [JsonPropertyName("event_date")] public DateOnly? EventDate { get; init; }
    [JsonPropertyName("year")] public int? Year { get; init; }
    [JsonPropertyName("time_precision")] public int TimePrecision { get; init; }
    [JsonPropertyName("disorder_type")] public string? DisorderType { get; init; }
    [JsonPropertyName("event_type")] public string EventType { get; init; } = "";
    [JsonPropertyName("sub_event_type")] public string SubEventType { get; init; } = "";
    [JsonPropertyName("actor1")] public string? Actor1 { get; init; }
    [JsonPropertyName("assoc_actor_1")] public string? AssocActor1 { get; init; }
    [JsonPropertyName("inter1")] public int? Inter1 { get; init; }
    [JsonPropertyName("actor2")] public string? Actor2 { get; init; }
    [JsonPropertyName("assoc_actor_2")] public string? AssocActor2 { get; init; }
    [JsonPropertyName("inter2")] public int? Inter2 { get; init; }
    [JsonPropertyName("interaction")] public int? Interaction { get; init; }
    [JsonPropertyName("civilian_targeting")] public string? CivilianTargeting { get; init; }
    [JsonPropertyName("iso")] public int? Iso { get; init; }
    [JsonPropertyName("region")] public string? Region { get; init; }
    [JsonPropertyName("country")] public string? Country { get; init; }
    [JsonPropertyName("admin1")] public string? Admin1 { get; init; }
    [JsonPropertyName("admin2")] public string? Admin2 { get; init; }
    [JsonPropertyName("admin3")] public string? Admin3 { get; init; }
    [JsonPropertyName("location")] public string? Location { get; init; }
    [JsonPropertyName("latitude")] public double? Latitude { get; init; }
    [JsonPropertyName("longitude")] public double? Longitude { get; init; }
    [JsonPropertyName("geo_precision")] public int GeoPrecision { get; init; }
    [JsonPropertyName("source")] public string? Source { get; init; }
    [JsonPropertyName("source_scale")] public string? SourceScale { get; init; }
    [JsonPropertyName("notes")] public string? Notes { get; init; }
    [JsonPropertyName("fatalities")] public int Fatalities { get; init; }
    [JsonPropertyName("tags")] public string? Tags { get; init; }
    [JsonPropertyName("timestamp")] public long Timestamp { get; init; }
#pragma warning restore CS1591

    /// <summary>The row of <paramref name="incident"/>: its coding, its conservative fatalities, every outlet as source, and its latest report's date as timestamp.</summary>
    public static AcledExportRow Of(Incident incident)
    {
        var e = incident.Event;
        var p = e.Place;
        var latest = incident.Members.Max(m => m.DocumentDate);
        return new AcledExportRow
        {
            EventId = incident.Id,
            EventDate = e.Date,
            Year = e.Date?.Year,
            TimePrecision = (int)e.TimePrecision,
            DisorderType = EventTaxonomy.DisorderType(e.EventType),
            EventType = e.EventType,
            SubEventType = e.SubEventType,
            Actor1 = e.Actor1,
            AssocActor1 = e.AssocActor1,
            Inter1 = e.Inter1,
            Actor2 = e.Actor2,
            AssocActor2 = e.AssocActor2,
            Inter2 = e.Inter2,
            // ACLED's interaction joins the two inter codes, the smaller first ("13"); one actor alone is "10".
            Interaction = e.Inter1 is { } i1 ? e.Inter2 is { } i2 ? Math.Min(i1, i2) * 10 + Math.Max(i1, i2) : i1 * 10 : null,
            CivilianTargeting = e.EventType == "Violence against civilians" ? "Civilian targeting" : null,
            Country = p?.Country,
            Admin1 = p?.Admin1,
            Location = p?.Name,
            Latitude = p?.Latitude,
            Longitude = p?.Longitude,
            GeoPrecision = (int)e.GeoPrecision,
            Source = string.Join("; ", incident.Members.Select(m => m.Event.Source ?? m.DocumentSource).OfType<string>().Distinct().Order(StringComparer.Ordinal)),
            Notes = e.Notes,
            Fatalities = e.Fatalities ?? 0,
            Timestamp = new DateTimeOffset(latest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds(),
        };
    }

    /// <summary>The row's values as CSV fields, in <see cref="Columns"/> order (dates as ACLED writes them: "6 January 2022").</summary>
    public IEnumerable<string?> CsvValues()
    {
        static string? N(long? n) => n?.ToString(CultureInfo.InvariantCulture);
        static string? D(double? d) => d?.ToString(CultureInfo.InvariantCulture);
        return
        [
            EventId, EventDate?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), N(Year), N(TimePrecision), DisorderType, EventType, SubEventType,
            Actor1, AssocActor1, N(Inter1), Actor2, AssocActor2, N(Inter2), N(Interaction), CivilianTargeting,
            N(Iso), Region, Country, Admin1, Admin2, Admin3, Location, D(Latitude), D(Longitude), N(GeoPrecision),
            Source, SourceScale, Notes, N(Fatalities), Tags, N(Timestamp),
        ];
    }
}
