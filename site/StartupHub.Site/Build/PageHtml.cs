namespace StartupHub.Site.Build;

/// <summary>
/// A page's UTF-8 HTML. A full build's pages are written into the staging folder while the rest of the site renders
/// (Build/Write/StagingWriter.cs); once a page is on disk its bytes are let go and read back from that file if
/// anything asks again (an error message, a test). Ten thousand pages held their bytes to the end of the build and
/// then in the dev server's last build: a hundred megabytes, the largest part of the peak memory. Rebuilds only
/// ever need the bytes of pages they render again, which are fresh and in memory.
/// </summary>
public sealed class PageHtml
{
    private byte[]? _bytes;
    private OutputLocation? _location;
    private string? _path;

    public PageHtml(byte[] bytes) => _bytes = bytes;

    /// <summary>The bytes, from memory or read back from the file they were written to.</summary>
    public byte[] Bytes
    {
        get
        {
            if (Volatile.Read(ref _bytes) is { } bytes)
            {
                return bytes;
            }

            var file = Path.Combine(_location!.Directory, _path!);
            try
            {
                return File.ReadAllBytes(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException(
                    $"ページ {_path} の HTML はメモリーから解放済みで、書き出したファイル {file} も読めません（失敗したビルドのステージングフォルダーは削除されます）。", e);
            }
        }
    }

    /// <summary>Whether the bytes are still in memory (not yet written by a staging writer).</summary>
    public bool InMemory => Volatile.Read(ref _bytes) is not null;

    /// <summary>Called by the writer once the bytes are in <paramref name="relativePath"/> under <paramref name="location"/>.</summary>
    internal void Written(OutputLocation location, string relativePath)
    {
        _location = location;
        _path = relativePath;
        Volatile.Write(ref _bytes, null); // published after the location: a reader that sees null finds the file
    }
}

/// <summary>The folder a staging writer's files are in: the staging folder, then the output folder once swapped in.</summary>
public sealed class OutputLocation(string directory)
{
    private string _directory = directory;

    public string Directory
    {
        get => Volatile.Read(ref _directory);
        internal set => Volatile.Write(ref _directory, value);
    }
}
