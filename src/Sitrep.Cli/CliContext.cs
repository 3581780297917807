using System.Text;
using Spectre.Console;

namespace Sitrep.Cli;

/// <summary>The process's streams, injected so tests run commands in-process and read what they print.</summary>
public sealed class CliContext
{
    /// <summary>Creates a context over the given streams.</summary>
    public CliContext(Stream output, TextWriter error, Func<Stream> standardInput, bool errorIsTerminal, bool outputIsTerminal = false)
    {
        OutputStream = output;
        Out = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        Error = error;
        StandardInput = standardInput;
        ErrorIsTerminal = errorIsTerminal;
        Console = Create(Out, interactive: outputIsTerminal);
        ErrorConsole = Create(error, interactive: errorIsTerminal);
    }

    /// <summary>Machine-readable and result output (stdout) as bytes; flush <see cref="Out"/> before writing here.</summary>
    public Stream OutputStream { get; }

    /// <summary>Result output (stdout) as text.</summary>
    public TextWriter Out { get; }

    /// <summary>Progress and diagnostics (stderr).</summary>
    public TextWriter Error { get; }

    /// <summary>Opens standard input, for the path "-".</summary>
    public Func<Stream> StandardInput { get; }

    /// <summary>True when stderr is a terminal: show a live progress bar instead of plain lines.</summary>
    public bool ErrorIsTerminal { get; }

    /// <summary>Spectre console over stdout, for tables.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Spectre console over stderr, for progress.</summary>
    public IAnsiConsole ErrorConsole { get; }

    // A terminal gets colour and its own width; a pipe or file gets plain text in long lines, which
    // grep and diff handle better than tables wrapped at 80 columns.
    private static IAnsiConsole Create(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive) console.Profile.Width = 200;
        return console;
    }
}
