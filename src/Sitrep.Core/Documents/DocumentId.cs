using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Documents;

/// <summary>
/// Content ids: the SHA-256 of the normalised text (Unicode NFC, whitespace runs collapsed to one
/// space, trimmed), as 20 lower-case hex digits (80 bits). Re-wrapped or re-spaced copies of a
/// report get the same id, so storing a report twice stores it once.
/// </summary>
public static class DocumentId
{
    /// <summary>Id length in hex digits.</summary>
    public const int Length = 20;

    /// <summary>Computes the id of <paramref name="text"/>.</summary>
    public static string Compute(string text)
    {
        var normalised = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        char[] buffer = ArrayPool<char>.Shared.Rent(normalised.Length);
        byte[]? bytes = null;
        try
        {
            int n = CollapseWhitespace(normalised, buffer);
            bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(n));
            int byteCount = Encoding.UTF8.GetBytes(buffer.AsSpan(0, n), bytes);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(bytes.AsSpan(0, byteCount), hash);
            return Convert.ToHexStringLower(hash[..(Length / 2)]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
            if (bytes is not null) ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static int CollapseWhitespace(ReadOnlySpan<char> text, Span<char> output)
    {
        int n = 0;
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = n > 0;
                continue;
            }
            if (pendingSpace)
            {
                output[n++] = ' ';
                pendingSpace = false;
            }
            output[n++] = c;
        }
        return n;
    }
}
