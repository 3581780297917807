using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Sitrep.Storage.Sqlite;

/// <summary>API keys, as <see cref="ApiKeys"/> makes and hashes them.</summary>
public sealed partial class SqliteDocumentStore
{
    /// <inheritdoc/>
    public NewApiKey CreateApiKey(string name)
    {
        var (key, secret) = ApiKeys.New(name, _clock.GetUtcNow());
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO api_keys (id, name, hash, created_at) VALUES ($id, $name, $hash, $created)";
        command.Parameters.AddWithValue("$id", key.Id);
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$hash", ApiKeys.Hash(secret));
        command.Parameters.AddWithValue("$created", key.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
        return new NewApiKey(key, secret);
    }

    /// <inheritdoc/>
    public IReadOnlyList<ApiKeyInfo> ListApiKeys()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, name, created_at, revoked_at FROM api_keys ORDER BY created_at, id";
        var keys = new List<ApiKeyInfo>();
        using var r = command.ExecuteReader();
        while (r.Read()) keys.Add(ReadKey(r));
        return keys;
    }

    /// <inheritdoc/>
    public bool RevokeApiKey(string id)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "UPDATE api_keys SET revoked_at = coalesce(revoked_at, $now) WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$now", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        return command.ExecuteNonQuery() > 0;
    }

    /// <inheritdoc/>
    public ApiKeyInfo? FindApiKey(string secret)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, name, created_at, revoked_at FROM api_keys WHERE hash = $hash AND revoked_at IS NULL";
        command.Parameters.AddWithValue("$hash", ApiKeys.Hash(secret));
        using var r = command.ExecuteReader();
        return r.Read() ? ReadKey(r) : null;
    }

    private static ApiKeyInfo ReadKey(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture),
        r.IsDBNull(3) ? null : DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture));
}
