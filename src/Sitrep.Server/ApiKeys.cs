namespace Sitrep.Server;

/// <summary>API-key checks: the key travels in the <c>X-Api-Key</c> header or as <c>Authorization: Bearer KEY</c>.</summary>
public static class ApiKeys
{
    /// <summary>The header that carries the key.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>The key a request presents, or null.</summary>
    public static string? Presented(HttpRequest request)
    {
        if (request.Headers[Header].ToString() is { Length: > 0 } key) return key;
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    /// <summary>An endpoint filter: 401 unless the request presents a live key.</summary>
    public static async ValueTask<object?> Require(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = Presented(http.Request);
        if (key is null || key.Length > 200) return Unauthorized("an API key is required (header X-Api-Key); create one with 'sitrep keys create'");
        using (var store = http.RequestServices.GetRequiredService<StoreFactory>().Open())
            if (store.FindApiKey(key) is null) return Unauthorized("the API key is unknown or revoked");
        return await next(context);
    }

    /// <summary>As <see cref="Require"/>, but only when the server is configured to key its read endpoints.</summary>
    public static ValueTask<object?> RequireForReads(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.RequestServices.GetRequiredService<ServerSettings>().RequireKeyForReads ? Require(context, next) : next(context);

    private static IResult Unauthorized(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
}
