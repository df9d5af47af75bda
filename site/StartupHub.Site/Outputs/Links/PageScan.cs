using StartupHub.Site.Build;

namespace StartupHub.Site.Outputs.Links;

/// <summary>
/// One link found in a page: the attribute value as written, and where its element's content starts (for its text).
/// It holds no reference to the page's HTML: ten thousand scans would keep every page's text alive as a string.
/// A struct, so a page's links are one array: half a million link objects, kept to the end of a build, made
/// every collection of the render phase slower.
/// </summary>
internal readonly record struct FoundLink(string Href, int ContentStart = -1, string Element = "")
{
    /// <summary>The element's text content in <paramref name="html"/> (its page), as the DOM's textContent; only read when a broken link is reported.</summary>
    public string TextIn(string html) => ContentStart < 0 ? "" : HtmlScanner.TextUntilEnd(html, ContentStart, Element);
}

/// <summary>What the checker needs from one page: its anchors and its links. Each page is scanned once (<see cref="HtmlScanner"/>).</summary>
internal sealed record PageScan(RenderedPage Page, IReadOnlySet<string> Ids, IReadOnlyList<FoundLink> Links)
{
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

    public static PageScan Parse(RenderedPage page) => Parse(page, page.Html);

    /// <summary>Scans <paramref name="html"/>, the text of <paramref name="page"/> the caller still holds (the render phase), sparing a decode.</summary>
    public static PageScan Parse(RenderedPage page, string html) => Parse(page, html.AsSpan());

    /// <summary>Scans the text of <paramref name="page"/> from the render's buffer.</summary>
    /// <param name="strings">Shares the ids and addresses found across the pages of one build (see <see cref="ScannedStrings"/>).</param>
    public static PageScan Parse(RenderedPage page, ReadOnlySpan<char> html, ScannedStrings? strings = null)
    {
        var (ids, links) = HtmlScanner.Scan(html, strings);
        return new PageScan(page, ids, links);
    }
}
