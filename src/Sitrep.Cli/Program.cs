using Sitrep.Cli;

using var stdout = Console.OpenStandardOutput();
var context = new CliContext(stdout, Console.Error, Console.OpenStandardInput, errorIsTerminal: !Console.IsErrorRedirected);
return await SitrepCli.RunAsync(args, context);
