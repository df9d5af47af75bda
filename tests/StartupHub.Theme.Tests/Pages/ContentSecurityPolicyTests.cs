using StartupHub.Theme.Tests.Support;

namespace StartupHub.Theme.Tests.Pages;

/// <summary>The CSP has no unsafe-inline: no script bodies (JSON-LD data blocks aside), no style elements or attributes, no handlers.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class ContentSecurityPolicyTests(BuiltSite site)
{
    [Fact]
    public void No_page_has_inline_scripts_styles_or_event_handlers()
    {
        var faults = new List<string>();
        foreach (var page in site.Pages)
        {
            foreach (var script in page.Document.QuerySelectorAll("script"))
            {
                var isData = script.GetAttribute("type") == "application/ld+json";
                if (!isData && (!script.HasAttribute("src") || !string.IsNullOrWhiteSpace(script.TextContent)))
                {
                    faults.Add($"{page}: inline script");
                }
            }

            faults.AddRange(page.Document.QuerySelectorAll("style").Select(_ => $"{page}: style element"));
            foreach (var element in page.Document.All)
            {
                faults.AddRange(element.Attributes
                    .Where(a => a.Name == "style" || a.Name.StartsWith("on", StringComparison.Ordinal))
                    .Select(a => $"{page}: <{element.LocalName} {a.Name}>"));
            }
        }

        Assert.Empty(faults);
    }

    [Fact]
    public void Json_ld_blocks_are_valid_json()
    {
        var blocks = site.Pages.SelectMany(p => p.Document.QuerySelectorAll("script[type='application/ld+json']").Select(s => (p, s.TextContent))).ToList();

        Assert.NotEmpty(blocks);
        Assert.All(blocks, b => System.Text.Json.JsonDocument.Parse(b.TextContent).Dispose());
    }

    [Fact]
    public void Styles_and_scripts_come_from_fingerprinted_assets()
    {
        var home = site.Page("/").Document;
        var stylesheet = home.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        Assert.Matches(@"^/assets/.+\.[0-9a-f]{6,}\.css$", stylesheet);
        Assert.True(site.Exists(stylesheet), $"{stylesheet} was not written");
        foreach (var src in home.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!))
        {
            Assert.True(site.Exists(src), $"{src} was not written");
        }
    }
}
