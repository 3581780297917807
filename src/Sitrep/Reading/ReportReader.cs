using Sitrep.Documents;

namespace Sitrep.Reading;

/// <summary>
/// Reads reports from paths: files (seed format or plain text, JSON Lines by extension
/// <c>.jsonl</c>/<c>.ndjson</c>), directories (recursively, in sorted order), gzip of any of these,
/// and "-" for standard input. Streams: one record in memory at a time.
/// </summary>
public sealed class ReportReader(ReaderOptions options, Func<Stream>? standardInput = null)
{
    private static readonly string[] JsonLinesExtensions = [".jsonl", ".ndjson"];
    private static readonly string[] TextExtensions = [".txt", ".text"];

    /// <summary>Reads every record from <paramref name="paths"/>, in order.</summary>
    public IEnumerable<ReadItem> Read(IEnumerable<string> paths)
    {
        foreach (var path in paths)
            foreach (var item in ReadPath(path))
                yield return item;
    }

    private IEnumerable<ReadItem> ReadPath(string path)
    {
        if (path != InputStreams.StandardInput && Directory.Exists(path))
        {
            foreach (var file in FilesUnder(path))
                foreach (var item in ReadFile(file))
                    yield return item;
        }
        else
        {
            foreach (var item in ReadFile(path))
                yield return item;
        }
    }

    /// <summary>The report files under a directory, recursively, sorted by path; hidden entries are skipped.</summary>
    public static IEnumerable<string> FilesUnder(string directory)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        };
        // On Unix, .NET reports dot-files and dot-directories as hidden, so they are skipped too.
        return Directory.EnumerateFiles(directory, "*", options).Where(IsReportFile).Order(StringComparer.Ordinal);
    }

    private static bool IsReportFile(string path)
    {
        var name = InputStreams.WithoutGzipExtension(path);
        return HasExtension(name, JsonLinesExtensions) || HasExtension(name, TextExtensions);
    }

    private static bool HasExtension(string path, string[] extensions) =>
        extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private IEnumerable<ReadItem> ReadFile(string path)
    {
        InputStreams.PeekStream stream;
        try
        {
            stream = InputStreams.Open(path, standardInput);
        }
        catch (InvalidDataException e)
        {
            return [ReadItem.Failed(new(path, 1), DiagnosticCodes.TruncatedGzip, e.Message)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ReadItem.Failed(new(path), DiagnosticCodes.Unreadable, Unreadable(path, e))];
        }

        if (IsJsonLines(path, stream))
            return JsonLinesReader.Read(stream, path, options);
        using (stream)
            return [TextReportReader.Read(stream, path, options)];
    }

    private static string Unreadable(string path, Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        UnauthorizedAccessException => "permission denied",
        _ => $"cannot read: {e.Message}",
    };

    // Standard input is JSON Lines when its first visible char is '{'.
    private static bool IsJsonLines(string path, InputStreams.PeekStream stream) =>
        path == InputStreams.StandardInput
            ? stream.StartsWithJsonObject()
            : HasExtension(InputStreams.WithoutGzipExtension(path), JsonLinesExtensions);
}
