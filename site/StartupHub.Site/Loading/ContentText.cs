using System.Text;

namespace StartupHub.Site.Loading;

/// <summary>
/// Reads a content file as text in one decode. <see cref="File.ReadAllText(string)"/> decodes through a StreamReader in
/// small chunks, and a Japanese character split across two chunks takes the decoder's fallback path, which allocates:
/// for ten thousand files that was about 160 MB of short-lived buffers per build (an allocation profile of the bench).
/// </summary>
internal static class ContentText
{
    public static string Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes is [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..])
        {
            return File.ReadAllText(path); // UTF-16 with a byte order mark: let the reader detect it, as before
        }

        // Invalid sequences become U+FFFD, as File.ReadAllText does; a UTF-8 byte order mark is dropped, as it did.
        return Encoding.UTF8.GetString(bytes.AsSpan(bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0));
    }
}
