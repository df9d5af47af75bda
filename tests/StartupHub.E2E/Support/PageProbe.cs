using Microsoft.Playwright;

namespace StartupHub.E2E.Support;

/// <summary>
/// One browser context and page that records, per visit, what a visitor must never meet: console errors,
/// failed requests and error responses, requests to any origin other than the server's (aborted, so nothing
/// leaves the machine) and CSP violations (console reports and <c>securitypolicyviolation</c> events).
/// </summary>
public sealed class PageProbe : IAsyncDisposable
{
    /// <summary>Runs before any page script, so even violations during parsing are kept.</summary>
    private const string ViolationRecorder =
        "window.__cspViolations = [];" +
        "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    /// <summary>The dev server's live-reload stream stays open and is cut on every navigation; it is not part of the site.</summary>
    private const string LiveReloadPath = "/__livereload";

    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(15);

    private readonly Uri _origin;
    private readonly List<string> _problems = [];
    private readonly HashSet<IRequest> _inFlight = [];
    private TaskCompletionSource _idle = Idle();

    private PageProbe(Uri origin, IBrowserContext context, IPage page)
    {
        _origin = origin;
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Every off-origin URL the page tried to load since the probe opened.</summary>
    public List<string> Blocked { get; } = [];

    public static async Task<PageProbe> OpenAsync(ServedSite site, ViewportSize viewport, bool isMobile = false)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.Address.ToString(),
            ViewportSize = viewport,
            IsMobile = isMobile,
            HasTouch = isMobile,
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
        });
        var page = await context.NewPageAsync();
        var probe = new PageProbe(site.Address, context, page);
        await context.RouteAsync("**/*", probe.GuardAsync);
        await context.AddInitScriptAsync(ViolationRecorder);
        probe.Listen();
        return probe;
    }

    public static Task<PageProbe> DesktopAsync(ServedSite site) => OpenAsync(site, new ViewportSize { Width = 1280, Height = 800 });

    public static Task<PageProbe> MobileAsync(ServedSite site) => OpenAsync(site, new ViewportSize { Width = 390, Height = 844 }, isMobile: true);

    /// <summary>Opens <paramref name="path"/>, waits for the load event and for every request to end, and returns what went wrong.</summary>
    public async Task<IReadOnlyList<string>> VisitAsync(string path)
    {
        Take();
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (response is null || !response.Ok)
        {
            Record($"ページ自体が HTTP {response?.Status} を返しました");
        }

        return await CheckAsync();
    }

    /// <summary>Waits for requests to end and returns what went wrong on the current page since the last call.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync()
    {
        await SettledAsync();
        var violations = await Page.EvaluateAsync<string[]>("() => (window.__cspViolations || []).splice(0)");
        foreach (var violation in violations)
        {
            Record($"CSP 違反: {violation}");
        }

        return Take();
    }

    /// <summary>Waits until no request (other than live reload) is in flight.</summary>
    public async Task SettledAsync()
    {
        Task idle;
        lock (_inFlight)
        {
            idle = _idle.Task;
        }

        if (await Task.WhenAny(idle, Task.Delay(SettleTimeout)) != idle)
        {
            lock (_inFlight)
            {
                Record("終わらないリクエスト: " + string.Join(", ", _inFlight.Select(r => r.Url)));
            }
        }
    }

    /// <summary>The problems recorded since the last call, cleared.</summary>
    public IReadOnlyList<string> Take()
    {
        lock (_problems)
        {
            var taken = _problems.ToList();
            _problems.Clear();
            return taken;
        }
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();

    private async Task GuardAsync(IRoute route)
    {
        var url = new Uri(route.Request.Url);
        if (url.Scheme is "data" or "blob" || url.GetLeftPart(UriPartial.Authority) == _origin.GetLeftPart(UriPartial.Authority))
        {
            await route.ContinueAsync();
            return;
        }

        lock (Blocked)
        {
            Blocked.Add(route.Request.Url);
        }

        Record($"外部へのリクエスト: {route.Request.Url}");
        await route.AbortAsync("blockedbyclient");
    }

    private void Listen()
    {
        Page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                Record($"コンソール {message.Type}: {message.Text} ({message.Location})");
            }
        };
        Page.PageError += (_, error) => Record($"スクリプトの例外: {error}");
        Page.Request += (_, request) => Track(request, started: true);
        Page.RequestFinished += (_, request) => Track(request, started: false);
        Page.RequestFailed += (_, request) =>
        {
            Track(request, started: false);
            if (!IsLiveReload(request) && !IsOffOrigin(request))
            {
                Record($"失敗したリクエスト: {request.Url} ({request.Failure})");
            }
        };
        Page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !IsOffOrigin(response.Request))
            {
                Record($"HTTP {response.Status}: {response.Url}");
            }
        };
    }

    private void Track(IRequest request, bool started)
    {
        if (IsLiveReload(request))
        {
            return;
        }

        lock (_inFlight)
        {
            if (started)
            {
                if (_inFlight.Add(request) && _inFlight.Count == 1)
                {
                    _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
            else if (_inFlight.Remove(request) && _inFlight.Count == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private bool IsOffOrigin(IRequest request) =>
        new Uri(request.Url) is var url && url.Scheme is not ("data" or "blob") && url.GetLeftPart(UriPartial.Authority) != _origin.GetLeftPart(UriPartial.Authority);

    private static bool IsLiveReload(IRequest request) => new Uri(request.Url).AbsolutePath == LiveReloadPath;

    private void Record(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }

    private static TaskCompletionSource Idle()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        idle.TrySetResult();
        return idle;
    }
}
