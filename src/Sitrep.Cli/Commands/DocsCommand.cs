using System.CommandLine;
using System.Text.Json;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep docs</c>: the stored reports.</summary>
internal static class DocsCommand
{
    public static Command Create(CliContext context)
    {
        var database = new CommonOptions.StoreOptions();
        var format = CommonOptions.Format("table", "table", "json");
        var from = CommonOptions.From();
        var to = CommonOptions.To();
        var source = new Option<string?>("--source") { Description = "Only reports from this publisher" };
        var limit = CommonOptions.Limit(100);
        var command = new Command("docs", "List stored reports, oldest first") { format, from, to, source, limit };
        database.AddTo(command);
        command.SetAction(parse => CommonOptions.WithStore(context, parse, database, store =>
        {
            var docs = store.ListDocuments(new DocumentQuery(parse.GetValue(from), parse.GetValue(to), parse.GetValue(source), parse.GetValue(limit)));
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(JsonSerializer.Serialize(docs.Select(d => new
                {
                    id = d.Id,
                    date = d.Date.ToString("yyyy-MM-dd"),
                    source = d.Source,
                    title = d.Title,
                    words = d.Words,
                    sentences = d.Sentences,
                    deliveries = d.Deliveries,
                    file = d.FirstFile,
                    preview = d.Preview,
                })));
                return SitrepCli.Ok;
            }
            var table = new Table().AddColumns("id", "date", "source", "words", "report");
            table.Columns[3].RightAligned();
            foreach (var d in docs)
            {
                var text = d.Title ?? d.Preview.ReplaceLineEndings(" ");
                table.AddRow(Markup.Escape(d.Id[..10]), $"{d.Date:yyyy-MM-dd}", Markup.Escape(d.Source ?? "—"), $"{d.Words:N0}",
                    Markup.Escape(text.Length > 90 ? text[..90] + "…" : text));
            }
            context.Console.Write(table);
            return SitrepCli.Ok;
        }));
        return command;
    }
}
