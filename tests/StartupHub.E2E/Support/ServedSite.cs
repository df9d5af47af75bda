using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StartupHub.Cli;

namespace StartupHub.E2E.Support;

/// <summary>
/// The repository's real site served the way a person runs it (<c>serve --search</c> with the forms API and
/// the staticwebapp.config.json headers incl. the CSP), from a temporary copy of content/ and themes/ so the
/// forms store (.data/) never touches the checkout; plus one headless Chromium shared by the collection.
/// </summary>
public sealed partial class ServedSite : IAsyncLifetime
{
    /// <summary>
    /// Forms settings of every served test site (appsettings.json in the site root, which <c>serve</c> reads as
    /// its content root): every page load fetches a form token, and all of them come from 127.0.0.1, so the
    /// production per-client limits would throttle the sweep; a test also fills a form faster than a person.
    /// </summary>
    private static readonly Dictionary<string, object> DefaultForms = new()
    {
        ["RateLimit"] = new Dictionary<string, int> { ["PermitsPerMinute"] = 1_000_000, ["Burst"] = 1_000_000 },
        ["MinimumFillSeconds"] = 0,
    };

    private readonly Action<string>? _prepare;
    private readonly IReadOnlyDictionary<string, object> _forms;

    public ServedSite()
        : this(null, null)
    {
    }

    /// <param name="prepare">Changes the temporary copy (its root folder) before serving, e.g. adds a test-only event.</param>
    /// <param name="forms">More <c>Forms</c> settings, e.g. the Azurite connection string.</param>
    internal ServedSite(Action<string>? prepare, IReadOnlyDictionary<string, object>? forms)
    {
        _prepare = prepare;
        var all = new Dictionary<string, object>(DefaultForms);
        foreach (var (key, value) in forms ?? new Dictionary<string, object>())
        {
            all[key] = value;
        }

        _forms = all;
    }

    /// <summary>The fixed "now" of every run: registration open for the autumn events, so pages look as in season.</summary>
    public const string Now = "2025-10-01T10:00+09:00";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly string _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "startuphub-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly CancellationTokenSource _stop = new();
    private readonly LineSignal _stdout = new(AddressLine());
    private readonly LineSignal _stderr = new(AddressLine());
    private Task<int>? _server;
    private IPlaywright? _playwright;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public string OutputDirectory => System.IO.Path.Combine(_root, ".data", "serve-site");

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        CopyRepository();
        File.WriteAllText(System.IO.Path.Combine(_root, "appsettings.json"), System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["Forms"] = _forms }));
        _prepare?.Invoke(_root);
        _server = CliApp.RunAsync(["serve", "--port", "0", "--root", _root, "--now", Now, "--search"], _stdout, _stderr, _stop.Token);
        var started = await Task.WhenAny(_stdout.Match.Task, _server, Task.Delay(StartTimeout));
        if (started != _stdout.Match.Task)
        {
            throw new InvalidOperationException($"serve が起動しませんでした。\n--- stdout ---\n{_stdout.Text}\n--- stderr ---\n{_stderr.Text}");
        }

        Address = new Uri((await _stdout.Match.Task).Groups["url"].Value);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Debian's Chromium (scripts/setup.sh --browser); never Playwright's own browser download.
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Every built page as a path (<c>/x/</c> for <c>x/index.html</c>), without the CMS, Pagefind's internals and the staff pages.</summary>
    public IReadOnlyList<string> PagePaths() =>
        [.. Directory.EnumerateFiles(OutputDirectory, "*.html", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(OutputDirectory, f).Replace('\\', '/'))
            // Staff pages need the staff role (Flows/StaffFlowTests signs in and audits them).
            .Where(r => !r.StartsWith("admin/", StringComparison.Ordinal) && !r.StartsWith("pagefind/", StringComparison.Ordinal) && !r.StartsWith("staff/", StringComparison.Ordinal))
            .Select(r => "/" + (r.EndsWith("index.html", StringComparison.Ordinal) ? r[..^"index.html".Length] : r))
            .Order(StringComparer.Ordinal)];

    /// <summary>The first built page under <paramref name="section"/> (e.g. <c>/events/</c>) that is an item, not a list page.</summary>
    public string FirstItem(string section) =>
        PagePaths().First(p => p.StartsWith(section, StringComparison.Ordinal) && p != section && !p.StartsWith(section + "page/", StringComparison.Ordinal));

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        await _stop.CancelAsync();
        if (_server is not null)
        {
            await _server;
        }

        _stop.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans the temp folder
        }
    }

    private void CopyRepository()
    {
        var repo = RepositoryRoot.Path;
        CopyDirectory(System.IO.Path.Combine(repo, "content"), System.IO.Path.Combine(_root, "content"));
        CopyDirectory(System.IO.Path.Combine(repo, "themes"), System.IO.Path.Combine(_root, "themes"));
        File.Copy(System.IO.Path.Combine(repo, "staticwebapp.config.json"), System.IO.Path.Combine(_root, "staticwebapp.config.json"));
        // Pagefind and Decap are found through node_modules beside the root, as in the checkout.
        Directory.CreateSymbolicLink(System.IO.Path.Combine(_root, "node_modules"), System.IO.Path.Combine(repo, "node_modules"));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"(?<url>http://127\.0\.0\.1:\d+/) で表示しています")]
    private static partial Regex AddressLine();
}

[CollectionDefinition(Name)]
public sealed class ServedSiteCollection : ICollectionFixture<ServedSite>
{
    public const string Name = "served site";
}
