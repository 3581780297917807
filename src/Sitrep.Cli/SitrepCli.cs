using Sitrep.Pipeline;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using System.Runtime.InteropServices;
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
        ResourcesCommand.Create(context),
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
        // Signals are handled here rather than by System.CommandLine, so that a command stops cleanly
        // (an ingest commits what it has) and the exit code says which signal stopped it.
        var configuration = new InvocationConfiguration
        {
            Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
        };
        using var stop = new StopSignals();
        try
        {
            var parse = root.Parse(args);
            int code = await parse.InvokeAsync(configuration, stop.Token);
            // A service (serve, worker) runs until stopped: a signal is how it ends, not an interruption.
            return parse.CommandResult.Command.Name is "serve" or "worker" ? code : stop.ExitCode ?? code;
        }
        catch (OperationCanceledException) when (stop.ExitCode is { } stopped)
        {
            await context.Error.WriteLineAsync("sitrep: interrupted");
            return stopped;
        }
        catch (MissingResourcesException e)
        {
            await context.Error.WriteLineAsync($"sitrep: the engine's resources are incomplete: {e.Message}");
            return Fatal;
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

    /// <summary>
    /// SIGINT (Ctrl+C) and SIGTERM as a cancellation: the first asks the running command to stop; a second
    /// one ends the process at once, as it would without this handler.
    /// </summary>
    private sealed class StopSignals : IDisposable
    {
        private readonly CancellationTokenSource _source = new();
        private readonly PosixSignalRegistration[] _registrations;
        private int _exitCode;

        public StopSignals() => _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];

        public CancellationToken Token => _source.Token;

        /// <summary>130 after SIGINT, 143 after SIGTERM (128 + the signal's number), null when no signal came.</summary>
        public int? ExitCode => _exitCode == 0 ? null : _exitCode;

        private void Handle(PosixSignalContext context)
        {
            if (Interlocked.CompareExchange(ref _exitCode, context.Signal == PosixSignal.SIGINT ? 130 : 143, 0) != 0) return;
            context.Cancel = true;
            _source.Cancel();
        }

        public void Dispose()
        {
            foreach (var registration in _registrations) registration.Dispose();
            _source.Dispose();
        }
    }
}
