using System.Diagnostics;

namespace Sitrep.Tests.Support;

/// <summary>The built `sitrep` CLI as a child process, for tests that kill it mid-run.</summary>
internal static class CliProcess
{
    /// <summary>Starts `sitrep ARGS...`, its output read and discarded so it never blocks on a full pipe.</summary>
    public static Process Start(params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "sitrep.dll");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args.Prepend(cli)) info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs `sitrep ARGS...` to its end with <paramref name="environment"/> added to its own.</summary>
    public static (int ExitCode, string Output, string Error) Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args.Prepend(Path.Combine(AppContext.BaseDirectory, "sitrep.dll"))) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
