using Microsoft.Data.Sqlite;

namespace Sitrep.Tests.Support;

/// <summary>Looks into a SQLite database file directly, past the store, on a connection of its own.</summary>
internal static class SqliteFile
{
    /// <summary>The first value <paramref name="sql"/> returns.</summary>
    public static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
