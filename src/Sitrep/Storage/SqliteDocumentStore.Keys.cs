using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Sitrep.Storage;

/// <summary>API keys: a random secret shown once, kept only as its SHA-256 (a 256-bit random secret needs no slow hash).</summary>
public sealed partial class SqliteDocumentStore
{
    /// <inheritdoc/>
    public NewApiKey CreateApiKey(string name)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = "sk_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var created = _clock.GetUtcNow();
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO api_keys (id, name, hash, created_at) VALUES ($id, $name, $hash, $created)";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$hash", HashSecret(secret));
        command.Parameters.AddWithValue("$created", created.ToString("O", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
        return new NewApiKey(new ApiKeyInfo(id, name, created, null), secret);
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
        command.Parameters.AddWithValue("$hash", HashSecret(secret));
        using var r = command.ExecuteReader();
        return r.Read() ? ReadKey(r) : null;
    }

    private static ApiKeyInfo ReadKey(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture),
        r.IsDBNull(3) ? null : DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture));

    private static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
