using System.Buffers;

namespace StartupHub.Site.Outputs.Common;

/// <summary>
/// Bytes written in pooled 64 KB chunks and handed back as one array of exactly their length. A MemoryStream (or
/// Utf8JsonWriter's own buffer) grows by doubling: the sitemap and the forms manifest of a ten-thousand-page site
/// made 4–5 MB of short-lived large-object arrays each for a file of about a megabyte, at the end of the build, where
/// large-object allocations start full collections of a heap a hundred megabytes large. Chunks stay under the
/// large-object threshold; only the finished file is one array.
/// </summary>
internal sealed class ChunkedBuffer : Stream, IBufferWriter<byte>
{
    private const int ChunkSize = 64 * 1024;

    private readonly List<(byte[] Chunk, int Used)> _full = [];
    private byte[] _current = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int _used;
    private long _fullLength;
    private bool _disposed;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_disposed;

    public override long Length => _fullLength + _used;

    public override long Position
    {
        get => Length;
        set => throw new NotSupportedException();
    }

    /// <summary>Everything written so far, in one array of exactly that length.</summary>
    public byte[] ToArray()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var result = GC.AllocateUninitializedArray<byte>(checked((int)Length));
        var at = 0;
        foreach (var (chunk, used) in _full)
        {
            chunk.AsSpan(0, used).CopyTo(result.AsSpan(at));
            at += used;
        }

        _current.AsSpan(0, _used).CopyTo(result.AsSpan(at));
        return result;
    }

    public void Advance(int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > _current.Length - _used)
        {
            throw new InvalidOperationException("Advance past the memory handed out.");
        }

        _used += count;
    }

    // Reserve first: it may start a new chunk, and `_current.AsMemory(Reserve(..))` would read the old one.
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        var at = Reserve(sizeHint);
        return _current.AsMemory(at);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var at = Reserve(sizeHint);
        return _current.AsSpan(at);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        Write(buffer.AsSpan(offset, count));
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (!buffer.IsEmpty)
        {
            var room = GetSpan(1);
            var taken = Math.Min(room.Length, buffer.Length);
            buffer[..taken].CopyTo(room);
            _used += taken;
            buffer = buffer[taken..];
        }
    }

    public override void WriteByte(byte value)
    {
        GetSpan(1)[0] = value;
        _used++;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            foreach (var (chunk, _) in _full)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            _full.Clear();
            ArrayPool<byte>.Shared.Return(_current);
            _current = [];
        }

        base.Dispose(disposing);
    }

    /// <summary>The offset in the current chunk where at least <paramref name="sizeHint"/> bytes (at least one) are free.</summary>
    private int Reserve(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var needed = Math.Max(sizeHint, 1);
        if (_current.Length - _used >= needed)
        {
            return _used;
        }

        // A chunk may end with a little room unused (a writer asked for more than was left): ToArray skips it. An
        // empty one (a first request larger than a chunk) goes straight back to the pool.
        if (_used > 0)
        {
            _full.Add((_current, _used));
            _fullLength += _used;
        }
        else
        {
            ArrayPool<byte>.Shared.Return(_current);
            _current = []; // never returned twice, even if the rent below throws
        }

        _current = ArrayPool<byte>.Shared.Rent(Math.Max(ChunkSize, needed));
        _used = 0;
        return 0;
    }
}
