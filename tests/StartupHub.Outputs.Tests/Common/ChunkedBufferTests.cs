using System.Text;
using System.Text.Json;
using CsCheck;
using StartupHub.Site.Outputs.Common;

namespace StartupHub.Outputs.Tests.Common;

public sealed class ChunkedBufferTests
{
    // One step of a writer: a span written whole, one byte, or memory asked for with a hint and partly used.
    private sealed record Step(int Kind, byte[] Bytes, int Hint, int Used);

    private static readonly Gen<Step> Steps = Gen.OneOf(
        Gen.Byte.Array[0, 3000].Select(b => new Step(0, b, 0, 0)),
        Gen.Byte.Array[0, 150_000].Select(b => new Step(0, b, 0, 0)),
        Gen.Byte.Select(b => new Step(1, [b], 0, 0)),
        Gen.Select(Gen.Int[0, 70_000], Gen.Int[0, 70_000], Gen.Byte, (hint, used, fill) => new Step(2, [fill], hint, used)));

    [Fact]
    public void Gives_back_exactly_what_was_written_across_chunk_boundaries()
    {
        Steps.Array[0, 60].Sample(steps =>
        {
            using var buffer = new ChunkedBuffer();
            var expected = new MemoryStream();
            foreach (var step in steps)
            {
                switch (step.Kind)
                {
                    case 0:
                        buffer.Write(step.Bytes);
                        expected.Write(step.Bytes);
                        break;
                    case 1:
                        buffer.WriteByte(step.Bytes[0]);
                        expected.WriteByte(step.Bytes[0]);
                        break;
                    default:
                        var span = buffer.GetSpan(step.Hint);
                        Assert.True(span.Length >= Math.Max(step.Hint, 1), $"asked for {step.Hint}, got {span.Length}");
                        var used = Math.Min(step.Used, span.Length);
                        span[..used].Fill(step.Bytes[0]);
                        buffer.Advance(used);
                        expected.Write(Enumerable.Repeat(step.Bytes[0], used).ToArray());
                        break;
                }
            }

            Assert.Equal(expected.Length, buffer.Length);
            Assert.Equal(expected.ToArray(), buffer.ToArray());
        }, iter: 200);
    }

    [Fact]
    public void A_json_writer_over_it_writes_what_it_writes_to_a_memory_stream()
    {
        static void Write(Utf8JsonWriter json)
        {
            json.WriteStartArray();
            for (var i = 0; i < 20_000; i++)
            {
                json.WriteStringValue($"イベント {i}: 千葉・柏・木更津");
            }

            json.WriteEndArray();
        }

        using var buffer = new ChunkedBuffer();
        using (var json = new Utf8JsonWriter((System.Buffers.IBufferWriter<byte>)buffer))
        {
            Write(json);
        }

        var expected = new MemoryStream();
        using (var json = new Utf8JsonWriter(expected))
        {
            Write(json);
        }

        Assert.True(expected.Length > 500_000, "the document must span many chunks");
        Assert.Equal(expected.ToArray(), buffer.ToArray());
    }

    [Fact]
    public void Refuses_to_advance_past_the_memory_it_handed_out_and_to_be_read_once_disposed()
    {
        var buffer = new ChunkedBuffer();
        var span = buffer.GetSpan(10);
        Encoding.ASCII.GetBytes("abc", span);
        buffer.Advance(3);
        var handedOut = span.Length;
        var error = Assert.Throws<InvalidOperationException>(() => buffer.Advance(handedOut));
        Assert.Throws<InvalidOperationException>(() => buffer.Advance(int.MaxValue));
        Assert.Contains("Advance", error.Message, StringComparison.Ordinal);
        Assert.Equal("abc"u8.ToArray(), buffer.ToArray());

        buffer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => buffer.ToArray());
        Assert.Throws<ObjectDisposedException>(() => buffer.WriteByte(1));
        Assert.Throws<ObjectDisposedException>(() => buffer.Write(ReadOnlySpan<byte>.Empty));
        Assert.Throws<ObjectDisposedException>(() => buffer.Advance(0));
        buffer.Dispose(); // twice: nothing is returned to the pool again
    }
}
