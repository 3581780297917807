using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.FileProviders;

namespace Sitrep.Server;

/// <summary>
/// Builds the HTTP server: the JSON API over the store, its OpenAPI document, and the dashboard's
/// static files. Settings come from configuration (<see cref="ServerSettings"/>, section "Sitrep"), so
/// the CLI, <c>dotnet run</c> and tests configure it the same way.
/// </summary>
public static class SitrepServer
{
    /// <summary>Name of the rate-limiting policy on write endpoints.</summary>
    public const string WritePolicy = "writes";

    /// <summary>The server for <paramref name="args"/> (ASP.NET Core's command-line configuration: <c>--Sitrep:Database=FILE</c>, <c>--urls=…</c>).</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure?.Invoke(builder);

        var services = builder.Services;
        services.AddSingleton(sp => ServerSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<StoreFactory>();
        services.AddProblemDetails();
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Sitrep API";
            document.Info.Description = "Coded events with their sources and evidence, the reports behind them, and situation summaries.";
            return Task.CompletedTask;
        }));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
            kestrel.Limits.MaxRequestBodySize = ServerSettings.From(context.Configuration).MaxBodyBytes);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(WritePolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                // Per key however it is presented (X-Api-Key or Authorization: Bearer), else per address.
                ApiKeys.Presented(context.Request) is { Length: > 0 } key ? "key:" + key : "ip:" + context.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<ServerSettings>().WritesPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
        });

        // Compressed when the client asks (Accept-Encoding), inside the read cache, which keeps each encoding once.
        services.AddResponseCompression(compression =>
        {
            compression.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            compression.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            compression.MimeTypes = [.. Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes, "application/geo+json", "application/problem+json"];
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        // Reads are answered from memory while the store has not changed (StoreFactory.Version): a map's
        // listing asked by fifty dashboards costs one query. Not when reads need a key: the cache sits
        // before the endpoint filters that check it (ReadCache).
        services.AddOutputCache(cache =>
        {
            cache.SizeLimit = 256L * 1024 * 1024;
            cache.AddPolicy(ReadCache.PolicyName, new ReadCache());
        });

        var app = builder.Build();
        // Errors become problem details without internals; the exception stays in the server's log.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            // The dashboard loads nothing from elsewhere and is never framed.
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            await next();
        });
        app.Use(AnswerHeadAsGet);
        app.UseRouting(); // after the HEAD rewrite, so HEAD finds the GET endpoints
        app.UseRateLimiter();
        app.UseOutputCache();
        app.UseResponseCompression();

        var dashboard = Path.Combine(AppContext.BaseDirectory, "dashboard");
        if (Directory.Exists(dashboard))
        {
            var files = new PhysicalFileProvider(dashboard);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        app.MapOpenApi("/openapi.json");
        ApiEndpoints.Map(app);
        return app;
    }

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>HEAD is answered as GET would be, without the body (HTTP requires it wherever GET is served).</summary>
    private static async Task AnswerHeadAsGet(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    }
}
