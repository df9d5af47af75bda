using Deque.AxeCore.Commons;
using StartupHub.E2E.Support;

namespace StartupHub.E2E.Behaviour;

/// <summary>
/// The sweep's checks can fail: a page spoiled on purpose (inline script, image without alt text, embed from
/// another origin, console error) is reported by the probe and by axe. Without this, a green sweep could mean a blind probe.
/// </summary>
[Collection(ServedSiteCollection.Name)]
public sealed class ProbeSelfTests(ServedSite site)
{
    [Fact]
    public async Task A_spoiled_page_is_reported_for_csp_external_request_console_error_and_axe()
    {
        await using var probe = await PageProbe.DesktopAsync(site);
        Assert.Empty(await probe.VisitAsync("/"));

        // The CSP itself stops an off-origin image; an embed from the one allowed frame origin reaches the guard.
        await probe.Page.RunAndWaitForRequestAsync(
            () => probe.Page.EvaluateAsync("""
                () => {
                  const script = document.createElement('script');
                  script.textContent = 'window.inline = 1';
                  document.body.append(script);
                  document.querySelector('main').append(document.createElement('img'));
                  const frame = document.createElement('iframe');
                  frame.src = 'https://www.youtube-nocookie.com/embed/spoiled';
                  document.body.append(frame);
                  console.error('spoiled on purpose');
                }
                """),
            r => r.Url.StartsWith("https://www.youtube-nocookie.com/", StringComparison.Ordinal));
        var problems = await probe.CheckAsync();
        var axe = await AxeAudit.RunAsync(probe.Page, new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a"] } });

        Assert.Contains(problems, p => p.StartsWith("CSP 違反: script-src", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("コンソール error:", StringComparison.Ordinal) && p.Contains("Content Security Policy", StringComparison.Ordinal));
        Assert.Contains(problems, p => p == "外部へのリクエスト: https://www.youtube-nocookie.com/embed/spoiled");
        Assert.Contains(problems, p => p.Contains("spoiled on purpose", StringComparison.Ordinal));
        Assert.Contains(axe.Violations, v => v.Id == "image-alt");
        Assert.Equal(["https://www.youtube-nocookie.com/embed/spoiled"], probe.Blocked);
    }
}
