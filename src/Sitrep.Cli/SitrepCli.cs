using System.CommandLine;
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

    /// <summary>Builds the root command.</summary>
    public static RootCommand Build(CliContext context) => new("Sitrep: turns dated news reports into a sourced, geolocated database of events.")
    {
        IngestCommand.Create(context),
        ExtractCommand.Create(context),
        SearchCommand.Create(context),
        DocsCommand.Create(context),
        StatsCommand.Create(context),
    };

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var root = Build(context);
        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error };
        try
        {
            return await root.Parse(args).InvokeAsync(configuration);
        }
        finally
        {
            await context.Out.FlushAsync();
            await context.OutputStream.FlushAsync();
        }
    }
}
