using System.Text;
using System.Text.RegularExpressions;
using StartupHub.Site.Build;
using StartupHub.Site.Content;

namespace StartupHub.Site.Admin;

/// <summary>
/// /admin/: Decap CMS (copied from the pinned npm package, no CDN), its generated config.yml and our small
/// scripts. Left out when forms are closed (after the contract): the GitHub sign-in needs the API, and that
/// site must be servable by any static host.
/// </summary>
public sealed partial class AdminOutput(AdminSettings? settings = null) : IOutputGenerator
{
    public const string Folder = "admin/";

    private readonly AdminSettings _settings = settings ?? AdminSettings.FromEnvironment();

    private readonly Outputs.Common.LastOutput _config = new();

    public string Name => "admin";

    public IEnumerable<OutputFile> Generate(OutputContext context)
    {
        if (context.Content.Settings.Forms == FormsMode.Closed)
        {
            yield break;
        }

        var dist = _settings.DecapDistDirectory ?? Path.Combine(context.Options.RootDirectory, "node_modules", "decap-cms", "dist");
        var bundle = DecapBundle.Files(dist);
        yield return Text("index.html", AdminPage.IndexHtml(context.Content.Settings.Title, PreviewStyle(context.Pages), bundle.Count > 0));
        yield return Text("init.js", AdminPage.InitJs);
        yield return Text("oauth-callback.js", AdminPage.OAuthCallbackJs);
        // Serialised again only when what it is made of changed (YamlDotNet took 5-10 ms of every dev-server rebuild).
        object?[] configKey = [context.BaseUrl.AbsoluteUri, _settings, .. context.Content.Venues];
        yield return new OutputFile(Folder + "config.yml", _config.Reuse(configKey, () => Utf8(CmsConfig.Yaml(context.Content, context.BaseUrl, _settings))));
        foreach (var file in bundle)
        {
            yield return new OutputFile(Folder + Path.GetFileName(file), Read(file));
        }
    }

    // The Decap bundle is megabytes that do not change between the dev server's rebuilds: read again only when
    // the file's size or time changed (an npm install).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTime Written, long Length, byte[] Bytes)> _bundleFiles = new(StringComparer.Ordinal);

    private byte[] Read(string file)
    {
        var info = new FileInfo(file);
        if (_bundleFiles.TryGetValue(file, out var known) && known.Written == info.LastWriteTimeUtc && known.Length == info.Length)
        {
            return known.Bytes;
        }

        var bytes = File.ReadAllBytes(file);
        _bundleFiles[file] = (info.LastWriteTimeUtc, info.Length, bytes);
        return bytes;
    }

    /// <summary>The site's fingerprinted stylesheet, taken from a rendered page, so previews look like the site.</summary>
    private static string? PreviewStyle(IReadOnlyList<RenderedPage> pages) =>
        pages.Select(p => StylesheetHref().Match(p.Html)).FirstOrDefault(m => m.Success)?.Groups["href"].Value;

    private static OutputFile Text(string name, string text) => new(Folder + name, Utf8(text));

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(?<href>[^\"]*/assets/css/[^\"]+\\.css)\"")]
    private static partial Regex StylesheetHref();
}
