using Sitrep.Documents;
using Sitrep.Storage;

namespace Sitrep.Linking;

/// <summary>
/// What linking needs of one coded event read from one report: enough to decide whether two reports
/// describe the same incident, small enough to read thousands of candidates cheaply.
/// </summary>
public sealed record EventMention(
    string Id, string DocumentId, string EventType, string SubEventType, DateOnly? Date, int TimePrecision,
    double? Latitude, double? Longitude, string? Country, string? Admin1, int GeoPrecision, string? Actor1, int? Inter1)
{
    /// <summary>The mention of <paramref name="e"/>, the <paramref name="ordinal"/>-th event (from 1) of <paramref name="documentId"/>.</summary>
    public static EventMention Of(string documentId, int ordinal, CodedEvent e) => new(
        StoredEvent.IdOf(documentId, ordinal), documentId, e.EventType, e.SubEventType, e.Date, e.TimePrecision,
        e.Place?.Latitude, e.Place?.Longitude, e.Place?.Country, e.Place?.Admin1, e.GeoPrecision, e.Actor1, e.Inter1);

    /// <summary>The incident a stored event belongs to; a new event's own id.</summary>
    public string IncidentId { get; init; } = Id;
}
