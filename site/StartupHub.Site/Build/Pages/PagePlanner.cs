using StartupHub.Site.Content;
using StartupHub.Site.Loading;
using StartupHub.Site.Templates.Filters;
using StartupHub.Site.Views;
using JsonLdBuilder = StartupHub.Site.Outputs.JsonLd.JsonLd;

namespace StartupHub.Site.Build.Pages;

/// <summary>Every page of the URL table in docs/content-model.md, as plans for the render phase.</summary>
/// <param name="settingsPath">site.yml relative to the root: where list pages (which have no file of their own) report faults.</param>
public sealed class PagePlanner(SiteContent content, ViewIndex views, Uri baseUrl, bool preview, DateTimeOffset now, string settingsPath)
{
    /// <summary>
    /// For a rebuild after front matter edits (Build/Incremental/ItemEdits.cs): the last build's plan of an item's detail
    /// page, when that plan cannot have changed, or null to plan it again. A reused plan is bound to the new view.
    /// </summary>
    internal Func<ContentItem, PagePlan?>? Reuse { get; init; }

    /// <summary>Filled with the positions (in <see cref="Plan"/>'s list) of the plans made from <see cref="Reuse"/> whose
    /// page variable is the previous one but for the new view object of the same item: the rebuild need not compare
    /// them (PlanComparer). Positions, not a set of plans: hashing ten thousand new plan objects by identity took a
    /// third of a rebuild's planning.</summary>
    internal List<int>? ReusedPlans { get; init; }

    /// <summary>
    /// For a rebuild: the last build's news pages (lists, then details), when they were planned from these very news
    /// views (ViewIndex kept them: no news item changed); null to plan them again. News pages read only the news
    /// views, the site settings and the build options, none of which a rebuild of other items changes.
    /// </summary>
    internal Func<IReadOnlyList<NewsView>, IReadOnlyList<PagePlan>?>? ReuseNews { get; init; }

    /// <summary>Where the news pages are in <see cref="Plan"/>'s list (start, count), for the next rebuild's <see cref="ReuseNews"/>.</summary>
    internal (int Start, int Count) NewsRange { get; private set; }

    /// <summary>Whether the news pages are the last build's (<see cref="ReuseNews"/>). Their detail pages hold their
    /// items' own bodies, as planning them anew would record; the caller knows that without a record per page.</summary>
    internal bool NewsKept { get; private set; }

    public const int NewsPerPage = 10;
    private static readonly Breadcrumb Home = new("ホーム", "/");

    /// <summary>Page slugs that would take a generated route are rejected by validation (SlugRule) before this runs.</summary>
    public IReadOnlyList<PagePlan> Plan()
    {
        var plans = new List<PagePlan>();
        plans.Add(List("/", "home", "home", content.Settings.Title, [], [Home], JsonLdBuilder.WebSite(content.Settings, baseUrl)));
        AddEvents(plans);
        AddSection(plans, "/people/", "people", "person", "登壇者・メンター", views.People, p => p.Url, p => p.Name, p => p.Item, p => p.Summary, p => p.Photo);
        AddSection(plans, "/companies/", "companies", "company", "参加企業", views.Companies, c => c.Url, c => c.Name, c => c.Item, c => c.Summary, c => c.Logo);
        AddSection(plans, "/videos/", "videos", "video", "動画アーカイブ", views.Videos, v => v.Url, v => v.Title, v => v.Item, v => v.Description, _ => null);
        AddNews(plans);
        AddSection(plans, "/supporters/", "supporters", "supporter", "支援機関", views.Supporters, s => s.Url, s => s.Name, s => s.Item, s => s.Area, _ => null);
        AddContentPages(plans);
        plans.Add(List("/search/", "search", "search", "サイト内検索", [], [Home, new("サイト内検索", "/search/")]));
        var notFound = List("/404.html", "404", "404", "ページが見つかりません", [], [Home]);
        plans.Add(notFound with { Page = notFound.Page with { Noindex = true } });
        return plans;
    }

    private void AddEvents(List<PagePlan> plans)
    {
        var crumbs = new List<Breadcrumb> { Home, new("イベント", "/events/") };
        plans.Add(List("/events/", "events", "events", "イベント", views.Events, crumbs));
        foreach (var city in Enum.GetValues<City>())
        {
            var taxonomy = new Taxonomy(KebabCase.Of(city), Labels.Of(city), $"/events/{KebabCase.Of(city)}/");
            var plan = List(taxonomy.Url, "events", "events", $"{taxonomy.Label}のイベント", [.. views.Events.Where(e => e.Item.City == city)], [.. crumbs, new(taxonomy.Label, taxonomy.Url)]);
            plans.Add(plan with { Page = plan.Page with { Taxonomy = taxonomy } });
        }

        foreach (var series in Enum.GetValues<EventSeries>())
        {
            var taxonomy = new Taxonomy(KebabCase.Of(series), Labels.Of(series), $"/events/series/{KebabCase.Of(series)}/");
            var plan = List(taxonomy.Url, "events", "events", taxonomy.Label, [.. views.Events.Where(e => e.Item.Series == series)], [.. crumbs, new(taxonomy.Label, taxonomy.Url)]);
            plans.Add(plan with { Page = plan.Page with { Taxonomy = taxonomy } });
        }

        foreach (var e in views.Events)
        {
            AddDetail(plans, e, e.Item, crumbs, static e => new Detail(e.Url, "event", e.Title, e.Summary, e.Image, null));
        }
    }

    private void AddNews(List<PagePlan> plans)
    {
        var start = plans.Count;
        if (ReuseNews?.Invoke(views.News) is { } previous)
        {
            foreach (var plan in previous)
            {
                ReusedPlans?.Add(plans.Count);
                plans.Add(plan);
            }

            NewsKept = true;
        }
        else
        {
            PlanNews(plans);
        }

        NewsRange = (start, plans.Count - start);
    }

    private void PlanNews(List<PagePlan> plans)
    {
        var crumbs = new List<Breadcrumb> { Home, new("お知らせ", "/news/") };
        var total = Math.Max(1, (views.News.Count + NewsPerPage - 1) / NewsPerPage);
        for (var page = 1; page <= total; page++)
        {
            var items = views.News.Skip((page - 1) * NewsPerPage).Take(NewsPerPage).ToList();
            var url = NewsPageUrl(page);
            var paginator = new Paginator(page, total, page > 1 ? NewsPageUrl(page - 1) : null, page < total ? NewsPageUrl(page + 1) : null, NewsPerPage, views.News.Count);
            var title = page == 1 ? "お知らせ" : $"お知らせ（{page}ページ目）";
            var plan = List(url, "news", "news", title, items, page == 1 ? crumbs : [.. crumbs, new(title, url)]);
            plans.Add(plan with { Page = plan.Page with { Paginator = paginator } });
        }

        foreach (var n in views.News)
        {
            AddDetail(plans, n, n.Item, crumbs, static n => new Detail(n.Url, "news-item", n.Title, n.Summary, null, n.Date));
        }
    }

    private static string NewsPageUrl(int page) => page == 1 ? "/news/" : $"/news/page/{page}/";

    private void AddSection<T>(List<PagePlan> plans, string listUrl, string listLayout, string detailLayout, string title, IReadOnlyList<T> items,
        Func<T, string> url, Func<T, string> name, Func<T, ContentItem> item, Func<T, string?> description, Func<T, ImageRef?> image)
        where T : class
    {
        var crumbs = new List<Breadcrumb> { Home, new(title, listUrl) };
        plans.Add(List(listUrl, listLayout, listLayout, title, items, crumbs));
        Func<T, Detail> describe = view => new Detail(url(view), detailLayout, name(view), description(view), image(view), null);
        foreach (var view in items)
        {
            AddDetail(plans, view, item(view), crumbs, describe);
        }
    }

    private void AddContentPages(List<PagePlan> plans)
    {
        foreach (var page in views.Pages)
        {
            // noindex: true keeps it out of the sitemap too
            AddDetail(plans, page, page.Item, [Home], static p => new Detail(p.Url, p.Layout, p.Title, p.Description, null, null, p.Noindex));
        }
    }

    private PagePlan List(string url, string kind, string layout, string title, IReadOnlyList<object> items, IReadOnlyList<Breadcrumb> crumbs, string? jsonLd = null) =>
        new(new PageView
        {
            Title = title,
            Description = content.Settings.Description,
            Url = url,
            CanonicalUrl = SiteUrl.Absolute(baseUrl, url),
            Kind = kind,
            Layout = layout,
            Items = items,
            Breadcrumbs = crumbs,
            JsonLd = jsonLd ?? (crumbs.Count > 1 ? Breadcrumbs(crumbs) : null),
            Noindex = preview,
        }, null, new SourceLocation(settingsPath, 1, 1), null);

    /// <param name="parentCrumbs">The breadcrumbs above the page; the page's own (title, url) is appended only when it is planned anew.</param>
    /// <param name="describe">What the page shows of its view; asked only when the page is planned anew (a reused plan already has it).</param>
    private void AddDetail<T>(List<PagePlan> plans, T view, ContentItem item, IReadOnlyList<Breadcrumb> parentCrumbs, Func<T, Detail> describe)
        where T : class
    {
        if (Reuse?.Invoke(item) is not { } previous)
        {
            var (url, layout, title, description, image, lastModified, noindex) = describe(view);
            var plan = Plan(url, layout, title, description, view, item, image, [.. parentCrumbs, new(title, url)], lastModified);
            plans.Add(noindex ? plan with { Page = plan.Page with { Noindex = true } } : plan);
            return;
        }

        var content = views.Html(item);
        if (ReferenceEquals(content, previous.Page.Content) || content == previous.Page.Content)
        {
            ReusedPlans?.Add(plans.Count);
        }

        plans.Add(previous with { Page = previous.Page with { Item = view, Content = content }, Item = item });
    }

    private PagePlan Plan(string url, string layout, string title, string? description, object view, ContentItem item, ImageRef? image, IReadOnlyList<Breadcrumb> crumbs, DateTimeOffset? lastModified) =>
        new(new PageView
        {
            Title = title,
            Description = string.IsNullOrWhiteSpace(description) ? content.Settings.Description : description,
            Url = url,
            CanonicalUrl = SiteUrl.Absolute(baseUrl, url),
            Kind = layout,
            Layout = layout,
            Content = views.Html(item),
            Item = view,
            Breadcrumbs = crumbs,
            JsonLd = JsonLdBuilder.ForItem(item, content, baseUrl, now) ?? Breadcrumbs(crumbs),
            Image = image is null ? null : SiteUrl.Absolute(baseUrl, image.Src),
            ImageAlt = image?.Alt,
            Noindex = preview,
        }, item, new SourceLocation(item.SourcePath, 1, 1), lastModified);

    /// <summary>A detail page's address, layout and the fields its head shows, read from its view.</summary>
    private readonly record struct Detail(string Url, string Layout, string Title, string? Description, ImageRef? Image, DateTimeOffset? LastModified, bool Noindex = false);

    private string Breadcrumbs(IReadOnlyList<Breadcrumb> crumbs) =>
        JsonLdBuilder.BreadcrumbList(crumbs.Select(c => new Link(c.Title, c.Url)), baseUrl);
}
