using System.Data.Common;

namespace Sitrep.Storage.Postgres;

/// <summary>API keys: the table both stores share (<see cref="SqlApiKeys"/>), timestamps kept as timestamptz.</summary>
public sealed partial class PostgresDocumentStore
{
    private SqlApiKeys Keys => new(_connection, PostgresDialect.Instance, _clock);

    /// <inheritdoc/>
    public NewApiKey CreateApiKey(string name) => Keys.CreateApiKey(name);

    /// <inheritdoc/>
    public IReadOnlyList<ApiKeyInfo> ListApiKeys() => Keys.ListApiKeys();

    /// <inheritdoc/>
    public bool RevokeApiKey(string id) => Keys.RevokeApiKey(id);

    /// <inheritdoc/>
    public ApiKeyInfo? FindApiKey(string secret) => Keys.FindApiKey(secret);
}

/// <summary>PostgreSQL's side of <see cref="SqlDialect"/>.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    public override object Timestamp(DateTimeOffset value) => value.UtcDateTime;

    public override DateTimeOffset ReadTimestamp(DbDataReader row, int column) => new(row.GetDateTime(column), TimeSpan.Zero);
}
