namespace StartupHub.Forms.Http;

/// <summary>Thrown when a request body grows past its cap while being read.</summary>
public sealed class BodyCapExceededException() : IOException("request body exceeds its cap");

/// <summary>
/// A read-only view of a request body that counts bytes and throws <see cref="BodyCapExceededException"/>
/// as soon as more than the cap has arrived, so a body without a Content-Length cannot stream on forever.
/// </summary>
internal sealed class CappedReadStream(Stream inner, long cap) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, (int)Math.Min(count, Allowance)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, Allowance)], cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>One byte more than the cap may be read, which is how going over is noticed.</summary>
    private long Allowance => Math.Max(1, cap + 1 - _read);

    private int Count(int read)
    {
        _read += read;
        if (_read > cap)
        {
            throw new BodyCapExceededException();
        }

        return read;
    }
}
