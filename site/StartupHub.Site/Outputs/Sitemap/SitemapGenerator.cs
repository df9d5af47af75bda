using StartupHub.Site.Build;
using StartupHub.Site.Content;
using StartupHub.Site.Outputs.Common;

namespace StartupHub.Site.Outputs.Sitemap;

/// <summary>
/// /sitemap.xml: every indexable page with its absolute URL and lastmod (content pages marked <c>noindex: true</c>,
/// such as the form result and staff pages, are left out).
/// Preview builds still write it (so the preview is complete and its links check out), but their
/// robots.txt disallows all crawling and their pages are noindex, so nothing from a preview is indexed.
/// </summary>
public sealed class SitemapGenerator : IOutputGenerator
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public const string OutputPath = "sitemap.xml";

    public string Name => "sitemap";

    private readonly LastOutput _last = new();

    public IEnumerable<OutputFile> Generate(OutputContext context)
    {
        var pages = context.Pages
            .Where(p => p.Indexable && p.Item is not Page { Noindex: true } && !p.OutputPath.EndsWith("404.html", StringComparison.Ordinal))
            .ToList();

        // Each entry is a URL and a date: a rebuild that changed neither (a title edit) reuses the last file.
        var key = new object?[(pages.Count * 2) + 1];
        key[0] = context.BaseUrl.AbsoluteUri;
        for (var i = 0; i < pages.Count; i++)
        {
            key[(2 * i) + 1] = pages[i].Url;
            key[(2 * i) + 2] = pages[i].LastModified;
        }

        yield return new OutputFile(OutputPath, _last.Reuse(key, () => Write(context, pages)));
    }

    private static byte[] Write(OutputContext context, List<RenderedPage> indexable)
    {
        var pages = indexable.OrderBy(p => p.Url, StringComparer.Ordinal);
        return XmlOutput.Write(xml =>
        {
            xml.WriteStartElement("urlset", Namespace);
            foreach (var page in pages)
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, SiteUrls.Absolute(context.BaseUrl, page.Url));
                if (page.LastModified is { } lastModified)
                {
                    xml.WriteElementString("lastmod", Namespace, Jst.Iso(lastModified));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }
}
