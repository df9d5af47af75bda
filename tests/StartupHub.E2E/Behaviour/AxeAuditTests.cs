using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using StartupHub.E2E.Pages;
using StartupHub.E2E.Support;

namespace StartupHub.E2E.Behaviour;

/// <summary>
/// The sweep's fast <see cref="AxeAudit"/> finds what Deque's own <c>page.RunAxe</c> finds, on a real page
/// spoiled with two kinds of violation (so the comparison is not between two empty lists).
/// </summary>
[Collection(ServedSiteCollection.Name)]
public sealed class AxeAuditTests(ServedSite site)
{
    [Fact]
    public async Task The_direct_axe_run_reports_the_same_violations_as_deque_run_axe()
    {
        await using var probe = await PageProbe.DesktopAsync(site);
        Assert.Empty(await probe.VisitAsync(KeyPages.Event));
        await probe.Page.EvaluateAsync("""
            () => {
              const main = document.querySelector('main');
              main.append(document.createElement('img'));
              const faint = document.createElement('p');
              faint.textContent = '読みにくい文字';
              faint.style.color = '#eeeeee';
              main.append(faint);
            }
            """);
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            ResultTypes = [ResultType.Violations],
        };

        var fast = await AxeAudit.RunAsync(probe.Page, options);
        var deque = await probe.Page.RunAxe(options);

        static string[] Found(AxeResult result) =>
            [.. result.Violations.SelectMany(v => v.Nodes.Select(n => $"{v.Id} {n.Target}")).Order(StringComparer.Ordinal)];
        Assert.Contains(fast.Violations, v => v.Id == "image-alt");
        Assert.Contains(fast.Violations, v => v.Id == "color-contrast");
        Assert.Equal(Found(deque), Found(fast));
    }
}
