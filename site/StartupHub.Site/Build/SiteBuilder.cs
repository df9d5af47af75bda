using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using StartupHub.Site.Build.Assets;
using StartupHub.Site.Build.Incremental;
using StartupHub.Site.Build.Pages;
using StartupHub.Site.Build.Write;
using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Loading;
using StartupHub.Site.Markdown;
using StartupHub.Site.Outputs;
using StartupHub.Site.Outputs.Links;
using StartupHub.Site.Outputs.Search;
using StartupHub.Site.Templates;
using StartupHub.Site.Templates.Filters;
using StartupHub.Site.Views;

namespace StartupHub.Site.Build;

/// <summary>
/// The generator's pipeline: load → validate → render → outputs → write. Built once and reused for many
/// builds (the dev server rebuilds on every save): the Markdown pipeline, the Fluid options and every
/// parsed template that has not changed since the last build are kept.
/// </summary>
public sealed partial class SiteBuilder(IReadOnlyList<IOutputGenerator>? outputs = null)
{
    private readonly MarkdownRenderer _markdown = new();
    private readonly MarkdownCache _markdownCache = new();
    private readonly IReadOnlyList<IOutputGenerator> _outputs = outputs ?? OutputGenerators.All;
    private readonly ConcurrentDictionary<TemplateDirectories, TemplateEngine> _engines = new();
    private readonly OutputState _written = new();

    // The link check's targets, kept for the next rebuild (LinkTargets.cs).
    private readonly LinkTargets _linkTargets = new();

    // The last successful written build, for the dev server's body-only rebuilds (BodyEdits.cs).
    private LastBuild? _last;

    /// <summary>
    /// False for a builder that builds once and is dropped (`startuphub build`): it neither stamps the input files
    /// nor keeps the last build (`LastBuild`) for an incremental rebuild, which only a builder that
    /// builds again can use (its caches of templates and Markdown stay, as they are made anyway), nor records what
    /// each page read (<see cref="Incremental.PageReads.Discarded"/>). The stamps alone
    /// were 60–90 ms at the start of a ten-thousand-page build, on one core, before anything else could begin.
    /// </summary>
    public bool KeepsStateForRebuilds { get; init; } = true;

    // The caches above are swapped per build; one build at a time per builder keeps them consistent.
    private readonly Lock _gate = new();

    /// <summary>Builds the site into <see cref="BuildOptions.OutputDirectory"/>; with any error the folder is left as it was.</summary>
    public BuildResult Build(BuildOptions options, IProgress<PhaseTiming>? progress = null)
    {
        lock (_gate)
        {
            return Run(options, write: true, progress, changedFiles: null);
        }
    }

    /// <summary>
    /// Like <see cref="Build"/>, for a caller that watches the input folders (the dev server): <paramref name="changedFiles"/>
    /// are the full paths of every file created, changed, renamed or deleted since this builder's previous build, which
    /// spares the scan of every input file's stamp. Pass <see cref="Build"/>'s way (a full scan) whenever unsure.
    /// </summary>
    public BuildResult Rebuild(BuildOptions options, IReadOnlyCollection<string> changedFiles, IProgress<PhaseTiming>? progress = null)
    {
        lock (_gate)
        {
            return Run(options, write: true, progress, changedFiles);
        }
    }

    /// <summary>Load, validate, render and check links, writing nothing: fast feedback for pull requests.</summary>
    public BuildResult Check(BuildOptions options, IProgress<PhaseTiming>? progress = null)
    {
        lock (_gate)
        {
            return Run(options, write: false, progress, changedFiles: null);
        }
    }

    private BuildResult Run(BuildOptions options, bool write, IProgress<PhaseTiming>? progress, IReadOnlyCollection<string>? changedFiles)
    {
        if (write && TryIncremental(options, progress, changedFiles) is { } updated)
        {
            return updated;
        }

        if (_last is not null)
        {
            // The previous build's pages, views and scans are old (gen 2) objects that only a full collection frees;
            // without one, a full rebuild of ten thousand pages holds two builds at once (measured 758 MB vs 458 MB).
            _last = null;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        }

        var diagnostics = new DiagnosticBag();
        var clock = new PhaseClock(progress);
        var now = options.Clock.GetUtcNow();
        IReadOnlyList<RenderedPage> pages = [];
        IReadOnlyList<string>? written = null;

        // Stamped before reading, so an edit made while this build runs is seen as a change by the next one.
        var stamps = write && KeepsStateForRebuilds ? FileStamps.Take(LastBuild.Inputs(options)) : null;
        IReadOnlyDictionary<string, string> frontMatters = new Dictionary<string, string>();
        // Templates parse on another core while the content loads: neither reads the other.
        var directories = new TemplateDirectories(options.RootDirectory, options.ThemeName);
        var templateDiagnostics = new DiagnosticBag();
        var templating = Task.Run(() => _engines.GetOrAdd(directories, d => new TemplateEngine(d, _markdown, SiteView.TemplateTypes)).Load(templateDiagnostics));
        var content = clock.Time("読み込み・検証", () => ContentReader.Read(options.ContentDirectory, options.RootDirectory, diagnostics, out frontMatters));
        var templates = clock.Time("テンプレート", () => templating.GetAwaiter().GetResult());
        foreach (var diagnostic in templateDiagnostics.ToSortedList())
        {
            diagnostics.Add(diagnostic);
        }

        if (content is null || diagnostics.HasErrors)
        {
            return Result();
        }

        var baseUrl = options.BaseUrl ?? content.Settings.BaseUrl;
        var settingsPath = Relative(options, Path.Combine(options.ContentDirectory, "site.yml"));
        var assets = clock.Time("アセット", () => AssetPipeline.Fingerprint(directories.Assets, baseUrl));

        // A build that writes the whole site writes each page as it renders (StagingWriter); disposing it unswapped,
        // as every return below with errors does, deletes what it wrote.
        using var staged = write ? OutputWriter.Stage(options.OutputDirectory, options.SearchIndex, _written) : null;
        var rendered = clock.Time("描画", () => Render(content, templates, assets, options, baseUrl, now, settingsPath, diagnostics, staged));
        pages = [.. rendered.Pages.OfType<RenderedPage>()];
        if (diagnostics.HasErrors)
        {
            return Result();
        }

        var context = new OutputContext(content.Published(now, options.IncludeDrafts), options, pages, now);
        IReadOnlyList<OutputFile> staticFiles = [.. assets.Files, .. AssetPipeline.ContentImages(options.ContentDirectory)];
        var files = clock.Time("出力", () => (IReadOnlyList<OutputFile>)[.. Generate(context), .. staticFiles]);
        PageScan[] scans = [.. rendered.Scans.OfType<PageScan>()];
        clock.Time("リンク確認", () =>
        {
            foreach (var diagnostic in LinkChecker.Check(context, files, scans, targets: _linkTargets))
            {
                diagnostics.Add(diagnostic);
            }
        });

        if (write && !diagnostics.HasErrors)
        {
            written = clock.Time("書き込み", () => OutputWriter.Write(options.OutputDirectory, pages, files, options.SearchIndex ? staging => Index(staging, options, diagnostics) : null, _written, staged: staged));
        }

        var result = Result();
        if (written is not null && result.Succeeded && stamps is not null)
        {
            _last = Remember(options, now, stamps, content, frontMatters, rendered, templates, assets, baseUrl, scans, files, staticFiles, context, result);
        }

        return result;

        BuildResult Result() => new(diagnostics.ToSortedList(), pages, written ?? [], clock.Timings);
    }

    private sealed record RenderOutcome(RenderedPage?[] Pages, PagePlan[] Plans, (int Start, int Count) NewsPlans, HashSet<string>[] Reads, Dictionary<string, List<int>> OwnBodies, TrackedHtml Html, ViewIndex Views, SiteView Site, string MarkdownContext, VideoResolver Videos, PageScan?[] Scans);

    /// <summary>The non-page outputs, each generator on its own worker (they only read the context).</summary>
    private List<OutputFile> Generate(OutputContext context)
    {
        var generated = new List<OutputFile>[_outputs.Count];
        Parallel.For(0, _outputs.Count, i => generated[i] = [.. _outputs[i].Generate(context)]);
        return [.. generated.SelectMany(g => g)];
    }

    private RenderOutcome Render(SiteContent content, TemplateSet templates, FingerprintedAssets assets, BuildOptions options, Uri baseUrl, DateTimeOffset now, string settingsPath, DiagnosticBag diagnostics, StagingWriter? staged)
    {
        var published = content.Published(now, options.IncludeDrafts);
        var (html, markdownContext, videos) = RenderMarkdown(content, published, baseUrl, diagnostics);
        var tracked = new TrackedHtml(html);
        var views = new ViewIndex(published, tracked, now);
        var site = new SiteView(published.Settings, views, baseUrl, options.Preview);
        var (plans, ownBodies, newsPlans) = Plan(published, views, tracked, baseUrl, options.Preview, now, settingsPath);

        var pages = new RenderedPage?[plans.Length];
        var reads = new HashSet<string>[plans.Length];
        var scans = new PageScan?[plans.Length];
        var strings = new ScannedStrings();
        Parallel.For(0, plans.Length, i =>
        {
            reads[i] = KeepsStateForRebuilds ? new HashSet<string>(StringComparer.Ordinal) : PageReads.Discarded;
            // Scanned for the link check while the text is at hand, then only the bytes are kept.
            if (RenderPage(templates, site, assets, baseUrl, plans[i], plans[i].Item, reads[i], diagnostics, scan: strings) is { } rendered)
            {
                pages[i] = rendered.Page;
                scans[i] = rendered.Scan;
                staged?.Add(rendered.Page.OutputPath, rendered.Page.Content);
            }
        });

        return new RenderOutcome(pages, plans, newsPlans, reads, ownBodies, tracked, views, site, markdownContext, videos, scans);
    }

    /// <summary>Plans every page; returns, per source path, the detail pages holding that item's own body as page.content.</summary>
    private static (PagePlan[] Plans, Dictionary<string, List<int>> OwnBodies, (int Start, int Count) News) Plan(
        SiteContent published, ViewIndex views, TrackedHtml tracked, Uri baseUrl, bool preview, DateTimeOffset now, string settingsPath,
        Func<ContentItem, PagePlan?>? reuse = null, List<int>? reused = null, LastBuild? last = null)
    {
        // The planner copies a detail page's own body into page.content; any other body it read shapes pages we cannot name.
        var planned = new HashSet<string>(StringComparer.Ordinal);
        var planner = new PagePlanner(published, views, baseUrl, preview, now, settingsPath) { Reuse = reuse, ReusedPlans = reused, ReuseNews = last is null ? null : LastNewsPlans(last) };
        PagePlan[] plans = [.. PageReads.Track(planned, planner.Plan)];
        var (keptStart, keptCount) = planner.NewsKept ? planner.NewsRange : (0, 0);
        var copied = keptCount > 0 && last is not null && last.NewsPlans.Start == keptStart && last.NewsPlans.Count == keptCount;
        var ownBodies = copied
            ? KeptOwnBodies(last!.OwnBodies, keptStart, keptCount)
            : new Dictionary<string, List<int>>(plans.Length, StringComparer.Ordinal);
        for (var i = 0; i < plans.Length; i++)
        {
            var inKept = i >= keptStart && i < keptStart + keptCount;
            if (inKept && copied)
            {
                i = keptStart + keptCount - 1; // their entries were copied
                continue;
            }

            // A kept news page was not planned again, so nothing recorded its read: it holds its item's own body as
            // it did when it was planned.
            if (plans[i].Item is { } item && (inKept || planned.Contains(item.SourcePath)))
            {
                // A new list, never one shared with the last build's entries (which BodyEdits may still read).
                ref var pages = ref CollectionsMarshal.GetValueRefOrAddDefault(ownBodies, item.SourcePath, out var exists);
                pages = exists ? [.. pages!, i] : [i];
            }
        }

        tracked.MarkReadOutsidePages(planned.Where(path => !ownBodies.ContainsKey(path) && !path.Contains(':', StringComparison.Ordinal)));
        return (plans, ownBodies, planner.NewsRange);
    }

    /// <summary>The last build's news plans, for news views that are the very ones it planned them from (ViewIndex kept them).</summary>
    private static Func<IReadOnlyList<NewsView>, IReadOnlyList<PagePlan>?> LastNewsPlans(LastBuild last)
    {
        var (plans, (start, count), views) = (last.Plans, last.NewsPlans, last.Views.News);
        return news => ReferenceEquals(news, views) ? (IReadOnlyList<PagePlan>)new ArraySegment<PagePlan>(plans, start, count) : null;
    }

    /// <summary>
    /// The last build's own-body entries of the kept news pages, which are at the same positions and hold the same
    /// bodies: copied without hashing ten thousand paths again (that was 4 ms of each rebuild). Every other entry is
    /// left out and made again from this build's plans.
    /// </summary>
    private static Dictionary<string, List<int>> KeptOwnBodies(Dictionary<string, List<int>> last, int start, int count)
    {
        var kept = new Dictionary<string, List<int>>(last, StringComparer.Ordinal);
        foreach (var (path, pages) in last)
        {
            foreach (var page in pages)
            {
                if (page < start || page >= start + count)
                {
                    kept.Remove(path);
                    break;
                }
            }
        }

        return kept;
    }

    private static RenderedPage? RenderPage(TemplateSet templates, SiteView site, FingerprintedAssets assets, Uri baseUrl, PagePlan plan, ContentItem? item, HashSet<string> reads, DiagnosticBag diagnostics) =>
        RenderPage(templates, site, assets, baseUrl, plan, item, reads, diagnostics, scan: null)?.Page;

    /// <param name="scan">When not null, also scan the page for the link check while its text is still in the layout
    /// buffer (a full build), sharing the strings found with the build's other pages; a rebuild scans the pages it
    /// renders again later, from their bytes.</param>
    private static ScannedPage? RenderPage(TemplateSet templates, SiteView site, FingerprintedAssets assets, Uri baseUrl, PagePlan plan, ContentItem? item, HashSet<string> reads, DiagnosticBag diagnostics, ScannedStrings? scan)
    {
        var model = new TemplateModel(site, plan.Page, assets.Urls, baseUrl, plan.Page.Url);
        return PageReads.Track(reads, () => templates.Render(plan.Page.Layout, model, plan.Origin, diagnostics, text => Finish(text, plan, item, scan)));
    }

    private sealed record ScannedPage(RenderedPage Page, PageScan? Scan);

    /// <summary>
    /// The page's UTF-8 bytes (all it keeps of its text) and, if asked, its link scan, made from the render's buffer.
    /// A page never exists as a string: ten thousand of them were a tenth of a build's allocations.
    /// </summary>
    private static ScannedPage Finish(StringBuilder text, PagePlan plan, ContentItem? item, ScannedStrings? scan)
    {
        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var span = chars.AsSpan(0, text.Length);
            text.CopyTo(0, span, text.Length);
            var bytes = new byte[Encoding.UTF8.GetByteCount(span)];
            Encoding.UTF8.GetBytes(span, bytes);
            var page = new RenderedPage(plan.Page.Url, plan.OutputPath, plan.Page.Title, plan.Page.Kind, bytes, item, plan.LastModified, !plan.Page.Noindex);
            return new ScannedPage(page, scan is null ? null : PageScan.Parse(page, span, scan));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private (Dictionary<string, string> Html, string Context, VideoResolver Videos) RenderMarkdown(SiteContent all, SiteContent published, Uri baseUrl, DiagnosticBag diagnostics)
    {
        var embeds = published.Videos.ToDictionary(v => v.Slug, v => new VideoEmbed(v.Slug, v.Title,
            $"https://www.youtube-nocookie.com/embed/{v.VideoId}", SiteUrl.Relative(baseUrl, $"/videos/{v.Slug}/")), StringComparer.Ordinal);
        var known = all.Videos.Select(v => v.Slug).ToHashSet(StringComparer.Ordinal);
        var resolver = new VideoResolver(embeds.GetValueOrDefault, known.Contains);

        // What every body's HTML depends on besides its own text: a change here renders all bodies again.
        var context = baseUrl + "\n" + string.Join("\n", published.Videos.Select(v => $"{v.Slug}|{v.Title}|{v.VideoId}")) + "\n" + string.Join("|", known.Order(StringComparer.Ordinal));

        var withBody = Items(published).Where(i => i.Body.Length > 0).ToList();
        var html = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Parallel.ForEach(withBody, item =>
        {
            var source = new MarkdownSource(item.SourcePath, all.SourceMap.BodyFirstLine(item.SourcePath));
            html[item.SourcePath] = _markdownCache.Render(_markdown, item.Body, source, context, resolver, diagnostics);
        });
        _markdownCache.KeepOnly(withBody.Select(i => i.SourcePath).ToHashSet(StringComparer.Ordinal));
        return (new Dictionary<string, string>(html, StringComparer.Ordinal), context, resolver);
    }

    private static IEnumerable<ContentItem> Items(SiteContent content) =>
        [.. content.Events, .. content.People, .. content.Companies, .. content.Videos, .. content.News, .. content.Pages, .. content.Supporters, .. content.Forms];

    private static LastBuild Remember(
        BuildOptions options, DateTimeOffset now, FileStamps stamps, SiteContent content, IReadOnlyDictionary<string, string> frontMatters,
        RenderOutcome rendered, TemplateSet templates, FingerprintedAssets assets, Uri baseUrl, PageScan[] scans,
        IReadOnlyList<OutputFile> files, IReadOnlyList<OutputFile> staticFiles, OutputContext context, BuildResult result)
    {
        return new LastBuild
        {
            Options = options,
            Now = now,
            Stamps = stamps,
            Content = content,
            Items = Items(content).ToDictionary(i => i.SourcePath, StringComparer.Ordinal),
            Published = Items(context.Content).Select(i => i.SourcePath).ToHashSet(StringComparer.Ordinal),
            FrontMatters = new Dictionary<string, string>(frontMatters, StringComparer.Ordinal),
            MarkdownContext = rendered.MarkdownContext,
            Videos = rendered.Videos,
            Html = rendered.Html,
            Views = rendered.Views,
            Site = rendered.Site,
            Plans = rendered.Plans,
            OwnBodies = rendered.OwnBodies,
            NewsPlans = rendered.NewsPlans,
            Templates = templates,
            Assets = assets,
            BaseUrl = baseUrl,
            Reads = rendered.Reads,
            Pages = [.. result.Pages],
            Scans = scans,
            Files = files,
            StaticFiles = staticFiles,
            OutputContext = context,
            Diagnostics = result.Diagnostics,
            Written = result.FilesWritten,
        };
    }

    private static bool Index(string staging, BuildOptions options, DiagnosticBag diagnostics)
    {
        var result = PagefindIndexer.Run(staging, options.RootDirectory);
        foreach (var diagnostic in result.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        return result.Succeeded;
    }

    private static string Relative(BuildOptions options, string path) =>
        Path.GetRelativePath(options.RootDirectory, path).Replace('\\', '/');
}
