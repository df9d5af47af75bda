using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace StartupHub.Site.Templates;

/// <summary>
/// The file provider behind <c>{% render %}</c> and <c>{% include %}</c>: the first partials folder that
/// has the file wins (site override before theme). Fluid caches what it parses by path and last-write
/// time, so an edited partial is parsed again on the next <c>serve</c> rebuild and not before.
/// </summary>
internal sealed class PartialFileProvider(IReadOnlyList<string> directories) : IFileProvider
{
    public IFileInfo GetFileInfo(string subpath)
    {
        var relative = subpath.TrimStart('/', '\\');
        foreach (var directory in directories)
        {
            var candidate = Path.GetFullPath(Path.Combine(directory, relative));
            // A partial name must not climb out of the partials folders ('../../secrets').
            if (candidate.StartsWith(Path.GetFullPath(directory), StringComparison.Ordinal) && File.Exists(candidate))
            {
                return new PhysicalFile(candidate);
            }
        }

        return new NotFoundFileInfo(relative);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NoChanges.Instance;

    private sealed class PhysicalFile(string path) : IFileInfo
    {
        private readonly FileInfo _info = new(path);

        public bool Exists => true;

        public long Length => _info.Length;

        public string PhysicalPath => path;

        public string Name => _info.Name;

        public DateTimeOffset LastModified => _info.LastWriteTimeUtc;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => File.OpenRead(path);
    }

    /// <summary>The serve command watches the folders itself; Fluid need not.</summary>
    private sealed class NoChanges : IChangeToken
    {
        public static readonly NoChanges Instance = new();

        public bool HasChanged => false;

        public bool ActiveChangeCallbacks => false;

        public IDisposable RegisterChangeCallback(Action<object?> callback, object? state) => EmptyDisposable.Instance;
    }

    private sealed class EmptyDisposable : IDisposable
    {
        public static readonly EmptyDisposable Instance = new();

        public void Dispose()
        {
        }
    }
}
