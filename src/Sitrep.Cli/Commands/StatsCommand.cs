using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep stats</c>: what the store holds.</summary>
internal static class StatsCommand
{
    public static Command Create(CliContext context)
    {
        var database = new CommonOptions.StoreOptions();
        var format = CommonOptions.Format("table", "table", "json");
        var command = new Command("stats", "Counts of what the store holds") { format };
        database.AddTo(command);
        command.SetAction(parse => CommonOptions.WithStore(context, parse, database, store =>
        {
            var s = store.GetStats();
            var figures = new (string Name, object? Value)[]
            {
                ("documents", s.Documents),
                ("deliveries", s.Deliveries),
                ("files", s.Files),
                ("sources", s.Sources),
                ("words", s.Words),
                ("sentences", s.Sentences),
                ("first_date", s.FirstDate?.ToString("yyyy-MM-dd")),
                ("last_date", s.LastDate?.ToString("yyyy-MM-dd")),
                ("schema_version", s.SchemaVersion),
            };
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(JsonSerializer.Serialize(figures.ToDictionary(f => f.Name, f => f.Value)));
                return SitrepCli.Ok;
            }
            var table = new Table().AddColumns("", "").HideHeaders();
            table.Columns[1].RightAligned();
            foreach (var (name, value) in figures)
                table.AddRow(name.Replace('_', ' '), Markup.Escape(value is long n ? n.ToString("N0") : value?.ToString() ?? "—"));
            context.Console.Write(table);
            return SitrepCli.Ok;
        }));
        return command;
    }
}
