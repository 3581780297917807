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
                context.Request.Headers[ApiKeys.Header].ToString() is { Length: > 0 } key ? "key:" + key : "ip:" + context.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<ServerSettings>().WritesPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
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
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next();
        });
        app.UseRateLimiter();

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
}
