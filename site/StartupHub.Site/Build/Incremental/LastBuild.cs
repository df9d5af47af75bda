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
/// what each page read (<see cref="PageReads"/>), the page scans of the link check and the other outputs.
/// The arrays indexed by page (<see cref="Plans"/>, <see cref="Pages"/>, <see cref="Reads"/>, <see cref="Scans"/>)
/// are always in the same order.
/// </summary>
internal sealed class LastBuild
{
    public required BuildOptions Options { get; init; }
    public required DateTimeOffset Now { get; init; }
    public required FileStamps Stamps { get; set; }
    public required SiteContent Content { get; set; }

    /// <summary>
    /// <see cref="Content"/> with every body emptied, what a front matter edit validates the other items as (their
    /// bodies were checked by the build that read them). Made by the first such edit and kept up to date by the next,
    /// rather than copying ten thousand records on every save.
    /// </summary>
    public SiteContent? Bodiless { get; set; }
    public required Dictionary<string, ContentItem> Items { get; init; }

    /// <summary>Source paths of the published items (only their bodies are rendered).</summary>
    public required HashSet<string> Published { get; init; }

    public required Dictionary<string, string> FrontMatters { get; init; }
    public required string MarkdownContext { get; init; }
    public required VideoResolver Videos { get; init; }
    public required TrackedHtml Html { get; init; }
    public required ViewIndex Views { get; set; }
    public required SiteView Site { get; set; }
    public required PagePlan[] Plans { get; set; }

    /// <summary>Source path → position of the item's detail page in the plans of the build it was made for (ItemEdits.cs); lookups check it.</summary>
    public Dictionary<string, int>? DetailPlanIndex { get; set; }

    /// <summary>Where the news pages are in <see cref="Plans"/> (start, count): a rebuild that keeps the news views keeps these plans.</summary>
    public (int Start, int Count) NewsPlans { get; set; }

    /// <summary>Per source path, the detail pages whose plan holds that item's body as page.content.</summary>
    public required Dictionary<string, List<int>> OwnBodies { get; set; }
    public required TemplateSet Templates { get; init; }
    public required FingerprintedAssets Assets { get; init; }
    public required Uri BaseUrl { get; init; }

    /// <summary>Per page, the keys its render recorded: body paths, <see cref="TrackedHtml.All"/>, item and list keys.</summary>
    public required HashSet<string>[] Reads { get; set; }

    public required RenderedPage[] Pages { get; set; }
    public required PageScan[] Scans { get; set; }
    public required IReadOnlyList<OutputFile> Files { get; set; }

    /// <summary>The theme's fingerprinted assets and the content images: the tail of <see cref="Files"/>, changed only by a full build.</summary>
    public required IReadOnlyList<OutputFile> StaticFiles { get; init; }
    public required OutputContext OutputContext { get; set; }
    public required IReadOnlyList<Diagnostic> Diagnostics { get; set; }
    public required IReadOnlyList<string> Written { get; set; }

    /// <summary>The directories whose files a build reads: content, the theme and the site's own layouts.</summary>
    public static IEnumerable<string> Inputs(BuildOptions options) =>
    [
        options.ContentDirectory,
        Path.Combine(options.RootDirectory, "themes", options.ThemeName),
        Path.Combine(options.RootDirectory, "layouts"),
    ];

    /// <summary>The pages whose render read any of <paramref name="keys"/> (a page that read every body counts for every body path).</summary>
    /// <remarks>Looked up in an index from key to pages rather than by testing every page's reads: that test was
    /// 13 ms of every front matter rebuild at ten thousand pages (a profile of the bench's edits).</remarks>
    public SortedSet<int> PagesReading(IReadOnlySet<string> keys, bool bodies)
    {
        var pages = new SortedSet<int>();
        if (keys.Count == 0)
        {
            return pages;
        }

        var readers = Readers();
        foreach (var key in keys.Append(bodies ? TrackedHtml.All : null))
        {
            if (key is not null && readers.TryGetValue(key, out var readingPages))
            {
                pages.UnionWith(readingPages); // exact: the index drops a page from the keys it no longer reads
            }
        }

        return pages;
    }

    private ReadersIndex? _readers;

    private IReadOnlyDictionary<string, List<int>> Readers()
    {
        if (_readers is null || _readers.Pages != Reads.Length)
        {
            _readers = new ReadersIndex(Reads.Length);
        }

        return _readers.Update(Reads);
    }
}
