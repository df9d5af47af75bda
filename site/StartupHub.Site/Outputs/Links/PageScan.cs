using AngleSharp.Html.Parser;
using StartupHub.Site.Build;

namespace StartupHub.Site.Outputs.Links;

/// <summary>One link found in a page: the attribute value, its text and where it sits in the HTML.</summary>
internal sealed record FoundLink(string Href, string Text, int Line, int Column);

/// <summary>What the checker needs from one parsed page: its anchors and its links. Each page is parsed once.</summary>
internal sealed record PageScan(RenderedPage Page, IReadOnlySet<string> Ids, IReadOnlyList<FoundLink> Links)
{
    /// <summary>Elements whose URL attributes must point inside the output.</summary>
    private const string Selector = "a[href], area[href], link[href], img[src], script[src], source[src], iframe[src], video[src], audio[src], track[src]";

    // A parser holds a browsing context that is costly to create and not documented as thread-safe: one per thread.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }));

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

            var position = element.SourceReference?.Position;
            links.Add(new FoundLink(value.Trim(), element.TextContent.Trim(), position?.Line ?? 1, position?.Column ?? 1));
        }

        return new PageScan(page, ids, links);
    }
}
