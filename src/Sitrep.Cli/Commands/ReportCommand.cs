using System.CommandLine;
using System.Text;
using Sitrep.Linking;
using Sitrep.SituationReports;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep report</c>: a situation report on one country, in Markdown or self-contained HTML.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var database = new CommonOptions.StoreOptions();
        var country = new Option<string>("--country") { Description = "The country reported on (ISO 3166-1 alpha-2, e.g. SO)", HelpName = "CC", Required = true };
        var from = new Option<DateOnly?>("--from") { Description = "First day of events covered", HelpName = "YYYY-MM-DD", CustomParser = CommonOptions.ParseDate };
        var to = new Option<DateOnly?>("--to") { Description = "Last day of events covered", HelpName = "YYYY-MM-DD", CustomParser = CommonOptions.ParseDate };
        var since = new Option<DateOnly?>("--since")
        {
            Description = "Date of the previous report: reports dated after it are listed as changes (default: the day before the latest report)",
            HelpName = "YYYY-MM-DD",
            CustomParser = CommonOptions.ParseDate,
        };
        country.Validators.Add(result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (text.Length != 2 || !text.All(char.IsAsciiLetter))
                result.AddError($"--country takes an ISO 3166-1 alpha-2 code such as SO or KZ, not '{text}'");
        });
        var format = CommonOptions.Format("md", "md", "html");
        var output = new Option<string?>("--out") { Description = "Write the report to this file (Markdown also gets its map as FILE-map.svg beside it); default standard output", HelpName = "FILE" };
        var command = new Command("report", "A situation report on one country: headline figures with sources, timeline, places, map, changes since the previous report, evidence")
        { country, from, to, since, format, output };
        database.AddTo(command);
        command.SetAction(parse => CommonOptions.WithStore(context, parse, database, store =>
        {
            var code = parse.GetValue(country)!.ToUpperInvariant();
            var incidents = store.ListIncidents(new EventQuery(code, parse.GetValue(from), parse.GetValue(to), Limit: int.MaxValue));
            var report = SituationReport.Build(code, incidents, parse.GetValue(from), parse.GetValue(to), parse.GetValue(since));
            var path = parse.GetValue(output);
            var html = parse.GetValue(format) == "html";
            string? map = ReportMap.Svg(report, CountryOutlines.Default, html ? p => "#place-" + HtmlReportWriter.Anchor(p) : null);

            using var writer = path is null ? null : new StreamWriter(path, false, new UTF8Encoding(false));
            var target = writer ?? context.Out;
            if (html)
                HtmlReportWriter.Write(target, report, map);
            else
            {
                string? mapFile = null;
                if (map is not null && path is not null)
                {
                    mapFile = Path.GetFileNameWithoutExtension(path) + "-map.svg";
                    File.WriteAllText(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, mapFile), map);
                }
                MarkdownReportWriter.Write(target, report, mapFile);
            }
            target.Flush();
            if (path is not null)
                context.Error.WriteLine($"sitrep: wrote a report on {report.CountryName} ({report.Incidents.Count} incidents from {report.Reports} reports) to {path}");
            return SitrepCli.Ok;
        }));
        return command;
    }
}
