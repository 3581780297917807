using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using Sitrep.Cli.Commands;

namespace Sitrep.Cli;

/// <summary>The <c>sitrep</c> command tree.</summary>
public static class SitrepCli
{
    /// <summary>Exit code: every record was read.</summary>
    public const int Ok = 0;

    /// <summary>Exit code: a fatal error (bad arguments, unusable store).</summary>
    public const int Fatal = 1;

    /// <summary>Exit code: some records were skipped; the rest were processed.</summary>
    public const int SomeFailed = 2;

    /// <summary>The version of this build, as <c>--version</c> prints it.</summary>
    public static string Version { get; } =
        typeof(SitrepCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// Builds the command tree. The root is named "sitrep" explicitly (not after the host process),
    /// so help and version read the same in-process, in tests and from the shell.
    /// </summary>
    public static Command Build(CliContext context) => new("sitrep", "Sitrep: turns dated news reports into a sourced, geolocated database of events.")
    {
        new HelpOption(),
        new VersionOption { Action = new PrintVersion(context) },
        IngestCommand.Create(context),
        ExtractCommand.Create(context),
        SearchCommand.Create(context),
        DocsCommand.Create(context),
        StatsCommand.Create(context),
        EvalCommand.Create(context),
        GazetteerCommand.Create(context),
        EventsCommand.Create(context),
        EventsCommand.Show(context),
        EventsCommand.Unlink(context),
        ReportCommand.Create(context),
        TrainCommand.Create(context),
        ServeCommand.Create(context),
        ServeCommand.Keys(context),
        DbCommand.Create(context),
        QueueCommands.Enqueue(context),
        QueueCommands.Worker(context),
    };

    private sealed class PrintVersion(CliContext context) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            context.Out.WriteLine(Version);
            return Ok;
        }
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var root = Build(context);
        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await root.Parse(args).InvokeAsync(configuration);
        }
        catch (InvalidDataException e)
        {
            // A damaged or outdated model: say which and how to rebuild it, not a stack trace.
            await context.Error.WriteLineAsync($"sitrep: {e.Message}");
            return Fatal;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await context.Error.WriteLineAsync($"sitrep: unexpected error (please report it with what follows): {e}");
            return Fatal;
        }
        finally
        {
            await context.Out.FlushAsync();
            await context.OutputStream.FlushAsync();
        }
    }
}
