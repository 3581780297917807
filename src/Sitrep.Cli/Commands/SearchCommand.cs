using System.CommandLine;
using System.Text;
using System.Text.Json;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep search QUERY</c>: ranked full-text search over stored reports.</summary>
internal static class SearchCommand
{
    public static Command Create(CliContext context)
    {
        var query = new Argument<string[]>("QUERY")
        {
            Description = "Words to find; FTS5 syntax works too (\"exact phrase\", OR, NOT, prefix*)",
            Arity = ArgumentArity.OneOrMore,
        };
        var database = new CommonOptions.StoreOptions();
        var limit = CommonOptions.Limit(20);
        var format = CommonOptions.Format("table", "table", "json");
        var command = new Command("search", "Full-text search over stored reports, best match first") { query, limit, format };
        database.AddTo(command);
        command.SetAction(parse => CommonOptions.WithStore(context, parse, database, store =>
        {
            var hits = store.Search(string.Join(' ', parse.GetValue(query)!), parse.GetValue(limit));
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(JsonSerializer.Serialize(hits.Select(h => new
                {
                    id = h.Id,
                    date = h.Date.ToString("yyyy-MM-dd"),
                    source = h.Source,
                    title = h.Title,
                    snippet = h.Snippet.Replace(SearchHit.MatchStart.ToString(), "").Replace(SearchHit.MatchEnd.ToString(), ""),
                    score = Math.Round(h.Score, 4),
                })));
                return SitrepCli.Ok;
            }
            if (hits.Count == 0)
            {
                context.Console.MarkupLine("[grey]no matching reports[/]");
                return SitrepCli.Ok;
            }
            int rank = 0;
            foreach (var hit in hits)
            {
                var heading = $"{++rank}. {hit.Date:yyyy-MM-dd}  {hit.Source ?? "(source unknown)"}  {hit.Id}";
                context.Console.MarkupLine($"[bold]{Markup.Escape(heading)}[/]");
                if (hit.Title is not null) context.Console.MarkupLine($"   {Markup.Escape(hit.Title)}");
                context.Console.MarkupLine($"   {Highlight(hit.Snippet)}");
            }
            return SitrepCli.Ok;
        }));
        return command;
    }

    // Escapes the snippet for Spectre markup and turns the store's match markers into highlighting.
    private static string Highlight(string snippet)
    {
        var markup = new StringBuilder(snippet.Length + 32);
        foreach (char c in snippet)
        {
            markup.Append(c switch
            {
                SearchHit.MatchStart => "[bold yellow]",
                SearchHit.MatchEnd => "[/]",
                '[' => "[[",
                ']' => "]]",
                '\r' or '\n' => " ",
                _ => c.ToString(),
            });
        }
        return markup.ToString();
    }
}
