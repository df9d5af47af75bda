using Microsoft.Playwright;
using StartupHub.E2E.Support;

namespace StartupHub.E2E.Pages;

/// <summary>Full-page screenshots of the key pages at both sizes, saved for a person to review (see docs/testing.md).</summary>
[Collection(ServedSiteCollection.Name)]
public sealed class ScreenshotTests(ServedSite site)
{
    [Fact]
    public async Task Key_pages_are_captured_on_desktop_and_on_a_phone()
    {
        var built = site.PagePaths();
        Assert.All(KeyPages.All, page => Assert.Contains(page.Path, built));

        var directory = Artifacts.ScreenshotDirectory;
        foreach (var (size, open) in new (string, Func<ServedSite, Task<PageProbe>>)[] { ("desktop", PageProbe.DesktopAsync), ("mobile", PageProbe.MobileAsync) })
        {
            await using var probe = await open(site);
            foreach (var (name, path) in KeyPages.All)
            {
                Assert.Empty(await probe.VisitAsync(path));
                // Web fonts and images are loaded by now (load event); wait for fonts that CSS asks for late.
                await probe.Page.EvaluateAsync("() => document.fonts.ready");
                var file = Path.Combine(directory, $"{name}-{size}.png");
                File.Delete(file);
                await probe.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                Assert.True(new FileInfo(file).Length > 10_000, $"{file} がほぼ空です");
            }
        }
    }
}
