using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using StartupHub.Site.Build;

namespace StartupHub.Build.Tests.Support;

/// <summary>
/// A whole small site written inline into a temp folder: site.yml, a few content files and a tiny theme of
/// its own, so these tests do not depend on themes/default. Build it, then read the output with AngleSharp.
/// </summary>
internal sealed class TempSite : IDisposable
{
    public static readonly DateTimeOffset Now = new(2025, 10, 1, 10, 0, 0, TimeSpan.FromHours(9));

    private static readonly HtmlParser Parser = new();

    private TempSite(string root) => Root = root;

    public string Root { get; }

    public string Output => Path.Combine(Root, "_site");

    /// <summary>The default site; <paramref name="minimal"/> leaves out everything but site.yml and the theme.</summary>
    public static TempSite Create(bool minimal = false)
    {
        var site = new TempSite(Path.Combine(Path.GetTempPath(), "startuphub-build-tests", Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(site.Root);
        site.Write("content/site.yml", SampleContent.SiteYml);
        if (!minimal)
        {
            foreach (var (path, text) in SampleContent.Files)
            {
                site.Write(path, text);
            }
        }

        foreach (var (path, text) in SampleTheme.Files)
        {
            site.Write(path, text);
        }

        return site;
    }

    public TempSite Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return this;
    }

    public TempSite Delete(string relativePath)
    {
        File.Delete(Path.Combine(Root, relativePath));
        return this;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public BuildOptions Options(Uri? baseUrl = null, bool preview = false, bool drafts = false) => new()
    {
        RootDirectory = Root,
        OutputDirectory = Output,
        BaseUrl = baseUrl,
        Preview = preview,
        IncludeDrafts = drafts,
        SearchIndex = false,
        Clock = new FixedTime(Now),
    };

    public BuildResult Build(SiteBuilder? builder = null, Uri? baseUrl = null, bool preview = false, bool drafts = false) =>
        (builder ?? new SiteBuilder()).Build(Options(baseUrl, preview, drafts));

    /// <summary>Builds and fails the test with every diagnostic when the build did not succeed.</summary>
    public BuildResult BuildOk(SiteBuilder? builder = null, Uri? baseUrl = null, bool preview = false)
    {
        var result = Build(builder, baseUrl, preview);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    public IDocument Html(string outputPath) => Parser.ParseDocument(File.ReadAllText(Path.Combine(Output, outputPath)));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a server under test may still hold a file for a moment; the temp folder is cleaned by the OS
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
