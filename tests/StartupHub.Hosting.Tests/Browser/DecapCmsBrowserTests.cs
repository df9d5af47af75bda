using Microsoft.Playwright;
using StartupHub.Cli.Hosting;
using StartupHub.Hosting.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace StartupHub.Hosting.Tests.Browser;

/// <summary>
/// /admin/ of the real build in Chromium, offline, behind the emulated hosting rules (so the /admin/ CSP is
/// the one Azure will send). The built config is served with Decap's in-memory test backend in place of
/// GitHub; everything else (collections, locale, workflow) is the generated config.
/// </summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class DecapCmsBrowserTests(BuiltSite site)
{
    private static readonly string[] CollectionLabels = ["イベント", "登壇者・メンター", "採択企業", "アーカイブ動画", "お知らせ", "固定ページ", "支援機関", "申込フォーム", "サイト設定"];

    [Fact]
    public async Task The_japanese_cms_starts_offline_and_lists_every_collection()
    {
        var rules = StaticWebAppRules.Load(RepositoryRoot.Combine(StaticWebAppRules.FileName));
        var config = WithTestBackend(File.ReadAllText(Path.Combine(site.OutputDirectory, "admin", "config.yml")));
        await using var host = await HostedSite.StartAsync(site.OutputDirectory, rules, new Dictionary<string, string> { ["/admin/config.yml"] = config });
        await using var chromium = await OfflineChromium.StartAsync();

        var page = await chromium.OpenAsync(new Uri(host.Address, "/admin/"));
        var login = page.GetByRole(AriaRole.Button, new() { Name = "ログイン" });
        await login.WaitForAsync(new() { Timeout = 60_000 });
        await login.ClickAsync();

        foreach (var label in CollectionLabels)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = label, Exact = true }).First.WaitForAsync(new() { Timeout = 30_000 });
        }

        // The editorial workflow (every edit is a pull request) is on: its board is in the header.
        Assert.True(await page.GetByText("ワークフロー").First.IsVisibleAsync());
        Assert.Empty(chromium.Blocked);
        Assert.Empty(await OfflineChromium.ViolationsAsync(page));
        Assert.DoesNotContain(chromium.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Site_pages_run_under_the_csp_and_the_video_loads_only_after_a_click()
    {
        var rules = StaticWebAppRules.Load(RepositoryRoot.Combine(StaticWebAppRules.FileName));
        await using var host = await HostedSite.StartAsync(site.OutputDirectory, rules);
        await using var chromium = await OfflineChromium.StartAsync();

        var home = await chromium.OpenAsync(host.Address);
        await home.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(await OfflineChromium.ViolationsAsync(home));

        var video = Directory.EnumerateDirectories(Path.Combine(site.OutputDirectory, "videos")).Select(Path.GetFileName).First(d => d != "page");
        var page = await chromium.OpenAsync(new Uri(host.Address, $"/videos/{video}/"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(chromium.Blocked); // nothing from YouTube before the click

        await page.Locator("button[data-embed]").First.ClickAsync();
        var frame = page.Locator("iframe.video-frame");
        await frame.WaitForAsync();
        Assert.StartsWith("https://www.youtube-nocookie.com/embed/", await frame.GetAttributeAsync("src"), StringComparison.Ordinal);
        await page.WaitForTimeoutAsync(500);
        Assert.Empty(await OfflineChromium.ViolationsAsync(page)); // frame-src allows the player
        Assert.Contains(chromium.Blocked, u => u.StartsWith("https://www.youtube-nocookie.com/", StringComparison.Ordinal));
    }

    private static string WithTestBackend(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        root.Children[new YamlScalarNode("backend")] = new YamlMappingNode(new YamlScalarNode("name"), new YamlScalarNode("test-repo"));
        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
