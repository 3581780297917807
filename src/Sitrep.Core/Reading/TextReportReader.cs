using System.Buffers;
using Sitrep.Documents;

namespace Sitrep.Reading;

/// <summary>
/// Reads one report from a text file: the seed format (text beginning <c>date YYYY-MM-DD</c>, then
/// the report, paragraphs separated by blank lines) or plain text dated by <see cref="ReaderOptions.DefaultDate"/>.
/// </summary>
public static class TextReportReader
{
    /// <summary>Reads the report in <paramref name="stream"/>, named <paramref name="file"/> in diagnostics.</summary>
    public static ReadItem Read(Stream stream, string file, ReaderOptions options)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int length = ReadUpTo(stream, ref buffer, options.MaxReportBytes + 1);
            if (length > options.MaxReportBytes)
                return ReadItem.Failed(new(file, 1), DiagnosticCodes.TooLarge,
                    $"report is over the size limit of {options.MaxReportBytes:N0} bytes (--max-report-size)");
            if (!TextDecoding.TryDecode(buffer.AsSpan(0, length), out string text, out int badLine, out string reason))
                return ReadItem.Failed(new(file, badLine), DiagnosticCodes.InvalidEncoding, reason);
            return Parse(text, file, options);
        }
        catch (InvalidDataException e)
        {
            return ReadItem.Failed(new(file, 1), DiagnosticCodes.TruncatedGzip, e.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses decoded text: an optional date header, then the report.</summary>
    public static ReadItem Parse(string text, string file, ReaderOptions options)
    {
        text = TextDecoding.WithoutControlCharacters(text);
        int i = SkipWhitespace(text, 0);
        if (i == text.Length)
            return ReadItem.Failed(new(file, 1), DiagnosticCodes.EmptyText, text.Length == 0 ? "the file is empty" : "the file holds only blank lines");
        int headerLine = 1;
        DateOnly date;
        DateTimeOffset? published = null;
        if (HasDateHeader(text, i))
        {
            int valueStart = SkipWhitespace(text, i + 4);
            int valueEnd = valueStart;
            while (valueEnd < text.Length && !char.IsWhiteSpace(text[valueEnd])) valueEnd++;
            headerLine = LineOf(text, valueStart);
            if (!ReportDates.TryParse(text[valueStart..valueEnd], options.Clock, out date, out published, out string error))
                return ReadItem.Failed(new(file, headerLine), DiagnosticCodes.InvalidDate, error);
            i = SkipWhitespace(text, valueEnd);
        }
        else if (options.DefaultDate is { } given)
        {
            date = given;
        }
        else
        {
            return ReadItem.Failed(new(file, 1), DiagnosticCodes.MissingDate,
                "no report date: the text does not begin with 'date YYYY-MM-DD' and no --date was given");
        }

        int end = text.Length;
        while (end > i && char.IsWhiteSpace(text[end - 1])) end--;
        if (end <= i)
            return ReadItem.Failed(new(file, headerLine), DiagnosticCodes.EmptyText, "the report has no text after its date line");
        var body = i == 0 && end == text.Length ? text : text[i..end];
        return ReadItem.Ok(new RawReport(body, date, new SourceLocation(file))
        {
            Published = published,
            Source = options.DefaultSource,
            SourceCountry = options.DefaultCountry,
        });
    }

    private static bool HasDateHeader(string text, int i) =>
        text.AsSpan(i).StartsWith("date", StringComparison.OrdinalIgnoreCase)
        && i + 4 < text.Length && char.IsWhiteSpace(text[i + 4]);

    private static int SkipWhitespace(string text, int i)
    {
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF')) i++;
        return i;
    }

    private static int LineOf(string text, int offset) => 1 + text.AsSpan(0, Math.Min(offset, text.Length)).Count('\n');

    // Reads at most `limit` bytes into a pooled buffer that grows as needed.
    private static int ReadUpTo(Stream stream, ref byte[] buffer, long limit)
    {
        int length = 0;
        while (length < limit)
        {
            if (length == buffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Min((long)buffer.Length * 2, limit), Array.MaxLength));
                buffer.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }
            int n = stream.Read(buffer, length, (int)Math.Min(buffer.Length - length, limit - length));
            if (n == 0) break;
            length += n;
        }
        return length;
    }
}
