using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep serve</c>: the HTTP API and dashboard; <c>sitrep keys</c>: the API keys that writes need.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var database = new CommonOptions.StoreOptions();
        var port = new Option<int>("--port") { Description = "TCP port", DefaultValueFactory = _ => 8080 };
        var host = new Option<string>("--host") { Description = "Address to listen on (loopback unless you say otherwise)", DefaultValueFactory = _ => "127.0.0.1" };
        var keyedReads = new Option<bool>("--require-key-for-reads") { Description = "Read endpoints need an API key too (writes always do)" };
        var command = new Command("serve", "Serve the HTTP API (/api/…, /openapi.json) and the dashboard (/) over the store") { port, host, keyedReads };
        database.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var location = database.Location(parse);
            string url = $"http://{parse.GetValue(host)}:{parse.GetValue(port)}";
            string store = location.IsPostgres ? $"--Sitrep:Postgres={location.PostgresConnection}" : $"--Sitrep:Database={location.SqlitePath}";
            string[] args = [store, $"--Sitrep:RequireKeyForReads={parse.GetValue(keyedReads)}", $"--urls={url}"];
            try
            {
                using (location.Open()) { } // create or migrate (SQLite), or check the schema (PostgreSQL), before the first request
                var app = Sitrep.Server.SitrepServer.Create(args);
                await app.StartAsync(cancel);
                context.Error.WriteLine($"sitrep: serving {location} at {url}/ (API at {url}/api/events, OpenAPI at {url}/openapi.json); Ctrl+C stops");
                await app.WaitForShutdownAsync(cancel);
                return SitrepCli.Ok;
            }
            catch (Exception e) when (e is StoreException or IOException)
            {
                context.Error.WriteLine($"sitrep: {e.Message}");
                return SitrepCli.Fatal;
            }
        });
        return command;
    }

    public static Command Keys(CliContext context)
    {
        var database = new CommonOptions.StoreOptions();
        var name = new Argument<string>("NAME") { Description = "Who or what the key is for, e.g. \"ingest-bot\"" };
        var create = new Command("create", "Create an API key; its secret is printed once") { name };
        database.AddTo(create);
        create.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse, database);
            var key = store.CreateApiKey(parse.GetValue(name)!);
            context.Error.WriteLine($"key {key.Key.Id} for \"{key.Key.Name}\"; keep the secret below, it is not shown again:");
            context.Out.WriteLine(key.Secret);
            return SitrepCli.Ok;
        });
        var list = new Command("list", "List API keys (ids and names; secrets are never stored)");
        database.AddTo(list);
        list.SetAction(parse => CommonOptions.WithStore(context, parse, database, store =>
        {
            var table = new Table().AddColumns("id", "name", "created", "revoked");
            foreach (var k in store.ListApiKeys())
                table.AddRow(k.Id, Markup.Escape(k.Name), $"{k.CreatedAt:yyyy-MM-dd HH:mm}", k.RevokedAt is { } r ? $"{r:yyyy-MM-dd HH:mm}" : "—");
            context.Console.Write(table);
            return SitrepCli.Ok;
        }));
        var id = new Argument<string>("KEY_ID") { Description = "The key's id, as `sitrep keys list` shows it" };
        var revoke = new Command("revoke", "Revoke an API key at once") { id };
        database.AddTo(revoke);
        revoke.SetAction(parse => CommonOptions.WithStore(context, parse, database, store =>
        {
            if (store.RevokeApiKey(parse.GetValue(id)!)) return SitrepCli.Ok;
            context.Error.WriteLine($"sitrep: no key {parse.GetValue(id)}");
            return SitrepCli.Fatal;
        }));
        return new Command("keys", "API keys for the server's write endpoints") { create, list, revoke };
    }
}
