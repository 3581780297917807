using Sitrep.Cli;

using var stdout = Console.OpenStandardOutput();
var context = new CliContext(stdout, Console.Error, Console.OpenStandardInput, errorIsTerminal: !Console.IsErrorRedirected, outputIsTerminal: !Console.IsOutputRedirected);
return await SitrepCli.RunAsync(args, context);
