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
            foreach (var (file, error) in DirectoryWalk.Under(path))
            {
                if (error is not null)
                {
                    yield return ReadItem.Failed(new(file), DiagnosticCodes.Unreadable, "directory " + Unreadable(file, error));
                    continue;
                }
                if (!IsReportFile(file)) continue;
                foreach (var item in ReadFile(file))
                    yield return item;
            }
        }
        else
        {
            foreach (var item in ReadFile(path))
                yield return item;
        }
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
            return JsonLinesReader.Read(AsUtf8(stream), path, options);
        using (stream)
            return [TextReportReader.Read(stream, path, options)];
    }

    // JSON Lines saved as UTF-16 (with its byte-order mark, as Windows tools write it) is read as the UTF-8 it stands for.
    private static Stream AsUtf8(InputStreams.PeekStream stream) => stream.Head switch
    {
        [0xFF, 0xFE, ..] => System.Text.Encoding.CreateTranscodingStream(stream, System.Text.Encoding.Unicode, System.Text.Encoding.UTF8),
        [0xFE, 0xFF, ..] => System.Text.Encoding.CreateTranscodingStream(stream, System.Text.Encoding.BigEndianUnicode, System.Text.Encoding.UTF8),
        _ => stream,
    };

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
