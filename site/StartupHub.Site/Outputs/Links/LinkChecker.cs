using System.Collections.Concurrent;
using StartupHub.Site.Build;
using StartupHub.Site.Content;
using StartupHub.Site.Outputs.Common;
using Diagnostic = StartupHub.Site.Diagnostics.Diagnostic;

namespace StartupHub.Site.Outputs.Links;

/// <summary>
/// Checks that every internal link of the rendered pages resolves to an output file, and every
/// <c>#fragment</c> to an element id on the target page. Each page is scanned once, in parallel, without a DOM.
/// A link written in an item's Markdown is reported at its line in that file; a link that comes from a
/// template is reported once (not once per page using the template) at the first page's output path and
/// HTML line, with the number of other pages that share it.
/// </summary>
public static class LinkChecker
{
    public const string BrokenLinkCode = "broken-link";

    public const string MissingAnchorCode = "missing-anchor";

    /// <summary>Written after the check (Pagefind runs on the written folder), so links into it cannot be resolved here.</summary>
    public static readonly IReadOnlyList<string> DefaultIgnoredPrefixes = ["/pagefind/"];

    /// <summary>Checks a build's pages against its pages and other outputs; the forms API path is not a file and is skipped.</summary>
    public static IReadOnlyList<Diagnostic> Check(OutputContext context, IEnumerable<OutputFile> otherOutputs) =>
        Check(context, otherOutputs, Scan(context.Pages));

    /// <summary>As <see cref="Check(OutputContext, IEnumerable{OutputFile})"/> with the pages already scanned; <paramref name="checkPage"/> picks whose links are checked.</summary>
    /// <param name="targets">Kept by the caller between builds to spare rebuilding the link targets (see <see cref="LinkTargets"/>).</param>
    internal static IReadOnlyList<Diagnostic> Check(OutputContext context, IEnumerable<OutputFile> otherOutputs, PageScan[] scans, Func<int, bool>? checkPage = null, LinkTargets? targets = null)
    {
        var ignored = DefaultIgnoredPrefixes.ToList();
        if (context.Content.Settings.ApiBase.StartsWith('/'))
        {
            ignored.Add(context.Content.Settings.ApiBase);
        }

        return Check(scans, otherOutputs.Select(o => o.Path), context.BaseUrl, context.Options.RootDirectory, ignored, checkPage, targets);
    }

    /// <summary>Scans every page once, in parallel.</summary>
    internal static PageScan[] Scan(IReadOnlyList<RenderedPage> pages)
    {
        var scans = new PageScan[pages.Count];
        Parallel.For(0, pages.Count, i => scans[i] = PageScan.Parse(pages[i]));
        return scans;
    }

    /// <param name="pages">The rendered pages; their <see cref="RenderedPage.OutputPath"/> are output files too.</param>
    /// <param name="otherFiles">Other output files, relative to the output folder with forward slashes.</param>
    /// <param name="baseUrl">The effective base URL; its path is the base path every internal link must start with.</param>
    /// <param name="rootDirectory">Repository root, to find a link's line in the item's source file (optional).</param>
    /// <param name="ignoredPrefixes">Site paths not checked (defaults to <see cref="DefaultIgnoredPrefixes"/>).</param>
    public static IReadOnlyList<Diagnostic> Check(
        IReadOnlyList<RenderedPage> pages,
        IEnumerable<string> otherFiles,
        Uri baseUrl,
        string? rootDirectory = null,
        IEnumerable<string>? ignoredPrefixes = null) =>
        Check(Scan(pages), otherFiles, baseUrl, rootDirectory, ignoredPrefixes);

    private static IReadOnlyList<Diagnostic> Check(
        PageScan[] scans,
        IEnumerable<string> otherFiles,
        Uri baseUrl,
        string? rootDirectory,
        IEnumerable<string>? ignoredPrefixes,
        Func<int, bool>? checkPage = null,
        LinkTargets? targets = null)
    {
        var ignored = (ignoredPrefixes ?? DefaultIgnoredPrefixes).ToArray();
        targets = (targets ?? new LinkTargets()).Update(scans, [.. otherFiles]);
        var files = targets.Files;
        var byFile = targets.ByFile;

        var sources = new SourceLines(rootDirectory);
        var inSource = new ConcurrentBag<Diagnostic>();
        var fromTemplates = new ConcurrentBag<(string Key, RenderedPage Page, Diagnostic Diagnostic)>();
        // A root-relative link means the same on every page, and the templates repeat the same few on all of them:
        // resolving each once saves most of the URI parsing.
        var rootRelative = new ConcurrentDictionary<string, (string Code, string Message)?>(StringComparer.Ordinal);
        Parallel.For(0, scans.Length, index =>
        {
            if (checkPage is not null && !checkPage(index))
            {
                return;
            }

            var scan = scans[index];
            var pageUrl = new Uri(SiteUrls.Absolute(baseUrl, scan.Page.Url));
            foreach (var link in scan.Links)
            {
                // Looked up before anything is allocated: a closure per link (a million and a half in a 10,000-page
                // build) cost 40 MB, though nearly every root-relative link is already resolved.
                var found = !link.Href.StartsWith('/') || link.Href.StartsWith("//", StringComparison.Ordinal)
                    ? Problem(link, pageUrl, baseUrl, files, byFile, ignored)
                    : rootRelative.TryGetValue(link.Href, out var known)
                        ? known
                        : rootRelative.GetOrAdd(link.Href, Problem(link, pageUrl, baseUrl, files, byFile, ignored));
                if (found is not { } problem)
                {
                    continue;
                }

                if (scan.Page.Item is { } item && sources.Find(item.SourcePath, Needles(link, baseUrl, scan)) is { } location)
                {
                    inSource.Add(Diagnostic.Error(location, problem.Code, problem.Message));
                }
                else
                {
                    var (line, column) = scan.Locate(link.Href);
                    var at = new SourceLocation(scan.Page.OutputPath, line, column);
                    fromTemplates.Add((problem.Code + "\n" + link.Href, scan.Page, Diagnostic.Error(at, problem.Code, problem.Message)));
                }
            }
        });

        var grouped = fromTemplates
            .GroupBy(t => t.Key, StringComparer.Ordinal)
            .Select(group =>
            {
                var ordered = group.OrderBy(t => t.Page.OutputPath, StringComparer.Ordinal).ThenBy(t => t.Diagnostic.Location.Line).ToList();
                var first = ordered[0].Diagnostic;
                var others = ordered.Select(t => t.Page.OutputPath).Distinct(StringComparer.Ordinal).Count() - 1;
                return others == 0 ? first : first with { Message = first.Message + $"（テンプレート由来: ほか {others} ページにも同じリンクがあります）" };
            });

        return [.. inSource.Concat(grouped)
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];
    }

    private static (string Code, string Message)? Problem(
        FoundLink link,
        Uri pageUrl,
        Uri baseUrl,
        HashSet<string> files,
        Dictionary<string, PageScan> byFile,
        string[] ignored)
    {
        if (LinkTarget.Resolve(link.Href, pageUrl, baseUrl) is not { } target)
        {
            return null;
        }

        if (target.OutsideBasePath)
        {
            return (BrokenLinkCode, $"リンク先 '{link.Href}' が見つかりません（サイトのベースパス '{SiteUrls.BasePath(baseUrl)}' の外を指しています。テンプレートでは url フィルターを使ってください）");
        }

        if (ignored.Any(prefix => target.SitePath.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return null;
        }

        var file = target.CandidateFiles().FirstOrDefault(files.Contains);
        if (file is null)
        {
            return (BrokenLinkCode, $"リンク先 '{link.Href}' が見つかりません");
        }

        if (target.Fragment is { } fragment && byFile.TryGetValue(file, out var targetPage) && !targetPage.Ids.Contains(fragment))
        {
            return (MissingAnchorCode, $"リンク先 '{link.Href}' のページに id=\"{fragment}\" の要素がありません");
        }

        return null;
    }

    /// <summary>
    /// How the link may have been written in Markdown — as rendered, then without the base path, then by
    /// its text — and how far into each needle the link itself starts, so the column points at the URL.
    /// </summary>
    private static IEnumerable<(string Needle, int Offset)> Needles(FoundLink link, Uri baseUrl, PageScan scan)
    {
        yield return ("](" + link.Href, 2);
        var basePath = SiteUrls.BasePath(baseUrl);
        var written = basePath != "/" && link.Href.StartsWith(basePath, StringComparison.Ordinal)
            ? "/" + link.Href[basePath.Length..]
            : null;
        if (written is not null)
        {
            yield return ("](" + written, 2);
        }

        yield return (link.Href, 0);
        if (written is not null)
        {
            yield return (written, 0);
        }

        var text = link.TextIn(scan.Page.Html);
        if (text.Length >= 2)
        {
            yield return ("[" + text + "]", 0);
        }
    }

    internal static string Normalize(string path) => path.Replace('\\', '/').TrimStart('/');
}
