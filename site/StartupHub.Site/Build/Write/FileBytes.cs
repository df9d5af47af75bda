using System.Buffers;
using System.Text;

namespace StartupHub.Site.Build.Write;

/// <summary>Writes one output file with as little copying as possible: a page's HTML is encoded once into a pooled buffer.</summary>
internal static class FileBytes
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writing is mostly waiting on the file system: a few more writers than cores keeps the disk busy.</summary>
    public static readonly ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount * 2) };

    /// <param name="content">A page's HTML (string) or a file's bytes.</param>
    public static void Write(string path, object content)
    {
        // No flush to disk: a build is reproducible, and a crash before the swap leaves the previous output in place.
        using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.None);
        if (content is byte[] bytes)
        {
            RandomAccess.Write(handle, bytes, 0);
            return;
        }

        var html = (string)content;
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(html.Length));
        try
        {
            var length = Utf8.GetBytes(html, buffer);
            RandomAccess.Write(handle, buffer.AsSpan(0, length), 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
