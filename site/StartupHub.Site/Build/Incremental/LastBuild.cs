using StartupHub.Site.Build.Assets;
using StartupHub.Site.Build.Pages;
using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Markdown;
using StartupHub.Site.Outputs.Links;
using StartupHub.Site.Templates;
using StartupHub.Site.Views;

namespace StartupHub.Site.Build.Incremental;

/// <summary>
/// Everything a successful, written build leaves for the next one of the same builder to update instead of
/// redoing: the stamps of the files it read, the items and their front matter, the views and page plans,
/// which page read which body, the page scans of the link check and the other outputs.
/// </summary>
internal sealed class LastBuild
{
    public required BuildOptions Options { get; init; }
    public required DateTimeOffset Now { get; init; }
    public required FileStamps Stamps { get; set; }
    public required SiteContent Content { get; init; }
    public required Dictionary<string, ContentItem> Items { get; init; }

    /// <summary>Source paths of the published items (only their bodies are rendered).</summary>
    public required HashSet<string> Published { get; init; }

    public required IReadOnlyDictionary<string, string> FrontMatters { get; init; }
    public required string MarkdownContext { get; init; }
    public required VideoResolver Videos { get; init; }
    public required TrackedHtml Html { get; init; }
    public required SiteView Site { get; init; }
    public required PagePlan[] Plans { get; set; }

    /// <summary>Per source path, the detail pages whose plan holds that item's body as page.content.</summary>
    public required Dictionary<string, List<int>> OwnBodies { get; init; }
    public required TemplateSet Templates { get; init; }
    public required FingerprintedAssets Assets { get; init; }
    public required Uri BaseUrl { get; init; }

    /// <summary>Per source path, the indexes of the pages (in <see cref="Plans"/> order) that read its body.</summary>
    public required Dictionary<string, HashSet<int>> Readers { get; init; }

    /// <summary>Pages that read every body (enumerated them): any body edit re-renders them.</summary>
    public required HashSet<int> ReadAll { get; init; }

    public required RenderedPage[] Pages { get; set; }
    public required PageScan[] Scans { get; set; }
    public required IReadOnlyList<OutputFile> Files { get; init; }
    public required OutputContext OutputContext { get; init; }
    public required IReadOnlyList<Diagnostic> Diagnostics { get; set; }
    public required IReadOnlyList<string> Written { get; set; }

    /// <summary>The directories whose files a build reads: content, the theme and the site's own layouts.</summary>
    public static IEnumerable<string> Inputs(BuildOptions options) =>
    [
        options.ContentDirectory,
        Path.Combine(options.RootDirectory, "themes", options.ThemeName),
        Path.Combine(options.RootDirectory, "layouts"),
    ];

    public void AddReads(int page, HashSet<string> reads)
    {
        foreach (var path in reads)
        {
            if (path == TrackedHtml.All)
            {
                ReadAll.Add(page);
            }
            else if (Readers.TryGetValue(path, out var pages))
            {
                pages.Add(page);
            }
            else
            {
                Readers[path] = [page];
            }
        }
    }
}
