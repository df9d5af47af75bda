using AngleSharp.Html.Parser;
using StartupHub.Site.Build;

namespace StartupHub.Site.Outputs.Links;

/// <summary>One link found in a page: the attribute value as written and the link's text.</summary>
internal sealed record FoundLink(string Href, string Text);

/// <summary>What the checker needs from one parsed page: its anchors and its links. Each page is parsed once.</summary>
internal sealed record PageScan(RenderedPage Page, IReadOnlySet<string> Ids, IReadOnlyList<FoundLink> Links)
{
    /// <summary>Elements whose URL attributes must point inside the output.</summary>
    private const string Selector = "a[href], area[href], link[href], img[src], script[src], source[src], iframe[src], video[src], audio[src], track[src]";

    // A parser holds a browsing context that is costly to create and not documented as thread-safe: one per thread.
    // Source references are off (they slow every parse); the rare broken link is located in the HTML text instead.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());

    /// <summary>Line and column (1-based) of the first attribute holding <paramref name="href"/> in the page's HTML.</summary>
    public (int Line, int Column) Locate(string href)
    {
        var html = Page.Html;
        var index = -1;
        foreach (var written in new[] { href, System.Net.WebUtility.HtmlEncode(href) })
        {
            foreach (var quote in new[] { "\"", "'" })
            {
                index = html.IndexOf("=" + quote + written + quote, StringComparison.Ordinal);
                if (index >= 0)
                {
                    break;
                }
            }

            if (index >= 0)
            {
                break;
            }
        }

        if (index < 0)
        {
            return (1, 1);
        }

        index++; // the opening quote: where an editor's cursor should land
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (html[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    public static PageScan Parse(RenderedPage page)
    {
        using var document = Parser.Value!.ParseDocument(page.Html);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in document.QuerySelectorAll("[id], a[name]"))
        {
            if (element.Id is { Length: > 0 } id)
            {
                ids.Add(id);
            }

            if (element.LocalName == "a" && element.GetAttribute("name") is { Length: > 0 } name)
            {
                ids.Add(name);
            }
        }

        var links = new List<FoundLink>();
        foreach (var element in document.QuerySelectorAll(Selector))
        {
            var attribute = element.HasAttribute("href") ? "href" : "src";
            var value = element.GetAttribute(attribute);
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            // <link rel="preconnect|dns-prefetch"> name origins, not files.
            if (element.LocalName == "link" && (element.GetAttribute("rel") ?? "") is var rel
                && (rel.Contains("preconnect", StringComparison.OrdinalIgnoreCase) || rel.Contains("dns-prefetch", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            links.Add(new FoundLink(value.Trim(), element.TextContent.Trim()));
        }

        return new PageScan(page, ids, links);
    }
}
