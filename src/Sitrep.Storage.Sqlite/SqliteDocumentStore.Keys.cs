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
