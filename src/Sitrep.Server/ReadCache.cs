using Microsoft.AspNetCore.OutputCaching;

namespace Sitrep.Server;

/// <summary>
/// The read endpoints' answers kept in memory while the store has not changed: keyed by path, every
/// query parameter and <see cref="StoreFactory.Version"/>, for <see cref="StoreFactory.ReadCacheLifetime"/>.
/// Only successful GET and HEAD answers are kept, and none when reads need an API key (the cache answers
/// before the endpoint filter that checks it). Each answer carries an ETag, so a client that has it
/// gets 304 Not Modified. Answers are compressed inside the cache, so each encoding is compressed once.
/// </summary>
internal sealed class ReadCache : IOutputCachePolicy
{
    public const string PolicyName = "reads";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        bool cacheable = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        context.EnableOutputCaching = cacheable && !services.GetRequiredService<ServerSettings>().RequireKeyForReads;
        context.AllowCacheLookup = context.AllowCacheStorage = context.AllowLocking = context.EnableOutputCaching;
        if (!context.EnableOutputCaching) return ValueTask.CompletedTask;
        var stores = services.GetRequiredService<StoreFactory>();
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = "Accept-Encoding"; // each encoding the compression inside chose, kept apart
        context.CacheVaryByRules.VaryByValues["store"] = stores.Version();
        context.ResponseExpirationTimeSpan = stores.ReadCacheLifetime;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
