using StartupHub.Site.Build.Write;
using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Loading;
using StartupHub.Site.Markdown;
using StartupHub.Site.Outputs.Links;
using StartupHub.Site.Validation;
using StartupHub.Site.Validation.Rules;

namespace StartupHub.Site.Build;

/// <summary>
/// The dev server's fast rebuild. When the only files changed since the last successful build of this builder
/// are Markdown files whose front matter is byte-for-byte the same (the common "fix a sentence" save), every
/// record, view, page plan and non-page output is still right; only those items' bodies changed. So: render the
/// new bodies, re-render the pages that read them (known from the last render, see <see cref="Incremental.TrackedHtml"/>),
/// run the body rule of the validation on them, check those pages' links (all pages' links if their anchors
/// changed) and write the changed files. Anything else — a front matter, template, asset or added/removed file,
/// an error, a clock that moved on more than <see cref="ClockTolerance"/> — takes the full build, which is
/// always correct.
/// </summary>
public sealed partial class SiteBuilder
{
    /// <summary>A body-only rebuild keeps the last full build's clock (event states, scheduled items) at most this long.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

    private BuildResult? TryBodyEdits(BuildOptions options, IProgress<PhaseTiming>? progress)
    {
        if (_last is not { } last || options.SearchIndex || options with { Clock = last.Options.Clock } != last.Options)
        {
            return null;
        }

        var now = options.Clock.GetUtcNow();
        if (now < last.Now || now - last.Now > ClockTolerance)
        {
            return null;
        }

        var clock = new PhaseClock(progress);
        var found = clock.Time("変更の確認", () => FindBodyEdits(options, last));
        if (found is not { } edits)
        {
            return null;
        }

        var diagnostics = new DiagnosticBag();
        foreach (var diagnostic in last.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        var rerender = clock.Time("本文の更新", () => UpdateBodies(options, last, edits.Items, diagnostics));
        var pages = (RenderedPage[])last.Pages.Clone();
        var reads = new HashSet<string>[rerender.Count];
        clock.Time("描画", () => Parallel.For(0, rerender.Count, i =>
        {
            var index = rerender[i];
            var plan = last.Plans[index];
            var item = plan.Item is null ? null : last.Items.GetValueOrDefault(plan.Item.SourcePath, plan.Item);
            reads[i] = new HashSet<string>(StringComparer.Ordinal);
            pages[index] = RenderPage(last.Templates, last.Site, last.Assets, last.BaseUrl, plan, item, last.Html, reads[i], diagnostics)!;
        }));

        if (!diagnostics.HasErrors)
        {
            clock.Time("リンク確認", () =>
            {
                var scans = (PageScan[])last.Scans.Clone();
                var anchorsMoved = false;
                foreach (var index in rerender)
                {
                    scans[index] = PageScan.Parse(pages[index]);
                    anchorsMoved |= !scans[index].Ids.SetEquals(last.Scans[index].Ids);
                }

                var check = rerender.ToHashSet();
                foreach (var diagnostic in LinkChecker.Check(last.OutputContext with { Pages = pages }, last.Files, scans, anchorsMoved ? null : check.Contains))
                {
                    diagnostics.Add(diagnostic);
                }

                last.Scans = scans;
            });
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
            last.AddReads(rerender[i], reads[i]);
        }

        last.Pages = pages;
        last.Stamps = edits.Stamps;
        last.Diagnostics = diagnostics.ToSortedList();
        last.Written = written;
        return new BuildResult(last.Diagnostics, pages, written, clock.Timings);
    }

    private sealed record Edits(Incremental.FileStamps Stamps, List<ContentItem> Items);

    /// <summary>The edited items with their new bodies, or null when anything but bodies changed.</summary>
    private static Edits? FindBodyEdits(BuildOptions options, Incremental.LastBuild last)
    {
        var stamps = Incremental.FileStamps.Take(Incremental.LastBuild.Inputs(options));
        if (stamps.ChangedSince(last.Stamps) is not { } changed)
        {
            return null;
        }

        var items = new List<ContentItem>();
        foreach (var full in changed)
        {
            var path = Relative(options, full);
            if (!path.EndsWith(".md", StringComparison.Ordinal)
                || !last.Items.TryGetValue(path, out var item)
                || !last.FrontMatters.TryGetValue(path, out var frontMatter)
                || last.Html.ReadOutsidePages(path)
                || last.Diagnostics.Any(d => d.Location.Path == path))
            {
                return null;
            }

            string text;
            try
            {
                text = File.ReadAllText(full);
            }
            catch (IOException)
            {
                return null;
            }

            if (FrontMatter.Split(text, out _) is not { } split
                || split.Yaml != frontMatter
                || split.BodyFirstLine != last.Content.SourceMap.BodyFirstLine(path))
            {
                return null;
            }

            items.Add(item with { Body = split.Body });
        }

        return new Edits(stamps, items);
    }

    /// <summary>Validates and renders the new bodies; returns the indexes of the pages to render again.</summary>
    private List<int> UpdateBodies(BuildOptions options, Incremental.LastBuild last, List<ContentItem> items, DiagnosticBag diagnostics)
    {
        // The body rule is the only validation rule that reads a body; the others saw the same front matter last time.
        var edited = new SiteContent
        {
            Settings = last.Content.Settings,
            Videos = last.Content.Videos,
            SourceMap = last.Content.SourceMap,
            Events = [.. items.OfType<Event>()],
            People = [.. items.OfType<Person>()],
            Companies = [.. items.OfType<Company>()],
            News = [.. items.OfType<NewsItem>()],
            Pages = [.. items.OfType<Page>()],
            Supporters = [.. items.OfType<Supporter>()],
            Forms = [.. items.OfType<Form>()],
        };
        new MarkdownBodyRule().Check(new ValidationContext(edited, diagnostics, LoadFaults.None, Relative(options, Path.Combine(options.ContentDirectory, "site.yml"))));

        var pages = new SortedSet<int>(last.ReadAll);
        foreach (var item in items)
        {
            last.Items[item.SourcePath] = item;
            if (!last.Published.Contains(item.SourcePath))
            {
                continue; // a draft's body is on no page
            }

            var html = "";
            if (item.Body.Length > 0)
            {
                var source = new MarkdownSource(item.SourcePath, last.Content.SourceMap.BodyFirstLine(item.SourcePath));
                html = _markdownCache.Render(_markdown, item.Body, source, last.MarkdownContext, last.Videos, diagnostics);
                last.Html.Set(item.SourcePath, html);
            }
            else
            {
                last.Html.Remove(item.SourcePath);
            }

            foreach (var index in last.OwnBodies.GetValueOrDefault(item.SourcePath) ?? [])
            {
                var plan = last.Plans[index];
                last.Plans[index] = plan with { Page = plan.Page with { Content = html }, Item = item };
                pages.Add(index);
            }

            pages.UnionWith(last.Readers.GetValueOrDefault(item.SourcePath) ?? []);
        }

        return [.. pages];
    }
}
