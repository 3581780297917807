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
            badLine = 1 + bytes[..read].Count((byte)'\n');
            int column = read - (bytes[..read].LastIndexOf((byte)'\n') + 1) + 1;
            reason = $"invalid UTF-8 (byte 0x{bytes[read]:X2} at column {column}); if the file is Latin-1 or Windows-1252, convert it with: iconv -f WINDOWS-1252 -t UTF-8";
            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
