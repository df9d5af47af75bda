using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using StartupHub.E2E.Support;

namespace StartupHub.E2E.Pages;

/// <summary>
/// Every built page (except the CMS) at desktop and phone size: no console error, no failed request, nothing
/// from another origin, no CSP violation, and no axe violation of WCAG 2.1 A/AA.
/// </summary>
[Collection(ServedSiteCollection.Name)]
public sealed class EveryPageTests(ServedSite site)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public async Task Every_page_is_clean_and_accessible_on_desktop()
    {
        await using var probe = await PageProbe.DesktopAsync(site);
        await AssertEveryPageAsync(probe, "desktop 1280×800");
    }

    [Fact]
    public async Task Every_page_is_clean_and_accessible_on_a_phone()
    {
        await using var probe = await PageProbe.MobileAsync(site);
        await AssertEveryPageAsync(probe, "mobile 390×844");
    }

    private async Task AssertEveryPageAsync(PageProbe probe, string size)
    {
        var paths = site.PagePaths();
        // The sweep would pass vacuously on an empty build; the real site has dozens of pages.
        Assert.True(paths.Count >= 50, $"ページが {paths.Count} 件しかありません: {string.Join(", ", paths)}");

        var findings = new List<string>();
        foreach (var path in paths)
        {
            findings.AddRange((await probe.VisitAsync(path)).Select(p => $"{path}: {p}"));
            var axe = await probe.Page.RunAxe(Wcag21AA);
            findings.AddRange(axe.Violations.SelectMany(v => v.Nodes.Select(n => $"{path}: axe {v.Id} ({v.Impact}) at {n.Target}: {v.Help}")));
            findings.AddRange(probe.Take().Select(p => $"{path}: {p}"));
        }

        Assert.True(findings.Count == 0, $"{size} で {paths.Count} ページ中 {findings.Count} 件の問題:\n{string.Join('\n', findings)}");
    }
}
