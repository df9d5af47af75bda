using System.Text.RegularExpressions;
using StartupHub.Build.Tests.Support;
using StartupHub.Site.Build;

namespace StartupHub.Build.Tests.Build;

public sealed partial class SiteBuilderTests
{
    [Fact]
    public void Event_page_shows_resolved_references_and_the_state_at_the_clock()
    {
        using var site = TempSite.Create();
        site.BuildOk();
        var html = site.Html("events/2025-10-chiba/index.html");

        Assert.Equal("著名起業家参加会（10月）", html.QuerySelector("h1")!.TextContent);
        Assert.Equal("2025年10月15日(水) 18:00〜21:00", html.QuerySelector(".when")!.TextContent);
        Assert.Equal("令和7年10月15日", html.QuerySelector(".wareki")!.TextContent);
        // The clock is 2025-10-01 10:00 JST, inside the registration window (09-15 to 10-14).
        Assert.Equal("受付中", html.QuerySelector(".state")!.TextContent);
        Assert.Equal("open", html.QuerySelector(".state")!.GetAttribute("data-state"));
        Assert.Equal("ペリエホール（千葉市）", html.QuerySelector(".venue")!.TextContent);
        Assert.Equal(["seminar", "pitch"], html.QuerySelectorAll(".sessions li").Select(li => li.GetAttribute("data-kind")));
        Assert.StartsWith("セミナー・講演会", html.QuerySelector(".sessions li")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/people/sato-hanako/", html.QuerySelector(".speaker")!.GetAttribute("href"));
        Assert.Equal("/companies/kazusa-aqua/", html.QuerySelector(".company")!.GetAttribute("href"));
        Assert.Equal("/videos/2025-10-chiba-talk/", html.QuerySelector(".videos a")!.GetAttribute("href"));
        Assert.Equal("開催概要", html.QuerySelector(".content h2")!.Id);
        Assert.Equal("2025-10-chiba", html.QuerySelector("head meta[name=x-event]")!.GetAttribute("content"));
        Assert.Equal("https://example.jp/events/2025-10-chiba/", html.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Contains("\"@type\":\"Event\"", html.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Back_references_resolve_from_people_and_videos()
    {
        using var site = TempSite.Create();
        site.BuildOk();

        var person = site.Html("people/sato-hanako/index.html");
        Assert.Equal("/events/2025-10-chiba/", person.QuerySelector(".events a")!.GetAttribute("href"));
        Assert.Equal("/videos/2025-10-chiba-talk/", person.QuerySelector(".videos a")!.GetAttribute("href"));

        var video = site.Html("videos/2025-10-chiba-talk/index.html");
        Assert.Equal("著名起業家参加会（10月）", video.QuerySelector(".event a")!.TextContent);
    }

    [Fact]
    public void News_body_is_rendered_with_tables_escaped_html_and_the_video_facade()
    {
        using var site = TempSite.Create();
        site.BuildOk();
        var html = site.Html("news/2025-09-15-open/index.html");
        var content = html.QuerySelector(".content")!;

        Assert.NotNull(content.QuerySelector("table"));
        Assert.Empty(content.QuerySelectorAll("script"));
        Assert.Contains("<script>alert(1)</script>", content.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1", content.QuerySelector("button")!.GetAttribute("data-embed"));
        Assert.Empty(html.QuerySelectorAll("iframe"));
    }

    [Fact]
    public void Assets_are_fingerprinted_and_linked_through_the_assets_map()
    {
        using var site = TempSite.Create();
        site.BuildOk(baseUrl: new Uri("https://example.jp/hub/"));
        var href = site.Html("index.html").QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        var match = FingerprintedCss().Match(href);
        Assert.True(match.Success, href);
        var file = Path.Combine(site.Output, "assets", "css", $"site.{match.Groups[1].Value}.css");
        Assert.Equal("body { color: #222; }\n", File.ReadAllText(file));
        Assert.False(File.Exists(Path.Combine(site.Output, "assets", "css", "site.css")));

        // A changed asset gets a new name, so browsers never keep a stale copy.
        site.Write("themes/default/assets/css/site.css", "body { color: #000; }\n");
        site.BuildOk(baseUrl: new Uri("https://example.jp/hub/"));
        Assert.NotEqual(href, site.Html("index.html").QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
    }

    [GeneratedRegex(@"^/hub/assets/css/site\.([0-9a-f]{8})\.css$")]
    private static partial Regex FingerprintedCss();

    [Fact]
    public void Content_images_are_copied_as_they_are()
    {
        using var site = TempSite.Create();
        site.Write("content/images/events/hall.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        site.BuildOk();
        Assert.Equal("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", File.ReadAllText(Path.Combine(site.Output, "images", "events", "hall.svg")));
    }

    [Fact]
    public void Site_layout_overrides_the_theme_and_its_partials()
    {
        using var site = TempSite.Create();
        site.Write("layouts/event.liquid", "{% layout '_base' %}<h1 class=\"override\">{{ page.item.title }}</h1>");
        site.Write("layouts/partials/nav.liquid", "<nav class=\"site-nav-override\"><a href=\"{{ \"/\" | url }}\">トップ</a></nav>");
        site.BuildOk();

        var html = site.Html("events/2025-10-chiba/index.html");
        Assert.NotNull(html.QuerySelector("h1.override"));
        Assert.NotNull(html.QuerySelector("nav.site-nav-override"));
        // Layouts the site does not override still come from the theme.
        Assert.NotNull(site.Html("people/sato-hanako/index.html").QuerySelector(".events"));
    }

    [Fact]
    public void News_is_paginated_ten_a_page()
    {
        using var site = TempSite.Create();
        for (var i = 1; i <= 11; i++)
        {
            site.Write($"content/news/n{i:00}.md", $"---\ntitle: お知らせ{i}\ndate: 2025-09-{i:00}T10:00\n---\n本文\n");
        }

        site.BuildOk();
        var first = site.Html("news/index.html");
        var second = site.Html("news/page/2/index.html");
        Assert.Equal(10, first.QuerySelectorAll(".items li").Length);
        Assert.Equal("1/2", first.QuerySelector(".paginator")!.TextContent);
        Assert.Equal(2, second.QuerySelectorAll(".items li").Length);
        Assert.Equal("2/2", second.QuerySelector(".paginator")!.TextContent);
        // Newest first: the oldest news item is on the last page.
        Assert.Equal("/news/n01/", second.QuerySelectorAll(".items a").Last().GetAttribute("href"));
    }

    [Fact]
    public void Drafts_are_left_out_unless_asked_for()
    {
        using var site = TempSite.Create();
        site.Write("content/news/draft.md", "---\ntitle: 下書き\ndate: 2025-09-20T10:00\ndraft: true\n---\n本文\n");

        Assert.DoesNotContain(site.BuildOk().Pages, p => p.Url == "/news/draft/");
        var withDrafts = site.Build(drafts: true);
        Assert.True(withDrafts.Succeeded, string.Join("\n", withDrafts.Diagnostics));
        Assert.Contains(withDrafts.Pages, p => p.Url == "/news/draft/");
    }

    [Fact]
    public void Preview_builds_mark_pages_noindex()
    {
        using var site = TempSite.Create();
        Assert.DoesNotContain(site.BuildOk().Pages, p => p.Url != "/404.html" && !p.Indexable);
        Assert.Null(site.Html("index.html").QuerySelector("meta[name=robots]"));

        var preview = site.BuildOk(preview: true);
        Assert.All(preview.Pages, p => Assert.False(p.Indexable));
        Assert.Equal("noindex", site.Html("index.html").QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public void Missing_layout_is_reported_for_the_page_that_needs_it()
    {
        using var site = TempSite.Create();
        site.Delete("themes/default/layouts/supporter.liquid");
        var result = site.Build();
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("content/supporters/chiba-center.md:1:1: error SH1104", error.ToString()[..52]);
    }

    [Fact]
    public void Failed_build_leaves_the_previous_output_untouched()
    {
        using var site = TempSite.Create();
        site.BuildOk();
        var before = Snapshot(site.Output);

        site.Write("themes/default/layouts/event.liquid", "{% layout '_base' %}{{ page.item.titel }}");
        site.Write("content/news/new.md", "---\ntitle: 新着\ndate: 2025-09-30T10:00\n---\n本文\n");
        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Empty(result.FilesWritten);
        Assert.Equal(before, Snapshot(site.Output));
        Assert.Empty(Directory.GetDirectories(site.Root, ".site-tmp-*"));
    }

    [Fact]
    public void Build_failing_its_link_check_after_every_page_was_written_to_staging_leaves_the_previous_output_untouched()
    {
        using var site = TempSite.Create();
        site.BuildOk();
        var before = Snapshot(site.Output);

        // Pages are written while rendering; the broken link is only found after the last page rendered.
        site.Write("content/pages/about.md", "---\ntitle: この事業について\ndescription: 事業の説明\n---\n[壊れたリンク](/nowhere/)\n");
        var result = new SiteBuilder().Build(site.Options());

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Location.Path == "content/pages/about.md" && d.Message.Contains("/nowhere/", StringComparison.Ordinal));
        Assert.Empty(result.FilesWritten);
        Assert.Equal(before, Snapshot(site.Output));
        Assert.Empty(Directory.GetDirectories(site.Root, ".site-tmp-*"));
    }

    [Fact]
    public void Failing_search_index_cancels_the_swap()
    {
        using var site = TempSite.Create();
        site.BuildOk();
        var before = Snapshot(site.Output);

        // The temp site has no node_modules, so Pagefind cannot run on the staged output.
        var result = new SiteBuilder().Build(site.Options() with { SearchIndex = true });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "pagefind" && d.Message.Contains("npm ci", StringComparison.Ordinal));
        Assert.Empty(result.FilesWritten);
        Assert.Equal(before, Snapshot(site.Output));
        Assert.Empty(Directory.GetDirectories(site.Root, ".site-tmp-*"));
    }

    [Fact]
    public void Successful_rebuild_replaces_the_output_whole()
    {
        using var site = TempSite.Create();
        site.BuildOk();
        File.WriteAllText(Path.Combine(site.Output, "stale.html"), "old");

        var result = site.BuildOk();
        Assert.False(File.Exists(Path.Combine(site.Output, "stale.html")));
        Assert.Contains("events/2025-10-chiba/index.html", result.FilesWritten);
        Assert.Contains("sitemap.xml", result.FilesWritten);
        Assert.Empty(Directory.GetDirectories(site.Root, ".site-tmp-*"));
    }

    [Fact]
    public void Check_renders_everything_and_writes_nothing()
    {
        using var site = TempSite.Create();
        var result = new SiteBuilder().Check(site.Options());

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Pages, p => p.Url == "/events/2025-10-chiba/");
        Assert.Empty(result.FilesWritten);
        Assert.False(Directory.Exists(site.Output));
        Assert.Empty(Directory.GetDirectories(site.Root, ".site-tmp-*"));
    }

    [Fact]
    public void Check_reports_broken_internal_links()
    {
        using var site = TempSite.Create();
        site.Write("content/pages/about.md", "---\ntitle: この事業について\n---\n[イベント](/events/no-such-event/)\n");
        var result = new SiteBuilder().Check(site.Options());
        Assert.Contains(result.Diagnostics, d => d.Location.Path == "content/pages/about.md" && d.Severity == StartupHub.Site.Diagnostics.Severity.Error);
    }

    [Fact]
    public void One_builder_serves_many_builds_and_sees_template_edits()
    {
        using var site = TempSite.Create();
        var builder = new SiteBuilder();
        site.BuildOk(builder);
        site.Write("themes/default/layouts/person.liquid", "{% layout '_base' %}<h1 class=\"v2\">{{ page.item.name }}</h1>");
        site.BuildOk(builder);
        Assert.Equal("佐藤 花子", site.Html("people/sato-hanako/index.html").QuerySelector("h1.v2")!.TextContent);
    }

    [Fact]
    public void Rebuilds_reuse_rendered_bodies_but_report_their_warnings_again()
    {
        using var site = TempSite.Create();
        site.Write("content/videos/draft-talk.yml", "title: 下書き動画\nplatform: youtube\nvideo_id: abcdefghijk\ndate: 2025-10-15\ndraft: true\n");
        site.Write("content/pages/about.md", "---\ntitle: この事業について\n---\n説明\n\n{{< video draft-talk >}}\n");
        var builder = new SiteBuilder();

        var first = site.BuildOk(builder);
        var second = site.BuildOk(builder);
        Assert.Equal("content/pages/about.md:6:1: warning SH1001", Assert.Single(first.Diagnostics).ToString()[..42]);
        Assert.Equal(first.Diagnostics, second.Diagnostics);

        site.Write("content/people/sato-hanako.md", "---\nname: 佐藤 花子\nkana: さとう はなこ\nroles: [speaker]\n---\n新しい経歴です。\n");
        site.BuildOk(builder);
        Assert.Equal("新しい経歴です。", site.Html("people/sato-hanako/index.html").QuerySelector(".content p")!.TextContent);
    }

    [Fact]
    public void Timings_cover_every_phase()
    {
        using var site = TempSite.Create();
        var result = site.BuildOk();
        Assert.Equal(["読み込み・検証", "テンプレート", "アセット", "描画", "出力", "リンク確認", "書き込み"], result.Timings.Select(t => t.Phase));
    }

    private static Dictionary<string, string> Snapshot(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllText);
}
