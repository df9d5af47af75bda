using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using StartupHub.Build.Tests.Support;
using StartupHub.Cli.DevServer;
using StartupHub.Cli.LiveReload;

namespace StartupHub.Build.Tests.Serve;

public sealed class DevServerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static DevServerApp Create(TempSite site, Action<WebApplication>? configure = null) =>
        DevServerApp.Create(
            new DevServerOptions(site.Options() with { OutputDirectory = Path.Combine(site.Root, ".data", "serve-site") }, Port: 0, Debounce: TimeSpan.FromMilliseconds(100)),
            TextWriter.Null,
            configure);

    [Fact]
    public async Task Serves_the_site_with_the_live_reload_script_on_a_loopback_port()
    {
        using var site = TempSite.Create();
        await using var server = Create(site);
        await server.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Address };

        Assert.Equal("127.0.0.1", server.Address.Host);
        var page = await http.GetStringAsync("/events/2025-10-chiba/");
        Assert.Contains("著名起業家参加会（10月）", page, StringComparison.Ordinal);
        Assert.Contains(LiveReloadHub.Script + "</body>", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{server.Address}events/2025-10-chiba/\"", page, StringComparison.Ordinal);

        var redirect = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address }.GetAsync("/events");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/events/", redirect.Headers.Location!.OriginalString);

        var missing = await http.GetAsync("/no-such-page/");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("ページが見つかりません", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var css = await http.GetAsync(site.Html(Path.Combine("..", ".data", "serve-site", "index.html")).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Rebuilds_on_change_and_sends_a_reload_event()
    {
        using var site = TempSite.Create();
        await using var server = Create(site);
        await server.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = Patience };
        using var events = await OpenEvents(http);

        var generation = server.Site.Generation;
        site.Write("content/events/2025-10-chiba.md", SampleContent.EventMd.Replace("著名起業家参加会（10月）", "著名起業家参加会（10月・更新）", StringComparison.Ordinal));

        await WaitFor(() => server.Site.Generation > generation);
        Assert.Contains("著名起業家参加会（10月・更新）", await http.GetStringAsync("/events/2025-10-chiba/"), StringComparison.Ordinal);
        Assert.Equal("event: reload", await NextEvent(events));
    }

    [Fact]
    public async Task Body_edit_is_served_after_a_body_only_rebuild()
    {
        using var site = TempSite.Create();
        await using var server = Create(site);
        await server.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = Patience };

        var generation = server.Site.Generation;
        var path = "content/news/2025-09-15-open.md";
        var text = site.Read(path);
        site.Write(path, text[..(text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)] + "開発サーバーで本文を直しました。\n");

        await WaitFor(() => server.Site.Generation > generation && server.Site.LastResult is { Succeeded: true });
        Assert.Contains(server.Site.LastResult!.Timings, t => t.Phase == "変更の確認");
        Assert.Contains("開発サーバーで本文を直しました。", await http.GetStringAsync("/news/2025-09-15-open/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_build_shows_the_overlay_until_fixed()
    {
        using var site = TempSite.Create();
        await using var server = Create(site);
        await server.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = Patience };

        var generation = server.Site.Generation;
        var good = site.Read("themes/default/layouts/person.liquid");
        site.Write("themes/default/layouts/person.liquid", "{% layout '_base' %}\n{{ page.item.nmae }}");
        await WaitFor(() => server.Site.Generation > generation && server.Site.LastResult is { Succeeded: false });

        var overlay = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.InternalServerError, overlay.StatusCode);
        var html = await overlay.Content.ReadAsStringAsync();
        Assert.Contains("<h1>サイトを生成できませんでした</h1>", html, StringComparison.Ordinal);
        Assert.Contains("themes/default/layouts/person.liquid:2:14", html, StringComparison.Ordinal);
        Assert.Contains("「nmae」", html, StringComparison.Ordinal);
        Assert.Contains(LiveReloadHub.Script, html, StringComparison.Ordinal);

        generation = server.Site.Generation;
        site.Write("themes/default/layouts/person.liquid", good);
        await WaitFor(() => server.Site.Generation > generation && server.Site.LastResult is { Succeeded: true });
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Other_endpoints_can_be_mapped_into_the_same_app()
    {
        using var site = TempSite.Create();
        await using var server = Create(site, app => app.MapGet("/api/ping", () => Results.Text("pong")));
        await server.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Address };

        Assert.Equal("pong", await http.GetStringAsync("/api/ping"));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode);
    }

    private static async Task<StreamReader> OpenEvents(HttpClient http)
    {
        var response = await http.GetAsync(LiveReloadHub.Path, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await reader.ReadLineAsync());
        return reader;
    }

    private static async Task<string?> NextEvent(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                return line;
            }
        }

        return null;
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the dev server did not rebuild in time");
            await Task.Delay(50);
        }
    }
}
