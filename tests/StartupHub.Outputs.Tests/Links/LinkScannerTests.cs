using AngleSharp.Html.Parser;
using StartupHub.Site.Outputs.Links;
using static StartupHub.Outputs.Tests.Support.SampleSite;

namespace StartupHub.Outputs.Tests.Links;

/// <summary>
/// The link checker scans pages without a DOM; these pin the HTML cases where a naive scan goes wrong,
/// and compare the scan with a real parse (AngleSharp) on the same markup.
/// </summary>
public sealed class LinkScannerTests
{
    private static readonly Uri Base = new("https://example.jp/");

    private static string Html(string main) =>
        $"<!doctype html>\n<html lang=\"ja\">\n<head><title>t</title></head>\n<body>\n<main>\n{main}\n</main>\n</body>\n</html>";

    private static List<string> Messages(string main, params string[] otherUrls) =>
        [.. LinkChecker.Check([Page("/", Html(main)), .. otherUrls.Select(u => Page(u, Html("<h2 id=\"概要\">概要</h2>")))], [], Base).Select(d => d.Message)];

    [Fact]
    public void Single_quoted_and_unquoted_attributes_are_checked()
    {
        var messages = Messages("<a href='/missing-a/'>a</a> <a class=x href=/missing-b/ >b</a> <a href=/events/>ok</a> <a HREF = '/missing-c/'>c</a>", "/events/");

        Assert.Equal(["リンク先 '/missing-a/' が見つかりません", "リンク先 '/missing-b/' が見つかりません", "リンク先 '/missing-c/' が見つかりません"], messages.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Character_references_in_hrefs_and_ids_are_decoded()
    {
        var messages = Messages(
            "<a href=\"/events/?a=1&amp;b=2\">q</a> <a href=\"/ev&#x65;nts/\">hex</a> <a href=\"#s&amp;t\">amp</a> <h2 id=\"s&amp;t\">x</h2>"
            + " <a href=\"/missing&amp;gone/\">bad</a>",
            "/events/");

        Assert.Equal(["リンク先 '/missing&gone/' が見つかりません"], messages);
    }

    [Fact]
    public void Same_page_fragments_need_an_id_on_the_page()
    {
        var messages = Messages("<h2 id=\"sec\">節</h2><a name=\"old\"></a><a href=\"#sec\">ok</a> <a href=\"#old\">name</a> <a href=\"#nope\">bad</a>");

        var message = Assert.Single(messages);
        Assert.Contains("id=\"nope\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_in_comments_templates_and_scripts_are_ignored_and_template_ids_are_not_anchors()
    {
        var messages = Messages("""
            <!-- <a href="/gone-1/">old</a> -->
            <template><a href="/gone-2/">t</a><template><a href="/gone-3/">n</a></template><h2 id="in-template">x</h2></template>
            <script>document.body.innerHTML = '<a href="/gone-4/">s</a>';</script>
            <style>a[href="/gone-5/"]{color:red}</style>
            <textarea><a href="/gone-6/"></a></textarea>
            <a href="#in-template">to template</a> <a href="/gone-7/">after</a>
            """);

        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Contains("id=\"in-template\"", StringComparison.Ordinal));
        Assert.Contains("リンク先 '/gone-7/' が見つかりません", messages);
    }

    [Fact]
    public void Japanese_ids_match_percent_encoded_and_raw_fragments()
    {
        var messages = Messages(
            "<a href=\"/お知らせ/#概要\">raw</a> <a href=\"/%E3%81%8A%E7%9F%A5%E3%82%89%E3%81%9B/#%E6%A6%82%E8%A6%81\">encoded</a> <a href=\"/お知らせ/#詳細\">bad</a>",
            "/お知らせ/");

        var message = Assert.Single(messages);
        Assert.Contains("id=\"詳細\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Base_path_applies_to_single_quoted_links_too()
    {
        var pages = new[] { Page("/", Html("<a href='/hub/events/'>ok</a> <a href='/events/'>no base</a>")), Page("/events/", Html("")) };

        var diagnostic = Assert.Single(LinkChecker.Check(pages, [], new Uri("https://example.jp/hub/")));

        Assert.StartsWith("リンク先 '/events/' が見つかりません", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_text_is_the_elements_text_for_locating_markdown_sources()
    {
        const string html = "<p><a href=\"/x/\">イベント<strong>ページ</strong> &amp; 申込</a><img src=/i.png alt=i></p>";
        var (_, links) = HtmlScanner.Scan(html);

        Assert.Equal([("/x/", "イベントページ & 申込"), ("/i.png", "")], links.Select(l => (l.Href, l.TextIn(html))));
    }

    public static TheoryData<string> Markup => new()
    {
        "<a href=\"/a/\">a</a><a href='/b/'>b</a><a href=/c/>c</a><a href>empty</a><a>none</a>",
        "<h2 id=\"x\">x</h2><div id=x2></div><a name=n1></a><p ID='UP'>u</p><span id=\"\">e</span>",
        "<!-- <a href=\"/c/\"> --><template><a href=\"/t/\"></a><b id=t></b></template><a href=\"/after/\">after</a>",
        "<script src=\"/s.js\"></script><script>var s = '<a href=\"/in-script/\">';</script><style>#q{}</style><img src=\"/i.png\"><img alt=noimg>",
        "<link rel=\"stylesheet\" href=\"/c.css\"><link rel=\"preconnect\" href=\"https://x.example\"><link rel=dns-prefetch href=//y.example>",
        "<a href=\"/q?a=1&amp;b=2\" href=\"/second/\">dup</a><a id=first id=second href=\"/&#x41;&#66;\">refs</a>",
        "<video src=\"/v.mp4\"><track src=\"/t.vtt\"><source src=\"/s.webm\"></video><audio src=/a.mp3></audio><iframe src=\"/f/\"></iframe><area href=\"/area/\">",
        "<svg><a href=\"/svg-link/\"><text id=\"svg-id\">t</text></a></svg><textarea id=ta><a href=\"/in-textarea/\"></textarea>",
        "<A HREF=\"/UPPER/\">upper</A> 1 < 2 <a\nhref=\"/newline/\"\n>nl</a><a href=\"  /spaced/  \">sp</a>",
    };

    [Theory]
    [MemberData(nameof(Markup))]
    public void Scan_agrees_with_a_full_parse(string body)
    {
        var html = Html(body);
        using var document = new HtmlParser().ParseDocument(html);
        var expectedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in document.QuerySelectorAll("[id], a[name]"))
        {
            if (element.Id is { Length: > 0 } id)
            {
                expectedIds.Add(id);
            }

            if (element.LocalName == "a" && element.GetAttribute("name") is { Length: > 0 } name)
            {
                expectedIds.Add(name);
            }
        }

        var expectedLinks = document
            .QuerySelectorAll("a[href], area[href], link[href], img[src], script[src], source[src], iframe[src], video[src], audio[src], track[src]")
            .Select(e => (e, Value: e.GetAttribute(e.HasAttribute("href") ? "href" : "src")))
            .Where(t => !string.IsNullOrWhiteSpace(t.Value))
            .Where(t => !(t.e.LocalName == "link" && (t.e.GetAttribute("rel") ?? "") is var rel
                && (rel.Contains("preconnect", StringComparison.OrdinalIgnoreCase) || rel.Contains("dns-prefetch", StringComparison.OrdinalIgnoreCase))))
            .Select(t => t.Value!.Trim())
            .ToList();

        var (ids, links) = HtmlScanner.Scan(html);

        Assert.Equal(expectedIds.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal(expectedLinks, links.Select(l => l.Href));
    }

    /// <summary>Pages of one build share the strings their scans find (ScannedStrings): the same values, one instance each.</summary>
    [Fact]
    public void Scans_sharing_strings_find_the_same_values_with_one_instance_each()
    {
        var first = Html("<nav><a href=\"/news/\">お知らせ</a><a href='/events/'>イベント</a></nav><h2 id=\"概要\">概要</h2><img src=/assets/logo.png alt=\"\">");
        var second = Html("<nav><a href=\"/news/\">お知らせ</a><a href='/events/'>イベント</a></nav><h2 id=\"概要\">別</h2><a href=\"/news/x/?a=1&amp;b=2\">x</a>");
        var strings = new ScannedStrings();

        var (firstIds, firstLinks) = HtmlScanner.Scan(first.AsSpan(), strings);
        var (secondIds, secondLinks) = HtmlScanner.Scan(second.AsSpan(), strings);

        Assert.Equal(HtmlScanner.Scan(first).Links, firstLinks);
        Assert.Equal(HtmlScanner.Scan(second).Links, secondLinks);
        Assert.Equal(HtmlScanner.Scan(second).Ids.Order(StringComparer.Ordinal), secondIds.Order(StringComparer.Ordinal));
        Assert.Same(firstLinks[0].Href, secondLinks[0].Href);
        Assert.Same(firstLinks[1].Href, secondLinks[1].Href);
        Assert.Same(firstIds.Single(), secondIds.Single());
        Assert.Equal("/news/x/?a=1&b=2", secondLinks[^1].Href); // references decoded as before
        Assert.Equal(["/news/", "/events/", "/assets/logo.png"], firstLinks.Select(l => l.Href));
    }
}
