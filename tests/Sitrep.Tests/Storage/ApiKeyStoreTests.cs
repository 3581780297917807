using Sitrep.Storage;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Storage;

/// <summary>API keys in both stores: one table and one piece of code (<c>SqlApiKeys</c>) behind the dialect seam.</summary>
public class ApiKeyStoreTests
{
    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void AKey_IsFoundBySecret_ListedWithoutIt_AndNoLongerFoundOnceRevoked(string kind)
    {
        using var dir = new TempDirectory();
        using var store = TestStores.Open(kind, dir);
        var before = DateTimeOffset.UtcNow;
        var bot = store.CreateApiKey("ingest-bot");
        var other = store.CreateApiKey("dashboard");

        var found = store.FindApiKey(bot.Secret);
        Assert.Equal((bot.Key.Id, "ingest-bot"), (found?.Id, found?.Name));
        Assert.Null(store.FindApiKey(bot.Secret + "x"));
        Assert.InRange(found!.CreatedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(bot.Key.CreatedAt.ToUnixTimeMilliseconds(), found.CreatedAt.ToUnixTimeMilliseconds());

        Assert.True(store.RevokeApiKey(bot.Key.Id));
        Assert.Null(store.FindApiKey(bot.Secret));
        Assert.Equal(other.Key.Id, store.FindApiKey(other.Secret)?.Id);
        Assert.False(store.RevokeApiKey("no-such-key"));

        var listed = store.ListApiKeys();
        Assert.Equal([bot.Key.Id, other.Key.Id], listed.Select(k => k.Id)); // oldest first
        var revoked = Assert.Single(listed, k => k.Id == bot.Key.Id).RevokedAt;
        Assert.NotNull(revoked);
        Assert.True(store.RevokeApiKey(bot.Key.Id), "revoking twice still finds the key");
        Assert.Equal(revoked, Assert.Single(store.ListApiKeys(), k => k.Id == bot.Key.Id).RevokedAt);
        Assert.Null(Assert.Single(listed, k => k.Id == other.Key.Id).RevokedAt);
    }
}
