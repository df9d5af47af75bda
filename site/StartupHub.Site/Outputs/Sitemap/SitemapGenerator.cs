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

    // The last file with the base URL and each page's URL and date it was made from. Compared in place: a key of
    // twenty-two thousand boxed values, built for every dev-server rebuild, took 5-11 ms of each. Generators are shared
    // by every builder in the process, so this may hold another site's file; the full comparison makes reuse safe.
    private Made? _last;

    public IEnumerable<OutputFile> Generate(OutputContext context)
    {
        var pages = context.Pages
            .Where(p => p.Indexable && p.Item is not Page { Noindex: true } && !p.OutputPath.EndsWith("404.html", StringComparison.Ordinal))
            .ToList();
        var baseUrl = context.BaseUrl.AbsoluteUri;

        // Each entry is a URL and a date: a rebuild that changed neither (a title edit) reuses the last file.
        if (Volatile.Read(ref _last) is not { } last || !last.IsFor(baseUrl, pages))
        {
            last = new Made(baseUrl, [.. pages.Select(p => p.Url)], [.. pages.Select(p => p.LastModified)], Write(context, pages));
            Volatile.Write(ref _last, last);
        }

        yield return new OutputFile(OutputPath, last.Bytes);
    }

    private sealed record Made(string BaseUrl, string[] Urls, DateTimeOffset?[] Dates, byte[] Bytes)
    {
        public bool IsFor(string baseUrl, List<RenderedPage> pages)
        {
            if (BaseUrl != baseUrl || Urls.Length != pages.Count)
            {
                return false;
            }

            for (var i = 0; i < Urls.Length; i++)
            {
                // Dates compare as instants, as the file writes them (in JST).
                if (pages[i].LastModified != Dates[i] || !string.Equals(pages[i].Url, Urls[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
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
