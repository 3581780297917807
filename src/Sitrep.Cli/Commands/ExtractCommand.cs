using Sitrep.Documents;
using System.CommandLine;
using Sitrep.Pipeline;
using Sitrep.Reading;
using Sitrep.Serialization;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep extract PATH... --format json</c>: what the system read from each report, stored nowhere.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CommonOptions.Paths();
        var reader = new CommonOptions.ReaderOptionSet();
        var format = CommonOptions.Format("json", "json");
        var compact = new Option<bool>("--compact") { Description = "One line of JSON instead of indented output" };
        var command = new Command("extract", "Run the whole pipeline on reports and print what was read (the JSON contract of shared/EXTRACT.md)")
        {
            paths, format, compact,
        };
        reader.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var pipeline = StandardStages.Default; // loads the models before any output is written
            var items = new ReportReader(reader.Read(parse), context.StandardInput).Read(parse.GetValue(paths)!);
            int failed = 0;
            await context.Out.FlushAsync(cancellation);
            using (var json = new ExtractJsonWriter(context.OutputStream, indented: !parse.GetValue(compact)))
            {
                await foreach (var item in DocumentStream.Process(items, pipeline, Environment.ProcessorCount, cancellation))
                {
                    if (item.Error is { } error)
                    {
                        failed++;
                        await context.Error.WriteLineAsync(error.ToString());
                        json.Write(error);
                    }
                    else
                    {
                        json.Write(item.Document!);
                    }
                }
                json.Complete();
            }
            await context.OutputStream.WriteAsync("\n"u8.ToArray(), cancellation);
            return failed > 0 ? SitrepCli.SomeFailed : SitrepCli.Ok;
        });
        return command;
    }
}
