using System.CommandLine;
using Sitrep.Pipeline;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep resources export DIR</c>: the models and compiled gazetteer as one folder a program embedding the engine loads.</summary>
internal static class ResourcesCommand
{
    public static Command Create(CliContext context) => new("resources", "The files the engine reads (models, gazetteer), for programs that embed it")
    {
        Export(context),
    };

    private static Command Export(CliContext context)
    {
        var directory = new Argument<string>("DIR") { Description = "Folder to write (created if need be); load it with SitrepResources.Load(DIR)" };
        var command = new Command("export", "Write the trained models and the compiled gazetteer into one folder") { directory };
        command.SetAction(parse =>
        {
            var target = parse.GetValue(directory)!;
            SitrepResources.Shipped.Save(target);
            foreach (var name in SitrepResources.FileNames)
                context.Out.WriteLine($"{Path.Combine(target, name)}\t{new FileInfo(Path.Combine(target, name)).Length:N0} bytes");
            return SitrepCli.Ok;
        });
        return command;
    }
}
