using StartupHub.Outputs.Tests.Support;
using StartupHub.Site.Build;
using StartupHub.Site.Content;
using StartupHub.Site.Outputs.Links;
using static StartupHub.Outputs.Tests.Support.SampleSite;

namespace StartupHub.Outputs.Tests.Links;

public sealed class LinkCheckerTests
{
    private static readonly Uri Base = new("https://example.jp/");

    private static string Html(string main, string nav = "") =>
        $"<!doctype html>\n<html lang=\"ja\">\n<head><title>t</title></head>\n<body>\n<nav>{nav}</nav>\n<main>\n{main}\n</main>\n</body>\n</html>";

    private static NewsItem NewsAt(string slug) => News(slug, At(2025, 9, 1), "お知らせ");

    [Fact]
    public void Good_links_pass()
    {
        var pages = new[]
        {
            Page("/", Html("""
                <a href="/events/">イベント</a> <a href="events/2025-10-chiba/#sessions">枠</a>
                <a href="https://example.jp/news/">お知らせ</a> <a href="/feed.xml">Atom</a>
                <a href="/events/2025-10-chiba/event.ics">ics</a> <a href="#top">上へ</a> <a href="#">-</a>
                <a href="mailto:info@example.jp">mail</a> <a href="https://www.pref.chiba.lg.jp/missing/">県</a>
                <a href="/pagefind/pagefind-ui.js">search</a> <img src="/images/a.png" alt="a">
                <a href="/events?city=chiba">q</a> <link rel="stylesheet" href="/assets/site.css"> <a href="#main-heading">本文</a> <h1 id="main-heading">x</h1>
                """)),
            Page("/events/", Html("<a href=\"../\">ホーム</a> <a href=\"./2025-10-chiba/\">詳細</a>")),
            Page("/events/2025-10-chiba/", Html("<section id=\"sessions\"></section><a href=\"/%E3%81%8A%E7%9F%A5%E3%82%89%E3%81%9B/\">x</a>")),
            Page("/news/", Html("")),
            Page("/お知らせ/", Html("")),
        };

        var diagnostics = LinkChecker.Check(pages, ["feed.xml", "events/2025-10-chiba/event.ics", "assets/site.css", "images/a.png"], Base);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Broken_link_in_markdown_is_reported_at_its_source_line_in_japanese()
    {
        using var root = new TempFolder();
        root.Write("content/news/a.md", "---\ntitle: お知らせ\ndate: 2025-09-01T10:00\n---\n本文です。\n\n詳しくは[イベントページ](/events/x/)をご覧ください。\n");
        var item = NewsAt("a") with { SourcePath = "content/news/a.md" };
        var pages = new[] { Page("/news/a/", Html("<p>詳しくは<a href=\"/events/x/\">イベントページ</a>をご覧ください。</p>"), item) };

        var diagnostic = Assert.Single(LinkChecker.Check(pages, [], Base, root.Path));

        Assert.Equal(LinkChecker.BrokenLinkCode, diagnostic.Code);
        Assert.Equal(Site.Diagnostics.Severity.Error, diagnostic.Severity);
        Assert.Equal("リンク先 '/events/x/' が見つかりません", diagnostic.Message);
        Assert.Equal(new SourceLocation("content/news/a.md", 7, 15), diagnostic.Location);
    }

    [Fact]
    public void Missing_anchor_is_reported()
    {
        using var root = new TempFolder();
        root.Write("content/news/b.md", "---\ntitle: x\n---\n[申込枠](/events/2025-10-chiba/#sessions)\n");
        var item = NewsAt("b") with { SourcePath = "content/news/b.md" };
        var pages = new[]
        {
            Page("/news/b/", Html("<a href=\"/events/2025-10-chiba/#sessions\">申込枠</a>"), item),
            Page("/events/2025-10-chiba/", Html("<section id=\"session\"></section>")),
        };

        var diagnostic = Assert.Single(LinkChecker.Check(pages, [], Base, root.Path));

        Assert.Equal(LinkChecker.MissingAnchorCode, diagnostic.Code);
        Assert.Equal(new SourceLocation("content/news/b.md", 4, 7), diagnostic.Location);
        Assert.Contains("'/events/2025-10-chiba/#sessions'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("id=\"sessions\"", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_links_are_reported_once_at_the_page_and_html_line_with_a_count()
    {
        var nav = "<a href=\"/abuot/\">概要</a>";
        var pages = Enumerable.Range(1, 3).Select(i => Page($"/news/n{i}/", Html("", nav), NewsAt($"n{i}"))).ToArray();

        var diagnostic = Assert.Single(LinkChecker.Check(pages, [], Base));

        Assert.Equal(new SourceLocation("news/n1/index.html", 5, 14), diagnostic.Location);
        Assert.StartsWith("リンク先 '/abuot/' が見つかりません", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("ほか 2 ページ", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Respects_the_base_path()
    {
        var baseUrl = new Uri("https://example.jp/hub/");
        var pages = new[]
        {
            Page("/", Html("<a href=\"/hub/events/\">ok</a> <a href=\"/events/\">no base</a> <a href=\"https://example.jp/hub/about/\">abs</a>")),
            Page("/events/", Html("")),
            Page("/about/", Html("")),
        };

        var diagnostics = LinkChecker.Check(pages, [], baseUrl);

        var diagnostic = Assert.Single(diagnostics);
        Assert.StartsWith("リンク先 '/events/' が見つかりません", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("index.html", diagnostic.Location.Path);
        Assert.Equal(2, LinkChecker.Check([.. pages, Page("/hub/", Html(""))], [], new Uri("https://example.jp/")).Count);
    }

    [Fact]
    public void Context_overload_checks_against_other_outputs_and_skips_the_forms_api()
    {
        var pages = new[] { Page("/", Html("<a href=\"/feed.xml\">feed</a> <a href=\"/api/events\">api</a> <a href=\"/sitemap.xml\">map</a>")) };
        var context = Context(pages: pages);

        var diagnostics = LinkChecker.Check(context, [new OutputFile("feed.xml", [])]);

        Assert.Equal(["リンク先 '/sitemap.xml' が見つかりません"], diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void Checks_thousands_of_pages_quickly()
    {
        var pages = Enumerable.Range(0, 3000).Select(i => Page(
            $"/news/{i}/",
            Html($"<h2 id=\"h\">見出し</h2><a href=\"/news/{(i + 1) % 3000}/#h\">次</a><a href=\"/news/{i + 3000}/\">壊れ</a>"))).ToList();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var diagnostics = LinkChecker.Check(pages, [], Base);

        Assert.Equal(3000, diagnostics.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }
}
