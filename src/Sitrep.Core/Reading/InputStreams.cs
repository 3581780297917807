namespace Sitrep.Reading;

/// <summary>Opens inputs: files or standard input, gzip detected by its magic bytes whatever the name.</summary>
internal static class InputStreams
{
    /// <summary>The name standard input goes by.</summary>
    public const string StandardInput = "-";

    /// <summary>
    /// Opens <paramref name="path"/> ("-" for standard input), decompressing gzip; the first bytes of
    /// the content can be looked at before reading. Throws <see cref="InvalidDataException"/> for bad gzip.
    /// </summary>
    public static PeekStream Open(string path, Func<Stream>? standardInput = null)
    {
        Stream raw = path == StandardInput
            ? (standardInput ?? Console.OpenStandardInput)()
            : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        var magic = new PeekStream(raw, 2);
        return magic.Head is [0x1F, 0x8B] ? new PeekStream(new CheckedGzipStream(magic), 64) : new PeekStream(magic, 64);
    }

    /// <summary>The name without a trailing ".gz", for choosing the format.</summary>
    public static string WithoutGzipExtension(string path) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;

    /// <summary>A stream whose first bytes can be looked at before it is read.</summary>
    internal sealed class PeekStream : ReadOnlyStream
    {
        private readonly Stream _inner;
        private readonly byte[] _head;
        private int _headPos;

        public PeekStream(Stream inner, int count)
        {
            _inner = inner;
            var head = new byte[count];
            int n = 0;
            while (n < count)
            {
                int r = inner.Read(head, n, count - n);
                if (r == 0) break;
                n += r;
            }
            _head = head[..n];
        }

        public byte[] Head => _head;

        /// <summary>True when the first visible char (after a BOM and whitespace) is '{'.</summary>
        public bool StartsWithJsonObject()
        {
            var head = _head.AsSpan();
            if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
            // UTF-16 with its byte-order mark: the first code unit after it, little- or big-endian.
            else if (head is [0xFF, 0xFE, var low, 0, ..]) return low == (byte)'{';
            else if (head is [0xFE, 0xFF, 0, var low2, ..]) return low2 == (byte)'{';
            head = head.TrimStart(" \t\r\n"u8);
            return !head.IsEmpty && head[0] == (byte)'{';
        }

        public override int Read(Span<byte> buffer)
        {
            if (_headPos < _head.Length)
            {
                int n = Math.Min(buffer.Length, _head.Length - _headPos);
                _head.AsSpan(_headPos, n).CopyTo(buffer);
                _headPos += n;
                return n;
            }
            return _inner.Read(buffer);
        }

            protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }

    }
}
