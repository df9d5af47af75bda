using System.Collections.Concurrent;
using StartupHub.Site.Build.Assets;
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
public sealed class SiteBuilder(IReadOnlyList<IOutputGenerator>? outputs = null)
{
    private readonly MarkdownRenderer _markdown = new();
    private readonly MarkdownCache _markdownCache = new();
    private readonly IReadOnlyList<IOutputGenerator> _outputs = outputs ?? OutputGenerators.All;
    private readonly ConcurrentDictionary<TemplateDirectories, TemplateEngine> _engines = new();

    // The caches above are swapped per build; one build at a time per builder keeps them consistent.
    private readonly Lock _gate = new();

    /// <summary>Builds the site into <see cref="BuildOptions.OutputDirectory"/>; with any error the folder is left as it was.</summary>
    public BuildResult Build(BuildOptions options, IProgress<PhaseTiming>? progress = null)
    {
        lock (_gate)
        {
            return Run(options, write: true, progress);
        }
    }

    /// <summary>Load, validate, render and check links, writing nothing: fast feedback for pull requests.</summary>
    public BuildResult Check(BuildOptions options, IProgress<PhaseTiming>? progress = null)
    {
        lock (_gate)
        {
            return Run(options, write: false, progress);
        }
    }

    private BuildResult Run(BuildOptions options, bool write, IProgress<PhaseTiming>? progress)
    {
        var diagnostics = new DiagnosticBag();
        var clock = new PhaseClock(progress);
        var now = options.Clock.GetUtcNow();
        IReadOnlyList<RenderedPage> pages = [];
        IReadOnlyList<string> written = [];

        var content = clock.Time("読み込み・検証", () => ContentReader.Read(options.ContentDirectory, options.RootDirectory, diagnostics));
        var directories = new TemplateDirectories(options.RootDirectory, options.ThemeName);
        var templates = clock.Time("テンプレート", () => _engines.GetOrAdd(directories, d => new TemplateEngine(d, _markdown, SiteView.TemplateTypes)).Load(diagnostics));
        if (content is null || diagnostics.HasErrors)
        {
            return Result();
        }

        var baseUrl = options.BaseUrl ?? content.Settings.BaseUrl;
        var settingsPath = Relative(options, Path.Combine(options.ContentDirectory, "site.yml"));
        var assets = clock.Time("アセット", () => AssetPipeline.Fingerprint(directories.Assets, baseUrl));
        pages = clock.Time("描画", () => Render(content, templates, assets, options, baseUrl, now, settingsPath, diagnostics));
        if (diagnostics.HasErrors)
        {
            return Result();
        }

        var context = new OutputContext(content.Published(now, options.IncludeDrafts), options, pages, now);
        var files = clock.Time("出力", () => (IReadOnlyList<OutputFile>)
            [.. _outputs.SelectMany(g => g.Generate(context)), .. assets.Files, .. AssetPipeline.ContentImages(options.ContentDirectory)]);
        clock.Time("リンク確認", () =>
        {
            foreach (var diagnostic in LinkChecker.Check(context, files))
            {
                diagnostics.Add(diagnostic);
            }
        });

        if (write && !diagnostics.HasErrors)
        {
            written = clock.Time("書き込み", () => OutputWriter.Write(options.OutputDirectory, pages, files, options.SearchIndex ? staging => Index(staging, options, diagnostics) : null)) ?? [];
        }

        return Result();

        BuildResult Result() => new(diagnostics.ToSortedList(), pages, written, clock.Timings);
    }

    private IReadOnlyList<RenderedPage> Render(SiteContent content, TemplateSet templates, FingerprintedAssets assets, BuildOptions options, Uri baseUrl, DateTimeOffset now, string settingsPath, DiagnosticBag diagnostics)
    {
        var published = content.Published(now, options.IncludeDrafts);
        var html = RenderMarkdown(content, published, baseUrl, diagnostics);
        var views = new ViewIndex(published, html, now);
        var site = new SiteView(published.Settings, views, baseUrl, options.Preview);
        var plans = new PagePlanner(published, views, baseUrl, options.Preview, now, settingsPath).Plan();

        var pages = new RenderedPage?[plans.Count];
        Parallel.For(0, plans.Count, i =>
        {
            var plan = plans[i];
            var model = new TemplateModel(site, plan.Page, assets.Urls, baseUrl, plan.Page.Url);
            if (templates.Render(plan.Page.Layout, model, plan.Origin, diagnostics) is { } output)
            {
                pages[i] = new RenderedPage(plan.Page.Url, plan.OutputPath, plan.Page.Title, plan.Page.Kind, output, plan.Item, plan.LastModified, !plan.Page.Noindex);
            }
        });

        return [.. pages.OfType<RenderedPage>()];
    }

    private Dictionary<string, string> RenderMarkdown(SiteContent all, SiteContent published, Uri baseUrl, DiagnosticBag diagnostics)
    {
        var embeds = published.Videos.ToDictionary(v => v.Slug, v => new VideoEmbed(v.Slug, v.Title,
            $"https://www.youtube-nocookie.com/embed/{v.VideoId}", SiteUrl.Relative(baseUrl, $"/videos/{v.Slug}/")), StringComparer.Ordinal);
        var known = all.Videos.Select(v => v.Slug).ToHashSet(StringComparer.Ordinal);
        var resolver = new VideoResolver(embeds.GetValueOrDefault, known.Contains);

        // What every body's HTML depends on besides its own text: a change here renders all bodies again.
        var context = baseUrl + "\n" + string.Join("\n", published.Videos.Select(v => $"{v.Slug}|{v.Title}|{v.VideoId}")) + "\n" + string.Join("|", known.Order(StringComparer.Ordinal));

        IEnumerable<ContentItem> items = [.. published.Events, .. published.People, .. published.Companies, .. published.Videos,
            .. published.News, .. published.Pages, .. published.Supporters, .. published.Forms];
        var withBody = items.Where(i => i.Body.Length > 0).ToList();
        var html = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Parallel.ForEach(withBody, item =>
        {
            var source = new MarkdownSource(item.SourcePath, all.SourceMap.BodyFirstLine(item.SourcePath));
            html[item.SourcePath] = _markdownCache.Render(_markdown, item.Body, source, context, resolver, diagnostics);
        });
        _markdownCache.KeepOnly(withBody.Select(i => i.SourcePath).ToHashSet(StringComparer.Ordinal));
        return new Dictionary<string, string>(html, StringComparer.Ordinal);
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
