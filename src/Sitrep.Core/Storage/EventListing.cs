using System.Data.Common;

namespace Sitrep.Storage;

/// <summary>The event listing both stores run, written once: its filter and its page query.</summary>
internal static class EventListing
{
    /// <summary>The WHERE clause of <paramref name="query"/>, every value a parameter of <paramref name="command"/> (see <see cref="SqlConditions"/>).</summary>
    public static string Filter(DbCommand command, EventQuery query, SqlDialect dialect)
    {
        var where = new SqlConditions(command, dialect);
        where.Add("e.country = @country", "country", query.Country?.ToUpperInvariant());
        where.Add("e.date >= @from", "from", query.From is { } from ? dialect.Date(from) : null);
        where.Add("e.date <= @to", "to", query.To is { } to ? dialect.Date(to) : null);
        where.Add("(e.event_type = @type OR e.event_type || '/' || e.sub_event_type = @type)", "type", query.Type);
        where.Add("e.id = @id", "id", query.Id);
        if (query.DocumentId is { } document) where.Add(dialect.OfDocument(command, document));
        if (query.IncidentId is { } incident)
        {
            SqlDialect.Add(command, "incident", incident);
            where.Add(dialect.InIncident("e", "@incident"));
        }
        if (query.IncidentsOnly) where.Add("e.incident_head = 1");
        if (query.Box is { } box)
        {
            SqlDialect.Add(command, "west", box.West);
            SqlDialect.Add(command, "south", box.South);
            SqlDialect.Add(command, "east", box.East);
            SqlDialect.Add(command, "north", box.North);
            where.Add(dialect.InBox(box.West <= box.East));
        }
        if (query.Words is { } words && dialect.MatchingWords(command, words) is { } match) where.Add(match);
        return where.ToString();
    }

    /// <summary>
    /// A page of the events <paramref name="query"/> keeps, each row <paramref name="columns"/> and its report's
    /// text, source and date. The page's ids are chosen from the indexes alone; only its rows are then read
    /// and joined to their reports, so a deep page costs an index walk, not the rows and texts it skips.
    /// </summary>
    public static DbCommand Page(DbConnection connection, EventQuery query, SqlDialect dialect, string columns)
    {
        var command = SqlDialect.Command(connection, null, "", ("limit", query.Limit), ("offset", query.Offset));
        command.CommandText = $"""
            SELECT {columns}, d.text, d.source, d.date
            FROM (SELECT e.id FROM events e
                  WHERE {Filter(command, query, dialect)}
                  ORDER BY e.date, e.country, e.document_id, e.ordinal
                  LIMIT @limit OFFSET @offset) page
            JOIN events e ON e.id = page.id
            JOIN documents d ON d.id = e.document_id
            ORDER BY e.date, e.country, e.document_id, e.ordinal
            """;
        return command;
    }

    /// <summary>How many events <paramref name="query"/> keeps (its limit and offset ignored).</summary>
    public static int Count(DbConnection connection, EventQuery query, SqlDialect dialect)
    {
        using var command = SqlDialect.Command(connection, null, "");
        command.CommandText = $"SELECT count(*) FROM events e WHERE {Filter(command, query, dialect)}";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
