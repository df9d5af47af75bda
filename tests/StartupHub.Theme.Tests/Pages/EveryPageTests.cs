using StartupHub.Theme.Tests.Support;

namespace StartupHub.Theme.Tests.Pages;

/// <summary>What every HTML page of the built site must have (JIS X 8341-3 / WCAG 2.1 AA basics).</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class EveryPageTests(BuiltSite site)
{
    [Fact]
    public void The_site_has_the_pages_of_every_layout()
    {
        var paths = site.Pages.Select(p => p.RelativePath).ToHashSet(StringComparer.Ordinal);

        foreach (var expected in new[] { "index.html", "events/index.html", "people/index.html", "companies/index.html", "videos/index.html", "news/index.html", "supporters/index.html", "search/index.html", "404.html" })
        {
            Assert.Contains(expected, paths);
        }

        Assert.True(site.Pages.Count > 15, $"only {site.Pages.Count} pages were built");
    }

    [Fact]
    public void Every_page_is_Japanese_with_one_h1_a_title_canonical_skip_link_and_main()
    {
        var faults = new List<string>();
        foreach (var page in site.Pages)
        {
            var document = page.Document;
            void Fault(string what) => faults.Add($"{page}: {what}");

            if (document.DocumentElement.GetAttribute("lang") != "ja")
            {
                Fault("html has no lang=ja");
            }

            if (document.QuerySelectorAll("h1").Length != 1)
            {
                Fault($"{document.QuerySelectorAll("h1").Length} h1 elements");
            }

            if (string.IsNullOrWhiteSpace(document.Title))
            {
                Fault("empty title");
            }

            var canonical = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
            if (canonical is null || !Uri.TryCreate(canonical, UriKind.Absolute, out _))
            {
                Fault("no absolute canonical link");
            }

            var main = document.QuerySelectorAll("main");
            if (main.Length != 1 || string.IsNullOrEmpty(main[0].Id))
            {
                Fault("not exactly one main with an id");
            }
            else
            {
                var skip = document.QuerySelector("a.skip-link");
                if (skip is null || skip.TextContent.Trim() != "本文へスキップ" || skip.GetAttribute("href") != "#" + main[0].Id)
                {
                    Fault("no skip link 本文へスキップ to main");
                }
            }

            if (document.QuerySelector("header") is null || document.QuerySelector("footer") is null)
            {
                Fault("no header or footer landmark");
            }
        }

        Assert.Empty(faults);
    }

    [Fact]
    public void Headings_never_skip_a_level()
    {
        var faults = new List<string>();
        foreach (var page in site.Pages)
        {
            var previous = 0;
            foreach (var heading in page.Document.QuerySelectorAll("h1, h2, h3, h4, h5, h6"))
            {
                var level = heading.LocalName[1] - '0';
                if (level > previous + 1)
                {
                    faults.Add($"{page}: h{level} 「{heading.TextContent.Trim()}」 follows h{previous}");
                }

                previous = level;
            }
        }

        Assert.Empty(faults);
    }

    /// <summary>The theme's own tables; tables written in Markdown bodies (.prose) are the Markdown renderer's.</summary>
    [Fact]
    public void Every_image_has_alt_text_and_every_theme_table_a_caption_and_scoped_headers()
    {
        var faults = new List<string>();
        foreach (var page in site.Pages)
        {
            faults.AddRange(page.Document.QuerySelectorAll("img:not([alt])").Select(i => $"{page}: img without alt {i.GetAttribute("src")}"));
            foreach (var table in page.Document.QuerySelectorAll("table").Where(t => t.Closest(".prose") is null))
            {
                if (string.IsNullOrWhiteSpace(table.QuerySelector("caption")?.TextContent))
                {
                    faults.Add($"{page}: table without caption");
                }

                faults.AddRange(table.QuerySelectorAll("th:not([scope])").Select(th => $"{page}: th without scope 「{th.TextContent.Trim()}」"));
            }
        }

        Assert.Empty(faults);
    }

    [Fact]
    public void Links_have_text_and_the_current_navigation_item_is_marked()
    {
        var faults = new List<string>();
        foreach (var page in site.Pages)
        {
            foreach (var link in page.Document.QuerySelectorAll("a[href]"))
            {
                var name = link.TextContent.Trim() + (link.GetAttribute("aria-label") ?? "") + string.Concat(link.QuerySelectorAll("img").Select(i => i.GetAttribute("alt")));
                if (name.Length == 0)
                {
                    faults.Add($"{page}: link without text to {link.GetAttribute("href")}");
                }
            }
        }

        Assert.Empty(faults);

        var events = site.Page("/events/");
        var current = events.Document.QuerySelectorAll(".site-nav a[aria-current]");
        Assert.Contains(current, a => a.GetAttribute("href")!.EndsWith("/events/", StringComparison.Ordinal));
    }

    [Fact]
    public void Detail_pages_are_indexed_for_search_and_lists_are_not()
    {
        var firstEvent = site.Content.Events.OrderBy(e => e.Start).First();
        Assert.NotNull(site.Page($"/events/{firstEvent.Slug}/").Document.QuerySelector("main [data-pagefind-body]"));

        foreach (var list in new[] { "/", "/events/", "/people/", "/companies/", "/videos/", "/news/", "/supporters/", "/search/", "/404.html" })
        {
            Assert.Null(site.Page(list).Document.QuerySelector("[data-pagefind-body]"));
        }
    }

    [Fact]
    public void The_404_page_is_Japanese_and_links_home_and_to_search()
    {
        var page = site.Page("/404.html").Document;

        Assert.Contains("見つかりません", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/", links);
        Assert.Contains("/search/", links);
    }
}
