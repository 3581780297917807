using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Storage;

/// <summary>API keys: a random secret shown once, kept only as its SHA-256 (a 256-bit random secret needs no slow hash).</summary>
internal static class ApiKeys
{
    /// <summary>A new key's listing and its secret.</summary>
    public static (ApiKeyInfo Key, string Secret) New(string name, DateTimeOffset created)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = "sk_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new ApiKeyInfo(id, name, created, null), secret);
    }

    /// <summary>What the store keeps of a secret.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
