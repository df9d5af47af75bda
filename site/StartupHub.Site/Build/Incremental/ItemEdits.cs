using StartupHub.Site.Build.Incremental;
using StartupHub.Site.Build.Pages;
using StartupHub.Site.Build.Write;
using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Validation;
using StartupHub.Site.Views;

namespace StartupHub.Site.Build;

/// <summary>
/// The rebuild after saves that changed items' front matter (a title, a date, tags, speakers...), when the same
/// files still exist, keep their slug, draft flag and publishing dates (so every collection holds the same items)
/// and the last build had no diagnostics. It re-reads and validates the edited items, renders their bodies,
/// rebuilds the views and page plans (cheap), and then re-renders only the pages that
/// <list type="bullet">
/// <item>read any member of an edited item, or its body (recorded while rendering, see <see cref="PageReads"/>),</item>
/// <item>enumerated a collection whose order or cross-references changed (<see cref="ViewIndex.ChangedLists"/>), or</item>
/// <item>got a different <c>page</c> variable (title, JSON-LD, list items, ...; <see cref="PlanComparer"/>).</item>
/// </list>
/// The non-page outputs are generated again (they read whole collections), links are checked for the re-rendered
/// pages, and only files whose content changed are written. Any diagnostic sends the save to the full build.
/// </summary>
public sealed partial class SiteBuilder
{
    private BuildResult? ItemEdits(BuildOptions options, LastBuild last, Changes changes, PhaseClock clock)
    {
        if (last.Diagnostics.Count > 0)
        {
            return null; // they would have to be told apart from the edit's own: the full build reports them all
        }

        var settingsPath = Relative(options, Path.Combine(options.ContentDirectory, "site.yml"));
        var diagnostics = new DiagnosticBag();
        var read = clock.Time("読み込み", () => ReadItems(last, changes, diagnostics));
        if (read is not { } edited || HasAny(diagnostics))
        {
            return null;
        }

        // From here the builder's state is being changed: any way out but success drops it (the next build is a full one).
        _last = null;
        foreach (var (item, tree) in edited)
        {
            last.Content.SourceMap.SetTree(item.SourcePath, tree);
            last.Content.SourceMap.SetBodyFirstLine(item.SourcePath, changes.Files.Single(f => f.Path == item.SourcePath).Text.BodyFirstLine);
        }

        // Every validation rule runs on the other core while this one builds views and plans and renders; its verdict
        // is awaited before any output is generated or written. Nothing it reads is changed meanwhile (the source map
        // was updated above; the content records are immutable).
        var validation = Task.Run(() => Validate(last, edited, settingsPath));
        try
        {
            var items = edited.ConvertAll(e => e.Item);
            var content = Replace(last.Content, items);
            var published = content.Published(last.Now, options.IncludeDrafts);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var bodies = false;
            foreach (var item in items)
            {
                keys.Add(PageReads.Item(item.SourcePath));
                if (last.Published.Contains(item.SourcePath) && item.Body != last.Items[item.SourcePath].Body)
                {
                    UpdateBody(last, item, diagnostics);
                    keys.Add(item.SourcePath);
                    bodies = true;
                }
            }

            // No news file edited (Replace kept the list): the news views stay, and so do the news pages' plans.
            var sameNews = ReferenceEquals(content.News, last.Content.News) ? last.Views : null;
            var (views, site, reuse) = clock.Time("ビュー", () =>
            {
                var views = new ViewIndex(published, last.Html, last.Now, sameNews);
                return (views, new SiteView(published.Settings, views, last.BaseUrl, options.Preview), ReusablePlans(last, items));
            });
            var reused = new List<int>();
            var (plans, ownBodies, newsPlans) = clock.Time("計画", () => Plan(published, views, last.Html, last.BaseUrl, options.Preview, last.Now, settingsPath, reuse, reused, last));
            if (HasAny(diagnostics) || MatchPlans(last, plans) is not { } previous)
            {
                return null;
            }

            var pages = new RenderedPage[plans.Length];
            var reads = new HashSet<string>[plans.Length];
            var scans = new Outputs.Links.PageScan[plans.Length];
            var rerender = clock.Time("比較", () =>
            {
                keys.UnionWith(ViewIndex.ChangedLists(last.Views, views));
                var stale = last.PagesReading(keys, bodies);
                var again = new bool[plans.Length];
                var reusedAt = new bool[plans.Length];
                reused.ForEach(i => reusedAt[i] = true);
                Parallel.For(0, plans.Length, i =>
                {
                    var before = last.Pages[previous[i]];
                    var plan = plans[i];
                    // Every field but the HTML as the render will give it: the other outputs are generated from these
                    // while the pages render.
                    pages[i] = before.Title == plan.Page.Title && ReferenceEquals(before.Item, plan.Item) && before.LastModified == plan.LastModified
                        && before.Kind == plan.Page.Kind && before.Indexable == !plan.Page.Noindex
                        ? before
                        : before with { Title = plan.Page.Title, Item = plan.Item, LastModified = plan.LastModified, Kind = plan.Page.Kind, Indexable = !plan.Page.Noindex };
                    reads[i] = last.Reads[previous[i]];
                    scans[i] = last.Scans[previous[i]];
                    // A reused plan is the previous plan of this same page (same URL, see MatchPlans) with a new view of the same item.
                    again[i] = stale.Contains(previous[i]) || !(reusedAt[i] || PlanComparer.Same(last.Plans[previous[i]], plan));
                });

                return Enumerable.Range(0, plans.Length).Where(i => again[i]).ToList();
            });

            // The other outputs (sitemap, feed, calendars, manifest...) read the pages' addresses, titles and dates, all
            // final above, and never the HTML being rendered: they are generated on the side while the pages render.
            var context = new OutputContext(published, options, pages, last.Now);
            var generating = Task.Run(() => Generate(context));
            clock.Time("描画", () => Parallel.ForEach(rerender, i =>
            {
                reads[i] = new HashSet<string>(StringComparer.Ordinal);
                // A failed render keeps the old page for the generators' sake; its diagnostic ends this rebuild below.
                pages[i] = RenderPage(last.Templates, site, last.Assets, last.BaseUrl, plans[i], plans[i].Item, reads[i], diagnostics) ?? pages[i];
            }));
            // Awaited before any way out: the generators keep state between builds (LastOutput), so one still running
            // from an abandoned rebuild must not overlap the full build that follows.
            var generated = clock.Time("出力", () => generating.GetAwaiter().GetResult());
            if (HasAny(diagnostics))
            {
                return null;
            }

            if (HasAny(clock.Time("検証", () => validation.GetAwaiter().GetResult())))
            {
                return null;
            }

            IReadOnlyList<OutputFile> files = [.. generated, .. last.StaticFiles];
            var checkedScans = clock.Time("リンク確認", () => CheckLinks(context, last.Files, scans, pages, files, rerender, diagnostics));
            if (HasAny(diagnostics))
            {
                return null;
            }

            // The pages have the same paths as last time (MatchPlans); when the other files do too, only what was rendered
            // or generated again is compared with what is on disk.
            var samePaths = files.Count == last.Files.Count && files.Select(f => f.Path).SequenceEqual(last.Files.Select(f => f.Path), StringComparer.Ordinal);
            var written = clock.Time("書き込み", () =>
            {
                if (samePaths && OutputWriter.TryUpdateSamePaths(
                    options.OutputDirectory, [.. rerender.Select(i => (pages[i].OutputPath, pages[i].Utf8Html)), .. generated.Select(f => (f.Path, f.Content))], pages.Length + files.Count, _written))
                {
                    return last.Written;
                }

                var touched = rerender.Select(i => pages[i].OutputPath.TrimStart('/')).Concat(generated.Select(f => f.Path.TrimStart('/'))).ToHashSet(StringComparer.Ordinal);
                return OutputWriter.Write(options.OutputDirectory, pages, files, null, _written, touched);
            }) ?? [];

            foreach (var item in items)
            {
                last.Items[item.SourcePath] = item;
                last.FrontMatters[item.SourcePath] = changes.Files.Single(f => f.Path == item.SourcePath).Text.Yaml;
            }

            last.Content = content;
            last.Bodiless = Replace(last.Bodiless!, [.. items.Select(i => i with { Body = "" })]);
            last.Views = views;
            last.Site = site;
            last.Plans = plans;
            last.OwnBodies = ownBodies;
            last.NewsPlans = newsPlans;
            last.Reads = reads;
            last.Pages = pages;
            last.Scans = checkedScans;
            last.Files = files;
            last.OutputContext = context;
            last.Stamps = changes.Stamps;
            last.Diagnostics = [];
            last.Written = written;
            _last = last;
            return new BuildResult(last.Diagnostics, pages, written, clock.Timings);
        }
        finally
        {
            // Every way out waits for the validation (without rethrowing: its verdict was either awaited above or no
            // longer matters), so nothing of an abandoned rebuild runs on into the full build that follows.
            Task.WhenAny(validation).GetAwaiter().GetResult();
        }
    }

    /// <summary>The edited items, read (not yet validated), or null when one cannot take this path.</summary>
    private static List<(ContentItem Item, Loading.YMapping Tree)>? ReadItems(LastBuild last, Changes changes, DiagnosticBag diagnostics)
    {
        var edited = new List<(ContentItem Item, Loading.YMapping Tree)>();
        foreach (var file in changes.Files)
        {
            if (ItemReader.Read(file.Path, file.Text, diagnostics) is not { } read)
            {
                return null;
            }

            var before = last.Items[file.Path];
            if (read.Item.GetType() != before.GetType() || read.Item.Slug != before.Slug || read.Item.Publishing != before.Publishing)
            {
                return null; // a collection would gain or lose an item
            }

            edited.Add(read);
        }

        return edited;
    }

    /// <summary>
    /// Every rule, over the whole content (references run both ways), but only the edited items keep their bodies:
    /// the body rule parses Markdown, and the other bodies are the ones the last build checked clean.
    /// </summary>
    private static DiagnosticBag Validate(LastBuild last, List<(ContentItem Item, Loading.YMapping Tree)> edited, string settingsPath)
    {
        var diagnostics = new DiagnosticBag();
        last.Bodiless ??= Replace(last.Content, [.. last.Items.Values.Where(i => i.Body.Length > 0).Select(i => i with { Body = "" })]);
        var content = Replace(last.Bodiless, [.. edited.Select(e => e.Item)]);
        ContentValidator.Validate(content, diagnostics, new Loading.LoadFaults(), settingsPath);
        return diagnostics;
    }

    /// <summary>
    /// The last plans of detail pages that the edits cannot have changed: an unchanged item's page title, description,
    /// image, breadcrumbs and body are its own; its JSON-LD (Outputs/JsonLd/JsonLd.cs) reads only the item itself,
    /// except an event's, which names its speakers (people) and venue (venues.yml, whose edits take the full build).
    /// List pages are always planned again (their items are other items). The random-edit test compares with full builds.
    /// </summary>
    private static Func<ContentItem, PagePlan?> ReusablePlans(LastBuild last, List<ContentItem> items)
    {
        var edited = items.Select(i => i.SourcePath).ToHashSet(StringComparer.Ordinal);
        var peopleEdited = items.Exists(i => i is Person);
        var plans = last.Plans;
        var index = last.DetailPlanIndex ??= DetailPlanIndex(plans);
        return item =>
        {
            if (edited.Contains(item.SourcePath) || (item is Event && peopleEdited) || !index.TryGetValue(item.SourcePath, out var at) || at < 0)
            {
                return null;
            }

            // The index was made for an earlier build's plans; pages keep their order unless an edit reorders a list,
            // and a plan that moved is planned anew (and the index made again for the next rebuild).
            if (at < plans.Length && plans[at] is { Item: { } planned, Page.Item: IContentView } plan && planned.SourcePath == item.SourcePath)
            {
                return plan;
            }

            last.DetailPlanIndex = null;
            return null;
        };
    }

    /// <summary>Source path → position of that item's detail page in <paramref name="plans"/>; -1 for an item with two
    /// detail pages (which could not tell which plan is which: both are planned again).</summary>
    private static Dictionary<string, int> DetailPlanIndex(PagePlan[] plans)
    {
        var index = new Dictionary<string, int>(plans.Length, StringComparer.Ordinal);
        for (var i = 0; i < plans.Length; i++)
        {
            if (plans[i].Item is { } item && plans[i].Page.Item is IContentView)
            {
                index[item.SourcePath] = index.ContainsKey(item.SourcePath) ? -1 : i;
            }
        }

        return index;
    }

    /// <summary>Warnings too: this path keeps no diagnostics, so the full build must report any.</summary>
    private static bool HasAny(DiagnosticBag diagnostics) => diagnostics.ToSortedList().Count > 0;

    /// <summary>For each new plan, the index of the same page (by URL) in the last build, or null when the pages are not the same set.</summary>
    private static int[]? MatchPlans(LastBuild last, PagePlan[] plans)
    {
        if (plans.Length != last.Plans.Length)
        {
            return null;
        }

        var byUrl = new Dictionary<string, int>(last.Plans.Length, StringComparer.Ordinal);
        for (var i = 0; i < last.Plans.Length; i++)
        {
            byUrl[last.Plans[i].Page.Url] = i;
        }

        var previous = new int[plans.Length];
        for (var i = 0; i < plans.Length; i++)
        {
            if (!byUrl.Remove(plans[i].Page.Url, out previous[i]))
            {
                return null;
            }
        }

        return previous;
    }
}
