using System.Buffers;

namespace Sitrep.Reading;

/// <summary>
/// Reads a byte stream line by line into a pooled buffer. A line longer than the limit is skipped
/// as it streams by (its length is reported), so one huge line never has to fit in memory.
/// </summary>
internal sealed class LineReader(Stream stream, long maxLineBytes) : IDisposable
{
    private readonly int _max = (int)Math.Min(maxLineBytes, Array.MaxLength - 1);
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _start, _end;
    private bool _eof;

    /// <summary>1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>
    /// Reads the next line (without its line break). Returns false at the end of the stream.
    /// When the line is over the limit, <paramref name="line"/> is empty and <paramref name="overLimitBytes"/> is its length.
    /// The returned memory is valid until the next call.
    /// </summary>
    public bool Next(out ReadOnlyMemory<byte> line, out long overLimitBytes)
    {
        int scanned = 0; // bytes after _start already searched for a line break
        while (true)
        {
            int newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
                return TakeLine(_start + scanned + newline, _start + scanned + newline + 1, out line, out overLimitBytes);
            scanned = _end - _start;
            if (_eof)
                return TakeLine(_end, _end, out line, out overLimitBytes);
            if (scanned > _max)
            {
                overLimitBytes = SkipRestOfLine(scanned);
                line = ReadOnlyMemory<byte>.Empty;
                LineNumber++;
                return true;
            }
            Fill();
        }
    }

    // Returns the line [_start, lineEnd) and moves past it to `next`; an over-limit line comes back empty.
    private bool TakeLine(int lineEnd, int next, out ReadOnlyMemory<byte> line, out long overLimitBytes)
    {
        line = TrimCarriageReturn(_start, lineEnd);
        overLimitBytes = 0;
        bool any = next > _start;
        _start = next;
        if (!any) return false;
        LineNumber++;
        if (line.Length > _max)
        {
            overLimitBytes = line.Length;
            line = ReadOnlyMemory<byte>.Empty;
        }
        return true;
    }

    // Moves the pending bytes to the front, grows the buffer when full, and reads more.
    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, Array.MaxLength));
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        int n = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0) _eof = true;
        _end += n;
    }

    private long SkipRestOfLine(long seen)
    {
        _start = _end = 0;
        while (true)
        {
            int n = stream.Read(_buffer, 0, _buffer.Length);
            if (n == 0)
            {
                _eof = true;
                return seen;
            }
            int newline = _buffer.AsSpan(0, n).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start = newline + 1;
                _end = n;
                return seen + newline;
            }
            seen += n;
        }
    }

    private ReadOnlyMemory<byte> TrimCarriageReturn(int start, int end)
    {
        if (end > start && _buffer[end - 1] == '\r') end--;
        return _buffer.AsMemory(start, end - start);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        stream.Dispose();
    }
}
