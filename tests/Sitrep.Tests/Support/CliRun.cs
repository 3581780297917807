using System.Text;
using Sitrep.Cli;

namespace Sitrep.Tests.Support;

/// <summary>Runs the CLI in-process and captures what it prints. Pass absolute paths: the working directory is not changed.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunWithInputAsync(string? standardInput, params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var stdin = Encoding.UTF8.GetBytes(standardInput ?? "");
        var context = new CliContext(stdout, stderr, () => new MemoryStream(stdin), errorIsTerminal: false);
        int code = await SitrepCli.RunAsync(args, context);
        return new CliRun(code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync(null, args);
}
