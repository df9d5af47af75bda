namespace StartupHub.Hosting.Tests.Support;

/// <summary>The repository's real site built once (fixed clock, no search index) for every test of the collection.</summary>
public sealed class BuiltSite : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "startuphub-hosting-" + Guid.NewGuid().ToString("N"));

    public BuiltSite()
    {
        OutputDirectory = Path.Combine(_temp, "out");
        SiteBuild.Run(RepositoryRoot.Path, OutputDirectory);
    }

    public string OutputDirectory { get; }

    /// <summary>Every HTML file as a site URL (<c>/x/</c> for <c>x/index.html</c>) with its path.</summary>
    public IEnumerable<(string Url, string File)> HtmlFiles() =>
        Directory.EnumerateFiles(OutputDirectory, "*.html", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (UrlOf(Path.GetRelativePath(OutputDirectory, f).Replace('\\', '/')), f));

    public static string UrlOf(string relative) =>
        "/" + (relative.EndsWith("index.html", StringComparison.Ordinal) ? relative[..^"index.html".Length] : relative);

    public bool Exists(string url)
    {
        var relative = url.Split('?')[0].TrimStart('/');
        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += "index.html";
        }

        return File.Exists(Path.Combine(OutputDirectory, relative));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_temp, recursive: true);
        }
        catch (IOException)
        {
            // a browser may still hold a file; the OS cleans the temp folder
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BuiltSiteCollection : ICollectionFixture<BuiltSite>
{
    public const string Name = "built site";
}
