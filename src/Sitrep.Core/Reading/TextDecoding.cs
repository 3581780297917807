using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Sitrep.Reading;

/// <summary>Strict decoding of input bytes: UTF-8 (BOM optional) or UTF-16 with a BOM; anything else is an error with its line.</summary>
internal static class TextDecoding
{
    /// <summary>Decodes <paramref name="bytes"/>; on invalid UTF-8 returns false with a reason and the 1-based line of the bad byte.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out int badLine, out string reason)
    {
        badLine = 0;
        reason = "";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(bytes[2..]);
            return true;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(bytes[2..]);
            return true;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];

        char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out int read, out int written, replaceInvalidSequences: false);
            if (status == System.Buffers.OperationStatus.Done)
            {
                text = new string(chars, 0, written);
                return true;
            }
            text = "";
            reason = InvalidUtf8(bytes, read, out badLine);
            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Why <paramref name="bytes"/> are not UTF-8 (their first bad byte, its line and column); null when they are.</summary>
    public static string? InvalidUtf8(ReadOnlySpan<byte> bytes, out int badLine)
    {
        badLine = 0;
        if (Utf8.IsValid(bytes)) return null;
        Span<char> scratch = stackalloc char[256];
        int valid = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(bytes[valid..], scratch, out int read, out _, replaceInvalidSequences: false);
            valid += read;
            if (status != System.Buffers.OperationStatus.DestinationTooSmall) break;
        }
        return InvalidUtf8(bytes, valid, out badLine);
    }

    private static string InvalidUtf8(ReadOnlySpan<byte> bytes, int at, out int badLine)
    {
        badLine = 1 + bytes[..at].Count((byte)'\n');
        int column = at - (bytes[..at].LastIndexOf((byte)'\n') + 1) + 1;
        string hint = bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            ? "a UTF-16 byte-order mark here; save the file as UTF-8"
            : "if the file is Latin-1 or Windows-1252, convert it with: iconv -f WINDOWS-1252 -t UTF-8";
        return $"invalid UTF-8 (byte 0x{bytes[Math.Min(at, bytes.Length - 1)]:X2} at column {column}); {hint}";
    }

    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\u000B\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    /// <summary>
    /// <paramref name="text"/> without control characters other than tab, line breaks and form feed: NUL and its
    /// kin are never part of a report (a binary file read as text, a broken export) and would be stored as they are.
    /// </summary>
    public static string WithoutControlCharacters(string text)
    {
        if (text.AsSpan().IndexOfAny(ControlCharacters) < 0) return text;
        return string.Create(text.Length - Count(text), text, (span, source) =>
        {
            int n = 0;
            foreach (var c in source)
                if (!ControlCharacters.Contains(c)) span[n++] = c;
        });
    }

    private static int Count(string text)
    {
        int count = 0;
        foreach (var c in text)
            if (ControlCharacters.Contains(c)) count++;
        return count;
    }
}
