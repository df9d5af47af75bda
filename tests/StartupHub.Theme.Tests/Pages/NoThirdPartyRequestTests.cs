using AngleSharp.Dom;
using StartupHub.Theme.Tests.Support;

namespace StartupHub.Theme.Tests.Pages;

/// <summary>
/// Nothing is requested from another origin until the visitor acts: no third-party src/href/srcset/data,
/// except plain outbound links (the visitor's click) and the facade's data-embed (loaded on click).
/// </summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class NoThirdPartyRequestTests(BuiltSite site)
{
    private static readonly string[] UrlAttributes = ["src", "href", "srcset", "data", "poster", "action", "formaction", "imagesrcset", "background"];

    [Fact]
    public void No_element_points_at_a_third_party_origin()
    {
        var own = site.Content.Settings.BaseUrl;
        var faults = new List<string>();
        foreach (var page in site.Pages)
        {
            foreach (var element in page.Document.All)
            {
                foreach (var attribute in element.Attributes)
                {
                    if (!IsUrlAttribute(attribute.Name) || IsAllowed(element, attribute.Name))
                    {
                        continue;
                    }

                    foreach (var url in Urls(attribute.Value))
                    {
                        if (IsThirdParty(url, own))
                        {
                            faults.Add($"{page}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                        }
                    }
                }
            }
        }

        Assert.Empty(faults);
    }

    [Fact]
    public void Videos_are_facades_without_iframes_and_load_only_the_privacy_enhanced_player()
    {
        Assert.DoesNotContain(site.Pages, p => p.Document.QuerySelector("iframe") is not null);

        var facades = site.Pages.SelectMany(p => p.Document.QuerySelectorAll("button[data-embed]")).ToList();
        Assert.NotEmpty(facades);
        Assert.All(facades, f =>
        {
            Assert.Equal("button", f.GetAttribute("type"));
            Assert.StartsWith("https://www.youtube-nocookie.com/embed/", f.GetAttribute("data-embed"), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(f.GetAttribute("data-title")));
            Assert.Contains("動画を再生", f.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_search_page_loads_pagefind_from_this_site()
    {
        var document = site.Page("/search/").Document;
        var scripts = document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();

        Assert.Contains("/pagefind/pagefind-ui.js", scripts);
        Assert.Contains(scripts, s => s.StartsWith("/assets/", StringComparison.Ordinal) && s.Contains("search", StringComparison.Ordinal));
        Assert.Contains(document.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("href") == "/pagefind/pagefind-ui.css");
        Assert.NotNull(document.QuerySelector("noscript"));
    }

    private static bool IsUrlAttribute(string name) =>
        UrlAttributes.Contains(name, StringComparer.OrdinalIgnoreCase) || name.StartsWith("data-", StringComparison.OrdinalIgnoreCase);

    /// <summary>Following a link is the visitor's action; the facade's player URL is only used on click.</summary>
    private static bool IsAllowed(IElement element, string attribute) =>
        (element.LocalName == "a" && attribute == "href")
        || (element.LocalName == "button" && attribute == "data-embed");

    private static IEnumerable<string> Urls(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(candidate => candidate.Split(' ')[0]);

    private static bool IsThirdParty(string url, Uri own)
    {
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            url = own.Scheme + ":" + url;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var absolute)
            && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)
            && !string.Equals(absolute.Host, own.Host, StringComparison.OrdinalIgnoreCase);
    }
}
