using Microsoft.Playwright;

namespace StartupHub.Hosting.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (never Playwright's own browser download), with every request that does not
/// go to the loopback server aborted and recorded, and CSP violations collected inside the page.
/// </summary>
public sealed class OfflineChromium : IAsyncDisposable
{
    private const string ViolationRecorder =
        "window.__cspViolations = [];" +
        "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private OfflineChromium(IPlaywright playwright, IBrowser browser, IBrowserContext context)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
    }

    public IBrowserContext Context { get; }

    /// <summary>Requests that would have left the machine.</summary>
    public List<string> Blocked { get; } = [];

    public List<string> ConsoleErrors { get; } = [];

    public static async Task<OfflineChromium> StartAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ja-JP", TimezoneId = "Asia/Tokyo" });
        var chromium = new OfflineChromium(playwright, browser, context);
        await context.RouteAsync("**/*", async route =>
        {
            var uri = new Uri(route.Request.Url);
            if (uri.IsLoopback || uri.Scheme is "data" or "blob")
            {
                await route.ContinueAsync();
            }
            else
            {
                lock (chromium.Blocked)
                {
                    chromium.Blocked.Add(route.Request.Url);
                }

                await route.AbortAsync();
            }
        });
        await context.AddInitScriptAsync(ViolationRecorder);
        return chromium;
    }

    public async Task<IPage> OpenAsync(Uri url)
    {
        var page = await Context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (ConsoleErrors)
                {
                    ConsoleErrors.Add(message.Text);
                }
            }
        };
        await page.GotoAsync(url.ToString());
        return page;
    }

    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => window.__cspViolations || []");

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
