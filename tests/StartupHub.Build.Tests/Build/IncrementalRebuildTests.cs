using StartupHub.Build.Tests.Support;
using StartupHub.Site.Build;

namespace StartupHub.Build.Tests.Build;

/// <summary>
/// Rebuilds with the same <see cref="SiteBuilder"/> (as the dev server does): a body-only edit takes the fast path,
/// and whichever path a rebuild takes, its output must equal a fresh full build of the same files.
/// </summary>
public sealed class IncrementalRebuildTests
{
    private const string NewsPath = "content/news/2025-09-15-open.md";

    /// <summary>List layouts that print titles and bodies of other items, so a missed dependency would show.</summary>
    private static TempSite SiteWithListings()
    {
        var site = TempSite.Create();
        site.Write("themes/default/layouts/news.liquid", """
            {% layout '_base' %}
            <h1>{{ page.title }}</h1>
            <ul class="items">{% for item in page.items %}<li><a href="{{ item.url | url }}">{{ item.title }}</a></li>{% endfor %}</ul>
            """);
        site.Write("themes/default/layouts/home.liquid", """
            {% layout '_base' %}
            <h1>{{ page.title }}</h1>
            {% for n in site.news %}<article class="latest"><h2>{{ n.title }}</h2>{{ n.content | raw }}</article>{% endfor %}
            """);
        return site;
    }

    private static void EditBody(TempSite site, string path, string body)
    {
        var text = site.Read(path);
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5;
        site.Write(path, text[..end] + body);
    }

    private static Dictionary<string, string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

    private static void AssertSameAsFullBuild(TempSite site)
    {
        var fresh = Path.Combine(site.Root, "_fresh");
        var full = new SiteBuilder().Build(site.Options() with { OutputDirectory = fresh });
        Assert.True(full.Succeeded, string.Join("\n", full.Diagnostics));
        var expected = Files(fresh);
        var actual = Files(site.Output);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, text) in expected)
        {
            Assert.True(text == actual[path], $"{path} differs from a full build");
        }
    }

    [Fact]
    public void Body_edit_takes_the_fast_path_and_updates_every_page_showing_the_body()
    {
        using var site = SiteWithListings();
        var builder = new SiteBuilder();
        site.BuildOk(builder);

        EditBody(site, NewsPath, "## 変更後の見出し\n\n本文を書き換えました。\n");
        var result = site.BuildOk(builder);

        Assert.Contains(result.Timings, t => t.Phase == "変更の確認");
        Assert.DoesNotContain(result.Timings, t => t.Phase == "読み込み・検証");
        Assert.Contains("本文を書き換えました。", site.Html("news/2025-09-15-open/index.html").QuerySelector(".content")!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("本文を書き換えました。", site.Html("index.html").QuerySelector(".latest")!.InnerHtml, StringComparison.Ordinal);
        AssertSameAsFullBuild(site);
    }

    [Fact]
    public void Title_edit_updates_the_item_page_the_list_and_home()
    {
        using var site = SiteWithListings();
        var builder = new SiteBuilder();
        site.BuildOk(builder);

        site.Write(NewsPath, site.Read(NewsPath).Replace("title: 申込を開始しました", "title: 申込の受付を始めました", StringComparison.Ordinal));
        site.BuildOk(builder);

        Assert.Equal("申込の受付を始めました", site.Html("news/2025-09-15-open/index.html").QuerySelector("main h1")!.TextContent);
        Assert.Contains(site.Html("news/index.html").QuerySelectorAll(".items a"), a => a.TextContent == "申込の受付を始めました");
        Assert.Equal("申込の受付を始めました", site.Html("index.html").QuerySelector(".latest h2")!.TextContent);
        AssertSameAsFullBuild(site);
    }

    [Fact]
    public void Body_edit_that_breaks_a_link_fails_like_a_full_build_and_writes_nothing()
    {
        using var site = SiteWithListings();
        var builder = new SiteBuilder();
        site.BuildOk(builder);
        var before = Files(site.Output);

        EditBody(site, NewsPath, "本文です。\n\n詳しくは[こちら](/nowhere/)へ。\n");
        var result = site.Build(builder);

        Assert.False(result.Succeeded);
        // Once at the body's line; the home page shows the body too and reports its copy at the HTML line.
        var error = Assert.Single(result.Diagnostics, d => d.Code == "broken-link" && d.Location.Path == NewsPath);
        Assert.Equal(8, error.Location.Line);
        Assert.Equal(before, Files(site.Output));

        EditBody(site, NewsPath, "本文です。\n\n詳しくは[こちら](/about/)へ。\n");
        site.BuildOk(builder);
        AssertSameAsFullBuild(site);
    }

    [Fact]
    public void Body_edit_that_removes_a_linked_anchor_is_reported()
    {
        using var site = SiteWithListings();
        site.Write("content/pages/guide.md", "---\ntitle: 案内\n---\n[詳細へ](/news/2025-09-15-open/#details)\n");
        EditBody(site, NewsPath, "## details\n\n本文\n");
        var builder = new SiteBuilder();
        site.BuildOk(builder);

        EditBody(site, NewsPath, "## other\n\n本文\n");
        var result = site.Build(builder);

        var error = Assert.Single(result.Diagnostics, d => d.Code == "missing-anchor");
        Assert.Equal("content/pages/guide.md", error.Location.Path);
    }

    [Fact]
    public void Several_body_edits_in_a_row_stay_equal_to_a_full_build()
    {
        using var site = SiteWithListings();
        var builder = new SiteBuilder();
        site.BuildOk(builder);

        EditBody(site, "content/pages/about.md", "一度目の編集です。\n");
        Assert.Contains(site.BuildOk(builder).Timings, t => t.Phase == "変更の確認");
        EditBody(site, NewsPath, "二度目の編集です。\n");
        EditBody(site, "content/pages/about.md", "三度目の編集です。\n");
        Assert.Contains(site.BuildOk(builder).Timings, t => t.Phase == "変更の確認");

        Assert.Contains("三度目の編集です。", site.Html("about/index.html").QuerySelector(".content")!.TextContent, StringComparison.Ordinal);
        AssertSameAsFullBuild(site);
    }
}
