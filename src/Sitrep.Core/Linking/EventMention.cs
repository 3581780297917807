using System.Data.Common;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Storage;

namespace Sitrep.Linking;

/// <summary>
/// What linking needs of one coded event read from one report: enough to decide whether two reports
/// describe the same incident, small enough to read thousands of candidates cheaply.
/// </summary>
internal sealed record EventMention(
    string Id, string DocumentId, string EventType, string SubEventType, DateOnly? Date, int TimePrecision,
    double? Latitude, double? Longitude, string? Country, string? Admin1, int GeoPrecision, string? Actor1, int? Inter1)
{
    /// <summary>The mention of <paramref name="e"/>, the <paramref name="ordinal"/>-th event (from 1) of <paramref name="documentId"/>.</summary>
    public static EventMention Of(string documentId, int ordinal, CodedEvent e) => new(
        StoredEvent.IdOf(documentId, ordinal), documentId, e.EventType, e.SubEventType, e.Date, (int)e.TimePrecision,
        e.Place?.Latitude, e.Place?.Longitude, e.Place?.Country, e.Place?.Admin1, (int)e.GeoPrecision, e.Actor1, e.Inter1)
    {
        Confidence = e.Confidence,
    };

    /// <summary>The incident a stored event belongs to; a new event's own id.</summary>
    public string IncidentId { get; init; } = Id;

    /// <summary>Whether the event is its incident's head; a new event heads its own.</summary>
    public bool IsHead { get; init; } = true;

    /// <summary>The coding's confidence, which ranks an incident's members for its head.</summary>
    public double Confidence { get; init; }

    /// <summary>The better head of two, ranked as <see cref="Incident.Representative"/> is chosen.</summary>
    public static EventMention BetterHead(EventMention a, EventMention b)
    {
        static (int, int, double) Rank(EventMention m) => Incident.HeadRank(m.Latitude is not null, m.GeoPrecision, m.Date is not null, m.TimePrecision, m.Confidence);
        int c = Rank(a).CompareTo(Rank(b));
        return c < 0 || c == 0 && string.CompareOrdinal(a.Id, b.Id) <= 0 ? a : b;
    }

    /// <summary>A row of <see cref="StoredRows.MentionColumns"/>, from column <paramref name="first"/> on.</summary>
    internal static EventMention Read(DbDataReader r, int first = 0)
    {
        string? Text(int i) => r.IsDBNull(first + i) ? null : r.GetString(first + i);
        int? Int(int i) => r.IsDBNull(first + i) ? null : r.GetInt32(first + i);
        double? Real(int i) => r.IsDBNull(first + i) ? null : r.GetDouble(first + i);
        return new EventMention(
            Text(0)!, Text(1)!, Text(2)!, Text(3)!, StoredRows.ReadDate(r, first + 4),
            Int(5) ?? 0, Real(6), Real(7), Text(8), Text(9), Int(10) ?? 0, Text(11), Int(12))
        {
            IncidentId = Text(13)!, IsHead = Convert.ToInt64(r.GetValue(first + 14), CultureInfo.InvariantCulture) != 0, Confidence = Real(15) ?? 0,
        };
    }
}
