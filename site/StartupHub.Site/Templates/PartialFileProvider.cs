using System.Text;
using Fluid;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

// ITemplateCache is marked experimental (FLUID001); Fluid.Core is pinned, and the template tests pin its behaviour.
#pragma warning disable FLUID001

namespace StartupHub.Site.Templates;

/// <summary>
/// What <c>{% render %}</c> and <c>{% include %}</c> see: the partials parsed by the last
/// <see cref="TemplateEngine.Load"/> (site override before theme), served from memory. Rendering then
/// touches no file and parses nothing: Fluid asks the provider and the cache for every partial of every
/// page, and with ten thousand pages a file check each time is most of the render phase.
/// </summary>
internal sealed class PartialFileProvider : IFileProvider, ITemplateCache
{
    private volatile IReadOnlyDictionary<string, ParsedTemplate> _partials = new Dictionary<string, ParsedTemplate>();

    /// <summary>Swapped in by <see cref="TemplateEngine.Load"/>; builds of one engine run one at a time.</summary>
    public void Use(IReadOnlyDictionary<string, ParsedTemplate> partials) => _partials = partials;

    public IFileInfo GetFileInfo(string subpath) =>
        _partials.TryGetValue(Normalize(subpath), out var partial)
            ? new SnapshotFile(partial)
            : new NotFoundFileInfo(subpath);

    public bool TryGetTemplate(string subpath, DateTimeOffset lastModified, out IFluidTemplate template)
    {
        if (_partials.TryGetValue(Normalize(subpath), out var partial) && partial.Template is not null && partial.Stamp.LastWriteUtc == lastModified.UtcDateTime)
        {
            template = partial.Template;
            return true;
        }

        template = null!;
        return false;
    }

    /// <summary>Every partial is parsed by <see cref="TemplateEngine.Load"/>; nothing parsed later needs keeping.</summary>
    public void SetTemplate(string subpath, DateTimeOffset lastModified, IFluidTemplate template)
    {
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NoChanges.Instance;

    private static string Normalize(string subpath) => subpath.Replace('\\', '/').TrimStart('/');

    private sealed class SnapshotFile(ParsedTemplate partial) : IFileInfo
    {
        public bool Exists => true;

        public long Length => partial.Stamp.Length;

        public string PhysicalPath => partial.FullPath;

        public string Name => Path.GetFileName(partial.FullPath);

        public DateTimeOffset LastModified => new(partial.Stamp.LastWriteUtc, TimeSpan.Zero);

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(Encoding.UTF8.GetBytes(partial.Source), writable: false);
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
