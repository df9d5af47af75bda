using StartupHub.Site.Build;
using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Loading;

namespace StartupHub.Theme.Tests.Support;

/// <summary>
/// The repository's real site (content/ + themes/default) built once into a temp folder with a fixed
/// clock and without the search index, shared by every test of the <see cref="BuiltSiteCollection"/>.
/// </summary>
public sealed class BuiltSite : IDisposable
{
    private readonly string _tempRoot = Path.Combine(Path.GetTempPath(), "startuphub-theme-" + Guid.NewGuid().ToString("N"));
    private readonly Lazy<IReadOnlyList<HtmlPage>> _pages;

    public BuiltSite()
    {
        OutputDirectory = Path.Combine(_tempRoot, "out");
        Content = ReadContent(RepositoryRoot.Path);
        SiteBuild.Run(RepositoryRoot.Path, OutputDirectory);
        _pages = new(() => LoadPages(OutputDirectory));
    }

    public string OutputDirectory { get; }

    /// <summary>The content the site was built from, read by the engine's own loader, for expected values.</summary>
    public SiteContent Content { get; }

    public IReadOnlyList<HtmlPage> Pages => _pages.Value;

    /// <summary>The page at a site path such as <c>/events/x/</c> or <c>/404.html</c>.</summary>
    public HtmlPage Page(string url) => HtmlPage.Load(OutputDirectory, FileOf(OutputDirectory, url));

    public bool Exists(string url) => File.Exists(FileOf(OutputDirectory, url));

    public static string FileOf(string outputDirectory, string url)
    {
        var relative = url.TrimStart('/');
        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += "index.html";
        }

        return Path.Combine(outputDirectory, relative);
    }

    public static IReadOnlyList<HtmlPage> LoadPages(string outputDirectory) =>
    [
        .. Directory.EnumerateFiles(outputDirectory, "*.html", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "pagefind" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            // /admin/ is the Decap CMS shell, not a site page; tests/StartupHub.Hosting.Tests covers it.
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "admin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => HtmlPage.Load(outputDirectory, f)),
    ];

    public static SiteContent ReadContent(string root)
    {
        var diagnostics = new DiagnosticBag();
        return ContentReader.Read(Path.Combine(root, "content"), root, diagnostics)
            ?? throw new InvalidOperationException("content/ could not be read: " + string.Join("; ", diagnostics.ToSortedList()));
    }

    public void Dispose()
    {
        if (Directory.Exists(_tempRoot))
        {
            Directory.Delete(_tempRoot, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BuiltSiteCollection : ICollectionFixture<BuiltSite>
{
    public const string Name = "built repository site";
}
