using Microsoft.Playwright;
using StartupHub.E2E.Pages;
using StartupHub.E2E.Support;

namespace StartupHub.E2E.Behaviour;

/// <summary>The click-to-load player: YouTube is contacted only after the visitor presses the button.</summary>
[Collection(ServedSiteCollection.Name)]
public sealed class VideoFacadeTests(ServedSite site)
{
    private const string Player = "https://www.youtube-nocookie.com/";

    [Fact]
    public async Task The_player_iframe_and_its_request_appear_only_after_the_click()
    {
        var video = site.FirstItem(KeyPages.Videos);
        await using var probe = await PageProbe.DesktopAsync(site);
        var requested = new List<string>();
        var clicked = false;
        var requestedBeforeClick = false;
        // Answered here, never sent: the page route wins over the probe's guard, so nothing leaves the machine.
        await probe.Page.RouteAsync(Player + "**", async route =>
        {
            lock (requested)
            {
                requested.Add(route.Request.Url);
                requestedBeforeClick |= !Volatile.Read(ref clicked);
            }

            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = "<!doctype html><title>player</title>" });
        });

        Assert.Empty(await probe.VisitAsync(video));
        var facade = probe.Page.Locator("button[data-embed]").First;
        Assert.True(await facade.IsVisibleAsync(), $"{video} に再生ボタンがありません");
        Assert.Equal(0, await probe.Page.Locator("iframe").CountAsync());
        Assert.Empty(requested);

        Volatile.Write(ref clicked, true);
        var request = await probe.Page.RunAndWaitForRequestAsync(() => facade.ClickAsync(), r => r.Url.StartsWith(Player, StringComparison.Ordinal));

        Assert.StartsWith(Player + "embed/", request.Url, StringComparison.Ordinal);
        var frame = probe.Page.Locator("iframe.video-frame");
        await frame.WaitForAsync();
        Assert.Equal(request.Url, await frame.GetAttributeAsync("src"));
        Assert.False(string.IsNullOrWhiteSpace(await frame.GetAttributeAsync("title")), "iframe に title がありません");
        Assert.False(requestedBeforeClick, "クリック前に YouTube へのリクエストがありました");
        Assert.Empty(await probe.CheckAsync()); // frame-src of the CSP allows the player; nothing else went out
    }
}
