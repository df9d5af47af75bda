using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using StartupHub.Outputs.Tests.Support;
using StartupHub.Site.Outputs.Sitemap;
using static StartupHub.Outputs.Tests.Support.SampleSite;

namespace StartupHub.Outputs.Tests.Sitemap;

public sealed class SitemapTests
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static XDocument Parse(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return XDocument.Load(reader);
    }

    [Fact]
    public void Lists_indexable_pages_with_absolute_urls_under_the_base_path_and_jst_lastmod()
    {
        var pages = new[]
        {
            Page("/", lastModified: At(2025, 9, 1, 10)),
            Page("/events/2025-10-chiba/", item: Notable, lastModified: At(2025, 9, 2, 8, 30)),
            Page("/search/", indexable: false),
            Page("/404.html"),
        };
        var context = Context(pages: pages, baseUrl: new Uri("https://preview.example.jp/sub/"));

        var doc = Parse(new SitemapGenerator().Single(context, "sitemap.xml").Content);

        Assert.Equal(Ns + "urlset", doc.Root!.Name);
        var urls = doc.Root.Elements(Ns + "url").ToList();
        Assert.Equal(
            ["https://preview.example.jp/sub/", "https://preview.example.jp/sub/events/2025-10-chiba/"],
            urls.Select(u => u.Element(Ns + "loc")!.Value));
        var lastmod = urls[1].Element(Ns + "lastmod")!.Value;
        Assert.Equal("2025-09-02T08:30:00+09:00", lastmod);
        Assert.Equal(At(2025, 9, 2, 8, 30), DateTimeOffset.Parse(lastmod, CultureInfo.InvariantCulture));
        Assert.All(urls, u => Assert.True(Uri.IsWellFormedUriString(u.Element(Ns + "loc")!.Value, UriKind.Absolute)));
    }

    [Fact]
    public void Omits_lastmod_when_the_page_has_none_and_is_still_written_in_preview()
    {
        var context = Context(pages: [Page("/about/")], preview: true);

        var doc = Parse(new SitemapGenerator().Single(context, "sitemap.xml").Content);

        var url = Assert.Single(doc.Root!.Elements(Ns + "url"));
        Assert.Equal("https://example.jp/about/", url.Element(Ns + "loc")!.Value);
        Assert.Null(url.Element(Ns + "lastmod"));
    }

    [Fact]
    public void A_generator_reused_across_builds_reuses_its_file_only_while_urls_and_dates_are_the_same()
    {
        var generator = new SitemapGenerator();
        Site.Build.RenderedPage[] first = [Page("/", lastModified: At(2025, 9, 1, 10)), Page("/news/a/", lastModified: At(2025, 9, 2))];
        var before = generator.Single(Context(pages: [.. first]), "sitemap.xml").Content;

        // A title edit renders new page records with the same URLs and dates: the same bytes come back.
        var retitled = first.Select(p => p with { Title = "改題" }).ToArray();
        Assert.Same(before, generator.Single(Context(pages: retitled), "sitemap.xml").Content);

        // A new date, a new page or another base URL gives a new file, the same as a fresh generator's.
        foreach (var pages in new Site.Build.RenderedPage[][] { [first[0], first[1] with { LastModified = At(2025, 9, 3) }], [.. first, Page("/news/b/")], first })
        {
            var baseUrl = ReferenceEquals(pages, first) ? new Uri("https://other.example.jp/") : null;
            var reused = generator.Single(Context(pages: pages, baseUrl: baseUrl), "sitemap.xml").Content;
            var fresh = new SitemapGenerator().Single(Context(pages: pages, baseUrl: baseUrl), "sitemap.xml").Content;
            Assert.NotSame(before, reused);
            Assert.Equal(fresh, reused);
        }
    }
}
