using System.Data.Common;
using System.Globalization;

namespace Sitrep.Storage.Sqlite;

/// <summary>API keys: the table both stores share (<see cref="SqlApiKeys"/>), timestamps kept as ISO 8601 text.</summary>
public sealed partial class SqliteDocumentStore
{
    private SqlApiKeys Keys => new(_connection, SqliteDialect.Instance, _clock);

    /// <inheritdoc/>
    public NewApiKey CreateApiKey(string name) => Keys.CreateApiKey(name);

    /// <inheritdoc/>
    public IReadOnlyList<ApiKeyInfo> ListApiKeys() => Keys.ListApiKeys();

    /// <inheritdoc/>
    public bool RevokeApiKey(string id) => Keys.RevokeApiKey(id);

    /// <inheritdoc/>
    public ApiKeyInfo? FindApiKey(string secret) => Keys.FindApiKey(secret);
}

/// <summary>SQLite's side of <see cref="SqlDialect"/>.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public override object Timestamp(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public override DateTimeOffset ReadTimestamp(DbDataReader row, int column) => DateTimeOffset.Parse(row.GetString(column), CultureInfo.InvariantCulture);
}
