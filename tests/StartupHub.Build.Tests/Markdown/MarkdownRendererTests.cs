using AngleSharp.Html.Parser;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Markdown;

namespace StartupHub.Build.Tests.Markdown;

public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();
    private static readonly HtmlParser Parser = new();

    private static readonly VideoResolver Videos = new(
        slug => slug == "talk" ? new VideoEmbed("talk", "講演「地方から世界へ」", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "/videos/talk/") : null,
        slug => slug is "talk" or "draft-video");

    private static (AngleSharp.Html.Dom.IHtmlDocument Html, IReadOnlyList<Diagnostic> Diagnostics) Render(string markdown, int firstLine = 1)
    {
        var bag = new DiagnosticBag();
        var html = Renderer.Render(markdown, new MarkdownSource("content/news/x.md", firstLine), Videos, bag);
        return (Parser.ParseDocument(html), bag.ToSortedList());
    }

    [Fact]
    public void Pipe_tables_become_tables()
    {
        var (html, _) = Render("| 項目 | 内容 |\n|---|---|\n| 日時 | 10月15日 |\n");
        Assert.Equal(["項目", "内容"], html.QuerySelectorAll("table thead th").Select(th => th.TextContent));
        Assert.Equal("10月15日", html.QuerySelector("table tbody td:nth-child(2)")!.TextContent);
    }

    [Fact]
    public void Table_header_cells_are_column_headers_for_screen_readers()
    {
        var (html, _) = Render("| 区分 | 人数 |\n|---|---:|\n| 起業家 | 20 |\n");
        Assert.All(html.QuerySelectorAll("table thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.Equal(2, html.QuerySelectorAll("table thead th[scope=col]").Length);
        Assert.Empty(html.QuerySelectorAll("table tbody [scope]"));
    }

    [Theory]
    [InlineData("## 開催概要", "開催概要")]
    [InlineData("## Access と地図", "access-と地図")]
    [InlineData("### Q&A", "qa")]
    public void Headings_get_ids_that_keep_japanese_text(string heading, string id)
    {
        var (html, _) = Render(heading + "\n");
        Assert.Equal(id, html.QuerySelector("h2, h3")!.Id);
    }

    [Fact]
    public void Raw_html_is_escaped_not_passed_through()
    {
        var (html, _) = Render("<script>alert(1)</script>\n\n本文 <b>太字</b> <iframe src=\"https://evil.example/\"></iframe>\n");
        Assert.Empty(html.QuerySelectorAll("script, b, iframe"));
        Assert.Contains("<script>alert(1)</script>", html.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Task_lists_and_emphasis_extras_render()
    {
        var (html, _) = Render("- [x] 済み\n- [ ] まだ\n\n~~取り消し~~\n");
        var boxes = html.QuerySelectorAll("input[type=checkbox]");
        Assert.Equal(2, boxes.Length);
        Assert.True(boxes[0].HasAttribute("checked"));
        Assert.False(boxes[1].HasAttribute("checked"));
        Assert.Equal("取り消し", html.QuerySelector("del")!.TextContent);
    }

    [Fact]
    public void Video_shortcode_renders_a_click_to_load_facade_without_third_party_urls()
    {
        var (html, diagnostics) = Render("前文\n\n{{< video talk >}}\n\n後文\n");

        Assert.Empty(diagnostics);
        var button = html.QuerySelector("figure.video-facade button[type=button]")!;
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1", button.GetAttribute("data-embed"));
        Assert.Contains("講演「地方から世界へ」", button.TextContent, StringComparison.Ordinal);
        Assert.Contains("動画を再生（YouTubeが読み込まれます）", button.TextContent, StringComparison.Ordinal);
        Assert.Empty(html.QuerySelectorAll("iframe"));
        var urls = html.QuerySelectorAll("[src], [href]").SelectMany(e => new[] { e.GetAttribute("src"), e.GetAttribute("href") }).OfType<string>();
        Assert.All(urls, url => Assert.DoesNotContain("youtube", url, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("/videos/talk/", html.QuerySelector("figcaption a")!.GetAttribute("href"));
    }

    [Fact]
    public void Shortcode_in_a_code_block_stays_text()
    {
        var (html, _) = Render("```\n{{< video talk >}}\n```\n");
        Assert.Empty(html.QuerySelectorAll("button"));
        Assert.Equal("{{< video talk >}}\n", html.QuerySelector("pre code")!.TextContent);
    }

    [Fact]
    public void Unpublished_video_is_left_out_with_a_warning_at_the_file_line()
    {
        var (html, diagnostics) = Render("一行目\n\n{{< video draft-video >}}\n", firstLine: 12);

        Assert.Empty(html.QuerySelectorAll("button"));
        var warning = Assert.Single(diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("content/news/x.md:14:1", warning.Location.ToString());
        Assert.Equal(MarkdownRenderer.UnpublishedVideoCode, warning.Code);
    }

    [Fact]
    public void Unknown_video_is_left_to_validation_and_not_reported_twice()
    {
        var (html, diagnostics) = Render("{{< video nothing-here >}}\n");
        Assert.Empty(html.QuerySelectorAll("button"));
        Assert.Empty(diagnostics);
    }
}
