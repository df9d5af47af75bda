using StartupHub.Site.Build.Write;
using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Markdown;
using StartupHub.Site.Outputs.Links;
using StartupHub.Site.Validation;
using StartupHub.Site.Validation.Rules;

namespace StartupHub.Site.Build;

/// <summary>
/// The rebuild after saves that changed only Markdown bodies (the common "fix a sentence" save): every record's
/// front matter, view, page plan and non-page output is still right. So: render the new bodies, re-render the
/// pages that read them (known from the last render, see <see cref="Incremental.TrackedHtml"/>), run the body rule
/// of the validation on them, check those pages' links (all pages' links if their anchors changed) and write
/// the changed files.
/// </summary>
public sealed partial class SiteBuilder
{
    private BuildResult? BodyEdits(BuildOptions options, Incremental.LastBuild last, Changes changes, PhaseClock clock)
    {
        var diagnostics = new DiagnosticBag();
        foreach (var diagnostic in last.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        var items = changes.Files.Select(f => last.Items[f.Path] with { Body = f.Text.Body }).ToList();
        var rerender = clock.Time("本文の更新", () => UpdateBodies(options, last, items, diagnostics));
        var pages = (RenderedPage[])last.Pages.Clone();
        var reads = new HashSet<string>[rerender.Count];
        clock.Time("描画", () => Parallel.For(0, rerender.Count, i =>
        {
            var index = rerender[i];
            var plan = last.Plans[index];
            var item = plan.Item is null ? null : last.Items.GetValueOrDefault(plan.Item.SourcePath, plan.Item);
            reads[i] = new HashSet<string>(StringComparer.Ordinal);
            pages[index] = RenderPage(last.Templates, last.Site, last.Assets, last.BaseUrl, plan, item, reads[i], diagnostics)!;
        }));

        var scans = last.Scans;
        if (!diagnostics.HasErrors)
        {
            scans = clock.Time("リンク確認", () => CheckLinks(last.OutputContext, last.Files, last.Scans, pages, last.Files, rerender, diagnostics));
        }

        if (diagnostics.HasErrors)
        {
            // The full build reports the same faults, from a clean state.
            _last = null;
            return null;
        }

        var touched = rerender.Select(i => pages[i].OutputPath.TrimStart('/')).ToHashSet(StringComparer.Ordinal);
        var written = clock.Time("書き込み", () => OutputWriter.Write(options.OutputDirectory, pages, last.Files, null, _written, touched)) ?? [];
        for (var i = 0; i < rerender.Count; i++)
        {
            last.Reads[rerender[i]] = reads[i];
        }

        last.Content = Replace(last.Content, items);
        last.Scans = scans;
        last.Pages = pages;
        last.Stamps = changes.Stamps;
        last.Diagnostics = diagnostics.ToSortedList();
        last.Written = written;
        return new BuildResult(last.Diagnostics, pages, written, clock.Timings);
    }

    /// <summary>
    /// Scans the re-rendered pages and checks their links — every page's links when the anchors of a re-rendered
    /// page changed or an output file came or went (a link elsewhere may now point at nothing, or at something).
    /// </summary>
    /// <param name="previousScans">The last scans, in the order of <paramref name="pages"/>.</param>
    private PageScan[] CheckLinks(
        OutputContext context, IReadOnlyList<OutputFile> previousFiles, PageScan[] previousScans, RenderedPage[] pages, IReadOnlyList<OutputFile> files, IReadOnlyList<int> rerender, DiagnosticBag diagnostics)
    {
        var scans = (PageScan[])previousScans.Clone();
        var everything = !ReferenceEquals(files, previousFiles) && !files.Select(f => f.Path).SequenceEqual(previousFiles.Select(f => f.Path), StringComparer.Ordinal);
        var rescanned = new PageScan[rerender.Count];
        Parallel.For(0, rerender.Count, i => rescanned[i] = PageScan.Parse(pages[rerender[i]]));
        for (var i = 0; i < rerender.Count; i++)
        {
            var index = rerender[i];
            everything |= !rescanned[i].Ids.SetEquals(scans[index].Ids);
            scans[index] = rescanned[i];
        }

        var check = rerender.ToHashSet();
        foreach (var diagnostic in LinkChecker.Check(context with { Pages = pages }, files, scans, everything ? null : check.Contains, _linkTargets))
        {
            diagnostics.Add(diagnostic);
        }

        return scans;
    }

    /// <summary>Validates and renders the new bodies; returns the indexes of the pages to render again.</summary>
    private List<int> UpdateBodies(BuildOptions options, Incremental.LastBuild last, List<ContentItem> items, DiagnosticBag diagnostics)
    {
        // The body rule is the only validation rule that reads a body; the others saw the same front matter last time.
        new MarkdownBodyRule().Check(new ValidationContext(Only(last.Content, items), diagnostics, Loading.LoadFaults.None, Relative(options, Path.Combine(options.ContentDirectory, "site.yml"))));

        var read = new HashSet<string>(StringComparer.Ordinal);
        var pages = new SortedSet<int>();
        foreach (var item in items)
        {
            last.Items[item.SourcePath] = item;
            if (!last.Published.Contains(item.SourcePath))
            {
                continue; // a draft's body is on no page
            }

            var html = UpdateBody(last, item, diagnostics);
            foreach (var index in last.OwnBodies.GetValueOrDefault(item.SourcePath) ?? [])
            {
                var plan = last.Plans[index];
                last.Plans[index] = plan with { Page = plan.Page with { Content = html }, Item = item };
                pages.Add(index);
            }

            read.Add(item.SourcePath);
        }

        pages.UnionWith(last.PagesReading(read, bodies: true));
        return [.. pages];
    }

    /// <summary>Renders one published item's new body into the shared body dictionary; returns the HTML.</summary>
    private string UpdateBody(Incremental.LastBuild last, ContentItem item, DiagnosticBag diagnostics)
    {
        if (item.Body.Length == 0)
        {
            last.Html.Remove(item.SourcePath);
            return "";
        }

        var source = new MarkdownSource(item.SourcePath, last.Content.SourceMap.BodyFirstLine(item.SourcePath));
        var html = _markdownCache.Render(_markdown, item.Body, source, last.MarkdownContext, last.Videos, diagnostics);
        last.Html.Set(item.SourcePath, html);
        return html;
    }

    /// <summary>Settings and source map of <paramref name="content"/> with only <paramref name="items"/> in its collections (for rules run on edited items).</summary>
    private static SiteContent Only(SiteContent content, List<ContentItem> items) => new()
    {
        Settings = content.Settings,
        Videos = content.Videos,
        SourceMap = content.SourceMap,
        Events = [.. items.OfType<Event>()],
        People = [.. items.OfType<Person>()],
        Companies = [.. items.OfType<Company>()],
        News = [.. items.OfType<NewsItem>()],
        Pages = [.. items.OfType<Page>()],
        Supporters = [.. items.OfType<Supporter>()],
        Forms = [.. items.OfType<Form>()],
    };
}
