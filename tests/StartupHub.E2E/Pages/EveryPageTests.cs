using System.Diagnostics;
using Deque.AxeCore.Commons;
using StartupHub.E2E.Support;
using Xunit.Abstractions;

namespace StartupHub.E2E.Pages;

/// <summary>
/// Every built page (except the CMS) at desktop and phone size: no console error, no failed request, nothing
/// from another origin, no CSP violation, and no axe violation of WCAG 2.1 A/AA.
/// </summary>
[Collection(ServedSiteCollection.Name)]
public sealed class EveryPageTests(ServedSite site, ITestOutputHelper output)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        // Only violations come back in full: serialising every passing node of every page costs more than the audit.
        ResultTypes = [ResultType.Violations],
    };

    [Fact]
    public async Task Every_page_is_clean_and_accessible_on_desktop_and_on_a_phone()
    {
        var paths = site.PagePaths();
        // The sweep would pass vacuously on an empty build; the real site has dozens of pages.
        Assert.True(paths.Count >= 50, $"ページが {paths.Count} 件しかありません: {string.Join(", ", paths)}");

        await using var desktop = await PageProbe.DesktopAsync(site);
        await using var phone = await PageProbe.MobileAsync(site);
        // The two sizes are independent browser contexts; sweeping them side by side halves the wall time.
        var findings = await Task.WhenAll(SweepAsync(desktop, "desktop", paths), SweepAsync(phone, "mobile", paths));

        var all = findings.SelectMany(f => f).ToList();
        Assert.True(all.Count == 0, $"{paths.Count} ページ × 2 サイズで {all.Count} 件の問題:\n{string.Join('\n', all)}");
    }

    private async Task<List<string>> SweepAsync(PageProbe probe, string size, IReadOnlyList<string> paths)
    {
        var findings = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var path in paths)
        {
            findings.AddRange((await probe.VisitAsync(path)).Select(p => $"[{size}] {path}: {p}"));
            var axe = await AxeAudit.RunAsync(probe.Page, Wcag21AA);
            if (axe.Passes.Length == 0)
            {
                findings.Add($"[{size}] {path}: axe が何も検査していません（ページが空か、axe が動いていません）");
            }

            findings.AddRange(axe.Violations.SelectMany(v => v.Nodes.Select(n => $"[{size}] {path}: axe {v.Id} ({v.Impact}) at {n.Target}: {v.Help}")));
            findings.AddRange(probe.Take().Select(p => $"[{size}] {path}: {p}"));
        }

        output.WriteLine($"{size}: {paths.Count} ページを {clock.Elapsed.TotalSeconds:F1} 秒で検査");
        return findings;
    }
}
