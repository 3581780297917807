using System.IO.Compression;
using System.IO.Hashing;

namespace Sitrep.Reading;

/// <summary>
/// Decompresses gzip and, at the end, checks the trailer (CRC-32 and length) against what was
/// decompressed. .NET's <see cref="GZipStream"/> returns a truncated file's data as if it were
/// complete; this stream throws <see cref="InvalidDataException"/> instead. Concatenated multi-member
/// files fail the check (the trailer covers only the last member) and are reported as corrupt.
/// </summary>
internal sealed class CheckedGzipStream : ReadOnlyStream
{
    private readonly TailStream _compressed;
    private readonly GZipStream _gzip;
    private readonly Crc32 _crc = new();
    private long _length;
    private bool _verified;

    public CheckedGzipStream(Stream compressed)
    {
        _compressed = new TailStream(compressed);
        _gzip = new GZipStream(_compressed, CompressionMode.Decompress);
    }

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = _gzip.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"corrupt gzip data: {e.Message}", e);
        }
        if (n > 0)
        {
            _crc.Append(buffer[..n]);
            _length += n;
        }
        else if (!_verified && buffer.Length > 0)
        {
            Verify();
        }
        return n;
    }

    private void Verify()
    {
        Span<byte> tail = stackalloc byte[8];
        if (!_compressed.TryGetTail(tail))
            throw new InvalidDataException("truncated gzip: the file ends before its trailer");
        uint crc = BitConverter.ToUInt32(tail[..4]);
        uint size = BitConverter.ToUInt32(tail[4..]);
        if (crc != _crc.GetCurrentHashAsUInt32() || size != unchecked((uint)_length))
            throw new InvalidDataException($"truncated or corrupt gzip: the data ends after {_length:N0} bytes and fails the trailer's check");
        _verified = true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gzip.Dispose();
        base.Dispose(disposing);
    }


    /// <summary>Passes reads through and remembers the last 8 bytes seen.</summary>
    private sealed class TailStream(Stream inner) : ReadOnlyStream
    {
        private readonly byte[] _tail = new byte[8];
        private int _tailCount;

        public bool TryGetTail(Span<byte> destination)
        {
            if (_tailCount < 8) return false;
            _tail.CopyTo(destination);
            return true;
        }

        public override int Read(Span<byte> buffer)
        {
            int n = inner.Read(buffer);
            Remember(buffer[..n]);
            return n;
        }

            private void Remember(ReadOnlySpan<byte> read)
        {
            if (read.Length >= 8)
            {
                read[^8..].CopyTo(_tail);
                _tailCount = 8;
                return;
            }
            int keep = Math.Min(_tailCount, 8 - read.Length);
            _tail.AsSpan(_tailCount - keep, keep).CopyTo(_tail);
            read.CopyTo(_tail.AsSpan(keep));
            _tailCount = keep + read.Length;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

    }
}
