using StartupHub.E2E.Pages;
using StartupHub.E2E.Support;

namespace StartupHub.E2E.Behaviour;

/// <summary>A keyboard-only visitor reaches the content of the event page through the skip link.</summary>
[Collection(ServedSiteCollection.Name)]
public sealed class KeyboardTests(ServedSite site)
{
    [Fact]
    public async Task Tab_reaches_the_skip_link_first_and_enter_moves_into_main()
    {
        await using var probe = await PageProbe.DesktopAsync(site);
        var page = probe.Page;
        Assert.Empty(await probe.VisitAsync(KeyPages.Event));

        await page.Keyboard.PressAsync("Tab");
        var skip = await page.EvaluateAsync<string[]>("() => [document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]");
        Assert.Equal(["本文へスキップ", "#main"], skip);
        // Visible once focused (it may hide off-screen until then), so a sighted keyboard user sees it.
        Assert.True(await page.Locator(".skip-link").IsVisibleAsync());
        var box = await page.Locator(".skip-link").BoundingBoxAsync();
        Assert.True(box is { Width: > 0, Height: > 0 } && box.X >= 0 && box.Y >= 0, $"スキップリンクが画面外です: {box?.X},{box?.Y}");

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        await page.Keyboard.PressAsync("Tab");
        var next = await page.EvaluateAsync<string>("() => document.activeElement.closest('main') ? document.activeElement.tagName : 'outside: ' + document.activeElement.outerHTML.slice(0, 120)");
        Assert.True(next is "A" or "BUTTON" or "INPUT" or "SELECT" or "TEXTAREA" or "SUMMARY", $"スキップ後の Tab が本文の操作できる要素に進みません: {next}");
    }
}
