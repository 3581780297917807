using Sitrep.Documents;

namespace Sitrep.Storage;

/// <summary>
/// Where documents and their layers live: reports and search (<see cref="IReportStore"/>), events and
/// incidents (<see cref="IEventStore"/>), API keys (<see cref="IApiKeyStore"/>). One writer per process
/// calls <see cref="IReportStore.Store"/>; every method is safe to call after a crash (each batch is one transaction).
/// </summary>
public interface IDocumentStore : IReportStore, IEventStore, IApiKeyStore, IDisposable;

/// <summary>Stored reports: storing them, listing, full-text search, near-duplicates, figures.</summary>
public interface IReportStore
{
    /// <summary>The layers this store keeps; an ingest computes only these.</summary>
    Layer StoredLayers { get; }

    /// <summary>
    /// Stores a batch in one transaction. A document already stored (same id) is not stored again,
    /// but the new (source, file) that delivered it is recorded.
    /// </summary>
    StoreOutcome Store(IReadOnlyList<Document> batch);

    /// <summary>
    /// Lets the <see cref="Store"/> calls that follow share transactions of at least
    /// <paramref name="documents"/> new reports, until the returned session is disposed, which commits
    /// what is open. For a long ingest: a crash loses at most one shared transaction, which a re-run
    /// restores. A store whose transactions cost the same however large they are commits each call.
    /// </summary>
    IDisposable ShareTransactions(int documents) => NoSharedTransactions.Instance;

    /// <summary>
    /// What storing a processed document will need that depends on the document alone, done ahead on
    /// the pipeline's workers (in parallel) so the single writer has less to do.
    /// </summary>
    void Prepare(Document document) { }

    /// <summary>Counts and ranges over the whole store.</summary>
    StoreStats GetStats();

    /// <summary>Stored documents, oldest report date first.</summary>
    IReadOnlyList<DocumentSummary> ListDocuments(DocumentQuery query);

    /// <summary>Full-text search, best match first, with highlighted snippets.</summary>
    IReadOnlyList<SearchHit> Search(string query, int limit);

    /// <summary>One stored report with its text, or null when the store has no such id.</summary>
    StoredDocument? GetDocument(string id);

    /// <summary>
    /// A stored report as it was read when stored (<c>StoredReading</c>: every layer but
    /// tokens, its events, what the stages noted), or null when there is no such report or no reading
    /// of it this sitrep can decode (stored by an older one: <c>sitrep db relink</c> reads it again).
    /// </summary>
    Document? GetReading(string id);

    /// <summary>Reports found to be near-duplicates of this one (syndicated copies, light rewrites), most alike first.</summary>
    IReadOnlyList<DuplicateReport> ListDuplicates(string documentId);

}

/// <summary>Stored events and the incidents linking made of them.</summary>
public interface IEventStore
{
    /// <summary>Stored events, by date, with the text of the report each was read from.</summary>
    IReadOnlyList<StoredEvent> ListEvents(EventQuery query);

    /// <summary>How many events match <paramref name="query"/> (its limit and offset ignored).</summary>
    int CountEvents(EventQuery query);

    /// <summary>
    /// Takes an event out of its incident: its links go, the analyst's "not the same" is kept so no
    /// later report links it back, and what remains of the incident is renamed by connected part.
    /// Null when there is no such event.
    /// </summary>
    UnlinkOutcome? UnlinkEvent(string eventId);

    /// <summary>The links inside an incident, each with why the two events were judged one incident.</summary>
    IReadOnlyList<EventLink> ListLinks(string incidentId);

    /// <summary>
    /// Makes the incidents what linking the stored reports in linking order (report date, then id)
    /// makes, if reports were stored out of that order since they were last settled: the reports from
    /// the first of those on are linked again, in order, in one transaction. An ingest, a server's
    /// write and a worker's batch end with it, so the incidents depend on which reports the store
    /// holds, not on the order they came in. Returns the reports linked again (0 when all came in
    /// order), or null when one of them was stored by an older sitrep (<c>sitrep db relink</c> reads
    /// it again).
    /// </summary>
    int? SettleIncidents();
}

/// <summary>API keys for the server's write endpoints: only their hashes are kept.</summary>
public interface IApiKeyStore
{
    /// <summary>Creates an API key; the secret is returned once and only its hash is stored.</summary>
    NewApiKey CreateApiKey(string name);

    /// <summary>Every API key, revoked ones included (never their secrets).</summary>
    IReadOnlyList<ApiKeyInfo> ListApiKeys();

    /// <summary>Revokes the key with this id; false when there is none.</summary>
    bool RevokeApiKey(string id);

    /// <summary>The live (not revoked) key whose secret this is, or null.</summary>
    ApiKeyInfo? FindApiKey(string secret);
}

/// <summary>
/// Filters for <see cref="IEventStore.ListEvents"/>: <see cref="Type"/> is an event type or "type/sub-type",
/// <see cref="Box"/> a bounding box, <see cref="Words"/> words that must all occur in the event's report;
/// <see cref="IncidentId"/> keeps one incident's events, <see cref="IncidentsOnly"/> each incident's head (its representative, see <see cref="Linking.Incident.Representative"/>).
/// </summary>
public sealed record EventQuery(
    string? Country = null, DateOnly? From = null, DateOnly? To = null, string? Type = null, string? Id = null, int Limit = 1000, int Offset = 0,
    GeoBox? Box = null, string? Words = null, string? DocumentId = null, string? IncidentId = null, bool IncidentsOnly = false);

/// <summary>A bounding box in degrees (west, south, east, north); west may exceed east across the antimeridian.</summary>
public readonly record struct GeoBox(double West, double South, double East, double North)
{
    /// <summary>Parses "west,south,east,north"; null when malformed or out of range.</summary>
    public static GeoBox? Parse(string? text)
    {
        var parts = text?.Split(',');
        if (parts is not { Length: 4 }) return null;
        var v = new double[4];
        for (int i = 0; i < 4; i++)
            if (!double.TryParse(parts[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out v[i]) || !double.IsFinite(v[i])) return null;
        var box = new GeoBox(v[0], v[1], v[2], v[3]);
        return Math.Abs(box.West) <= 180 && Math.Abs(box.East) <= 180 && Math.Abs(box.South) <= 90 && Math.Abs(box.North) <= 90 && box.South <= box.North ? box : null;
    }
}

/// <summary>A stored report: its metadata and text, with sentence ranges into the text.</summary>
public sealed record StoredDocument(string Id, DateOnly Date, string? Source, string? Title, string? Url, string Text, IReadOnlyList<TextRange> Sentences)
{
    /// <summary>The country the report's source reports from, when the input said (ISO 3166 alpha-2).</summary>
    public string? SourceCountry { get; init; }
}

/// <summary>What <see cref="IEventStore.UnlinkEvent"/> did: the incident the event left, and the incidents its other members now form.</summary>
public sealed record UnlinkOutcome(string EventId, string FormerIncident, IReadOnlyList<string> RemainingIncidents);

/// <summary>A near-duplicate of a report, with the estimated Jaccard similarity of their word 3-shingles.</summary>
public sealed record DuplicateReport(string DocumentId, double Similarity);

/// <summary>An API key as listed: never its secret.</summary>
public sealed record ApiKeyInfo(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just created: <see cref="Secret"/> is shown once.</summary>
public sealed record NewApiKey(ApiKeyInfo Key, string Secret);

/// <summary>A stored event: its id, the report it came from (id, text, outlet) and its coding.</summary>
public sealed record StoredEvent(string Id, string DocumentId, CodedEvent Event, string DocumentText, string? DocumentSource)
{
    /// <summary>The id of a report's <paramref name="ordinal"/>-th event (from 1): the same text always gives the same ids.</summary>
    public static string IdOf(string documentId, int ordinal) => $"{documentId}-{ordinal}";

    /// <summary>The incident the event belongs to: the smallest id among the events linked with it, its own id when alone.</summary>
    public string IncidentId { get; init; } = Id;

    /// <summary>The report's date.</summary>
    public DateOnly DocumentDate { get; init; }

    /// <summary>The report as a document, for writers that read the event's spans from its text.</summary>
    public Document ReportDocument() => new(DocumentText, Event.Date ?? DateOnly.MinValue, new SourceLocation(DocumentId));
}

/// <summary>What a <see cref="IReportStore.Store"/> call changed.</summary>
public readonly record struct StoreOutcome(int Added, int AlreadyKnown);

/// <summary>Filters for <see cref="IReportStore.ListDocuments"/>.</summary>
public sealed record DocumentQuery(DateOnly? From = null, DateOnly? To = null, string? Source = null, int Limit = 100, int Offset = 0);

/// <summary>One stored document, without its layers.</summary>
public sealed record DocumentSummary(
    string Id, DateOnly Date, string? Source, string? Title, string Preview, int Words, int Sentences, int Deliveries, string FirstFile);

/// <summary>A search result; <see cref="Snippet"/> marks matches with <see cref="SearchHit.MatchStart"/> and <see cref="SearchHit.MatchEnd"/>.</summary>
public sealed record SearchHit(string Id, DateOnly Date, string? Source, string? Title, string Snippet, double Score)
{
    /// <summary>Char that opens a highlighted match in <see cref="Snippet"/>.</summary>
    public const char MatchStart = '\u0002';

    /// <summary>Char that closes a highlighted match in <see cref="Snippet"/>.</summary>
    public const char MatchEnd = '\u0003';
}

/// <summary>Store-wide figures.</summary>
public sealed record StoreStats(
    long Documents, long Deliveries, long Files, long Sources, long Words, long Sentences,
    DateOnly? FirstDate, DateOnly? LastDate, int SchemaVersion);

/// <summary>The store cannot be used: unreadable file, newer schema, disk error. Fatal for the command.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The session of a store that commits each <see cref="IReportStore.Store"/> call alone.</summary>
internal sealed class NoSharedTransactions : IDisposable
{
    public static readonly NoSharedTransactions Instance = new();

    public void Dispose()
    {
    }
}
