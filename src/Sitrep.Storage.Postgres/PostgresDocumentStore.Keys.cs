using Npgsql;
using NpgsqlTypes;

namespace Sitrep.Storage.Postgres;

/// <summary>API keys, as <see cref="ApiKeys"/> makes and hashes them.</summary>
public sealed partial class PostgresDocumentStore
{
    /// <inheritdoc/>
    public NewApiKey CreateApiKey(string name)
    {
        var (key, secret) = ApiKeys.New(name, _clock.GetUtcNow());
        using var command = new NpgsqlCommand("INSERT INTO api_keys (id, name, hash, created_at) VALUES (@id, @name, @hash, @created)", _connection);
        command.Parameters.AddWithValue("id", key.Id);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("hash", ApiKeys.Hash(secret));
        command.Parameters.AddWithValue("created", key.CreatedAt.UtcDateTime);
        command.ExecuteNonQuery();
        return new NewApiKey(key, secret);
    }

    /// <inheritdoc/>
    public IReadOnlyList<ApiKeyInfo> ListApiKeys()
    {
        using var command = new NpgsqlCommand("SELECT id, name, created_at, revoked_at FROM api_keys ORDER BY created_at, id", _connection);
        var keys = new List<ApiKeyInfo>();
        using var r = command.ExecuteReader();
        while (r.Read()) keys.Add(ReadKey(r));
        return keys;
    }

    /// <inheritdoc/>
    public bool RevokeApiKey(string id)
    {
        using var command = new NpgsqlCommand("UPDATE api_keys SET revoked_at = coalesce(revoked_at, @now) WHERE id = @id", _connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, _clock.GetUtcNow().UtcDateTime);
        return command.ExecuteNonQuery() > 0;
    }

    /// <inheritdoc/>
    public ApiKeyInfo? FindApiKey(string secret)
    {
        using var command = new NpgsqlCommand("SELECT id, name, created_at, revoked_at FROM api_keys WHERE hash = @hash AND revoked_at IS NULL", _connection);
        command.Parameters.AddWithValue("hash", ApiKeys.Hash(secret));
        using var r = command.ExecuteReader();
        return r.Read() ? ReadKey(r) : null;
    }

    private static ApiKeyInfo ReadKey(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), new DateTimeOffset(r.GetDateTime(2), TimeSpan.Zero),
        r.IsDBNull(3) ? null : new DateTimeOffset(r.GetDateTime(3), TimeSpan.Zero));
}
