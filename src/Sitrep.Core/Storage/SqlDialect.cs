using System.Data.Common;

namespace Sitrep.Storage;

/// <summary>
/// Where the SQL of the two stores differs, so that what they share is written once against plain
/// ADO.NET: how a timestamp is kept (ISO 8601 text in SQLite, <c>timestamptz</c> in PostgreSQL) and the
/// literal for true. Parameters are written <c>@name</c>, which both SQLite and Npgsql accept.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>A timestamp as the store keeps it.</summary>
    public abstract object Timestamp(DateTimeOffset value);

    /// <summary>The timestamp in column <paramref name="column"/> of the current row.</summary>
    public abstract DateTimeOffset ReadTimestamp(DbDataReader row, int column);

    /// <summary>A command on <paramref name="connection"/> with its parameters (<c>@name</c> in <paramref name="sql"/>; null is SQL NULL).</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
