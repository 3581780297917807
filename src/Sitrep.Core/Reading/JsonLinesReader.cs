using System.Text.Json;
using System.Text.Unicode;
using Sitrep.Documents;

namespace Sitrep.Reading;

/// <summary>
/// Reads JSON Lines, one report per line:
/// <c>{"id"?, "source"?, "url"?, "published", "title"?, "text", "country"?}</c> (the ISO 3166 alpha-2 code
/// of the country the source reports from). Blank lines are skipped;
/// a bad line yields a diagnostic naming its line and reading goes on.
/// </summary>
public static class JsonLinesReader
{
    /// <summary>Reads every record of <paramref name="stream"/>, named <paramref name="file"/> in diagnostics.</summary>
    public static IEnumerable<ReadItem> Read(Stream stream, string file, ReaderOptions options)
    {
        using var lines = new LineReader(stream, options.MaxReportBytes);
        while (true)
        {
            ReadItem? item;
            bool more;
            try
            {
                more = lines.Next(out var line, out long overLimit);
                if (lines.LineNumber == 1 && line.Span.StartsWith("\uFEFF"u8)) line = line[3..]; // a byte-order mark opens the file
                item = !more ? null
                    : overLimit > 0 ? ReadItem.Failed(new(file, lines.LineNumber), DiagnosticCodes.TooLarge,
                        $"record is {overLimit:N0} bytes, over the size limit of {options.MaxReportBytes:N0} (--max-report-size)")
                    : ParseLine(line.Span, new SourceLocation(file, lines.LineNumber), options);
            }
            catch (InvalidDataException e)
            {
                more = false;
                item = ReadItem.Failed(new(file, lines.LineNumber + 1), DiagnosticCodes.TruncatedGzip, e.Message);
            }
            if (item is { } result) yield return result;
            if (!more) yield break;
        }
    }

    /// <summary>Parses one line; null for a blank line.</summary>
    public static ReadItem? ParseLine(ReadOnlySpan<byte> line, SourceLocation at, ReaderOptions options)
    {
        if (line.Trim(" \t"u8).IsEmpty) return null;
        if (TextDecoding.InvalidUtf8(line, out _) is { } reason)
            return ReadItem.Failed(at, DiagnosticCodes.InvalidEncoding, reason);

        Record record;
        try
        {
            record = ParseObject(line);
        }
        catch (JsonException e)
        {
            return ReadItem.Failed(at, DiagnosticCodes.MalformedJson, "malformed JSON: " + Describe(e));
        }

        DateOnly date;
        DateTimeOffset? published = null;
        if (record.Published is { } value)
        {
            if (!ReportDates.TryParse(value, options.Clock, out date, out published, out string error))
                return ReadItem.Failed(at, DiagnosticCodes.InvalidDate, error);
        }
        else if (options.DefaultDate is { } given)
        {
            date = given;
        }
        else
        {
            return ReadItem.Failed(at, DiagnosticCodes.MissingDate, "missing \"published\" date and no --date was given");
        }

        string? country = options.DefaultCountry;
        if (record.Country is { } named && (country = ReaderOptions.CountryCode(named)) is null)
            return ReadItem.Failed(at, DiagnosticCodes.InvalidCountry, $"\"country\" must be an ISO 3166 alpha-2 code such as \"NG\", not \"{named}\"");
        var text = record.Text is null ? null : TextDecoding.WithoutControlCharacters(record.Text);
        if (string.IsNullOrWhiteSpace(text))
            return ReadItem.Failed(at, DiagnosticCodes.EmptyText, "missing or empty \"text\"");

        return ReadItem.Ok(new RawReport(text, date, at)
        {
            Published = published,
            Source = record.Source ?? options.DefaultSource,
            Url = record.Url,
            Title = record.Title is null ? null : TextDecoding.WithoutControlCharacters(record.Title),
            ExternalId = record.Id,
            SourceCountry = country,
        });
    }

    private sealed record Record(string? Id, string? Source, string? Url, string? Published, string? Title, string? Text, string? Country);

    private static Record ParseObject(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("expected a JSON object");
        string? id = null, source = null, url = null, published = null, title = null, text = null, country = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "id": id = ScalarText(ref reader, name); break;
                case "source": source = StringValue(ref reader, name); break;
                case "url": url = StringValue(ref reader, name); break;
                case "published": published = StringValue(ref reader, name); break;
                case "title": title = StringValue(ref reader, name); break;
                case "text": text = StringValue(ref reader, name); break;
                case "country": country = StringValue(ref reader, name); break;
                default: reader.Skip(); break;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject)
            throw new JsonException("expected a property name or '}'");
        if (reader.Read())
            throw new JsonException("unexpected content after the object");
        return new Record(id, source, url, published, title, text, country);
    }

    private static string? StringValue(ref Utf8JsonReader reader, string name) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"\"{name}\" must be a string"),
    };

    private static string? ScalarText(ref Utf8JsonReader reader, string name) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"\"{name}\" must be a string or a number"),
    };

    // System.Text.Json messages end in "LineNumber: 0 | BytePositionInLine: 12."; say "at column 13" instead.
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0) return message;
        var head = message[..cut].TrimEnd();
        return e.BytePositionInLine is { } column ? $"{head} (at column {column + 1})" : head;
    }
}
