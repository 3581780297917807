using System.Data.Common;

namespace Sitrep.Storage;

/// <summary>The <c>api_keys</c> table both stores keep, as <see cref="ApiKeys"/> makes and hashes the keys.</summary>
internal sealed class SqlApiKeys(DbConnection connection, SqlDialect dialect, TimeProvider clock) : IApiKeyStore
{
    private const string Columns = "id, name, created_at, revoked_at";

    /// <inheritdoc/>
    public NewApiKey CreateApiKey(string name)
    {
        var (key, secret) = ApiKeys.New(name, clock.GetUtcNow());
        using var command = SqlDialect.Command(connection, null,
            "INSERT INTO api_keys (id, name, hash, created_at) VALUES (@id, @name, @hash, @created)",
            ("id", key.Id), ("name", name), ("hash", ApiKeys.Hash(secret)), ("created", dialect.Timestamp(key.CreatedAt)));
        command.ExecuteNonQuery();
        return new NewApiKey(key, secret);
    }

    /// <inheritdoc/>
    public IReadOnlyList<ApiKeyInfo> ListApiKeys()
    {
        using var command = SqlDialect.Command(connection, null, $"SELECT {Columns} FROM api_keys ORDER BY created_at, id");
        var keys = new List<ApiKeyInfo>();
        using var r = command.ExecuteReader();
        while (r.Read()) keys.Add(Read(r));
        return keys;
    }

    /// <inheritdoc/>
    public bool RevokeApiKey(string id)
    {
        using var command = SqlDialect.Command(connection, null,
            "UPDATE api_keys SET revoked_at = coalesce(revoked_at, @now) WHERE id = @id",
            ("id", id), ("now", dialect.Timestamp(clock.GetUtcNow())));
        return command.ExecuteNonQuery() > 0;
    }

    /// <inheritdoc/>
    public ApiKeyInfo? FindApiKey(string secret)
    {
        using var command = SqlDialect.Command(connection, null,
            $"SELECT {Columns} FROM api_keys WHERE hash = @hash AND revoked_at IS NULL", ("hash", ApiKeys.Hash(secret)));
        using var r = command.ExecuteReader();
        return r.Read() ? Read(r) : null;
    }

    private ApiKeyInfo Read(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), dialect.ReadTimestamp(r, 2), r.IsDBNull(3) ? null : dialect.ReadTimestamp(r, 3));
}
