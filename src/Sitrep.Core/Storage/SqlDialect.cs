using System.Data.Common;

namespace Sitrep.Storage;

/// <summary>
/// Where the SQL of the two stores differs, so that what they share is written once against plain
/// ADO.NET: how dates and timestamps are kept (ISO 8601 text in SQLite, <c>date</c> and <c>timestamptz</c>
/// in PostgreSQL), the literal for true, and the conditions each answers with its own indexes (a report's
/// events, an incident's members, a map box, full-text words). Parameters are written <c>@name</c>, which
/// both SQLite and Npgsql accept.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>A timestamp as the store keeps it.</summary>
    public abstract object Timestamp(DateTimeOffset value);

    /// <summary>The timestamp in column <paramref name="column"/> of the current row.</summary>
    public abstract DateTimeOffset ReadTimestamp(DbDataReader row, int column);

    /// <summary>The literal for true.</summary>
    public abstract string True { get; }

    /// <summary>The column of documents row <paramref name="table"/> that orders reports as they were stored.</summary>
    public abstract string StoredOrder(string table);

    /// <summary>A date as the store keeps it.</summary>
    public abstract object Date(DateOnly value);

    /// <summary>The condition that event <c>e</c> was read from report <paramref name="documentId"/> (its parameters added to <paramref name="command"/>).</summary>
    public abstract string OfDocument(DbCommand command, string documentId);

    /// <summary>The condition that the event row <paramref name="table"/> belongs to the incident named by <paramref name="parameter"/>.</summary>
    public abstract string InIncident(string table, string parameter);

    /// <summary>The condition that event <c>e</c> lies in the box @west, @south, @east, @north (<paramref name="ordered"/>: west is not east of east).</summary>
    public abstract string InBox(bool ordered);

    /// <summary>The condition that event <c>e</c>'s report holds <paramref name="words"/>; null when they hold no word to look for.</summary>
    public abstract string? MatchingWords(DbCommand command, string words);

    /// <summary>Adds the parameter <c>@<paramref name="name"/></c> (null is SQL NULL).</summary>
    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Each row <paramref name="sql"/> reads (its parameters <c>@name</c>), as <paramref name="row"/> makes it.</summary>
    public static List<T> Rows<T>(DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> row, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        using var r = command.ExecuteReader();
        var rows = new List<T>();
        while (r.Read()) rows.Add(row(r));
        return rows;
    }

    /// <summary>A command on <paramref name="connection"/> with its parameters (<c>@name</c> in <paramref name="sql"/>; null is SQL NULL).</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) Add(command, name, value);
        return command;
    }
}
