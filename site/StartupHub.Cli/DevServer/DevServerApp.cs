using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StartupHub.Cli.Hosting;
using StartupHub.Cli.LiveReload;
using StartupHub.Cli.Watch;
using StartupHub.Site.Templates;

namespace StartupHub.Cli.DevServer;

/// <summary>
/// The local server of <c>startuphub serve</c>, composed in one place so other parts (the forms API under
/// <c>/api/</c>) can be mapped into the same app through <c>configure</c>: their endpoints win over the
/// site's catch-all. Kestrel listens on 127.0.0.1 only.
/// </summary>
public sealed class DevServerApp : IAsyncDisposable
{
    private readonly DevServerOptions _options;
    private readonly TextWriter _log;
    private DebouncedWatcher? _watcher;

    private DevServerApp(DevServerOptions options, TextWriter log, WebApplication app, LiveReloadHub liveReload, DevSite site)
    {
        _options = options;
        _log = log;
        App = app;
        LiveReload = liveReload;
        Site = site;
    }

    public WebApplication App { get; }

    public LiveReloadHub LiveReload { get; }

    public DevSite Site { get; }

    /// <summary>The address the server listens on (known after <see cref="StartAsync"/>).</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <param name="configure">Maps more endpoints (e.g. the forms API) before the site's catch-all.</param>
    /// <param name="configureBuilder">Adds configuration and services those endpoints need.</param>
    public static DevServerApp Create(
        DevServerOptions options,
        TextWriter log,
        Action<WebApplication>? configure = null,
        Action<WebApplicationBuilder>? configureBuilder = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = options.Build.RootDirectory });
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        configureBuilder?.Invoke(builder);

        var app = builder.Build();
        var liveReload = new LiveReloadHub();
        var site = new DevSite(options.Build, liveReload, log);
        app.UseStaticWebAppRules(DevServerRules.Load(options.Build.RootDirectory), () => site.Options.OutputDirectory);
        app.MapGet(LiveReloadHub.Path, liveReload.HandleAsync);
        configure?.Invoke(app);
        app.MapFallback("{**path}", new SiteFiles(site).ServeAsync);
        return new DevServerApp(options, log, app, liveReload, site);
    }

    /// <summary>Starts listening, builds once with the server's address as base URL, then watches for changes.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await App.StartAsync(cancellationToken);
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? $"http://127.0.0.1:{_options.Port}";
        Address = new Uri(address.EndsWith('/') ? address : address + "/");
        Site.UseBaseUrl(Address);
        await Site.RebuildAsync();

        var directories = new TemplateDirectories(_options.Build.RootDirectory, _options.Build.ThemeName);
        _watcher = new DebouncedWatcher(
            [_options.Build.ContentDirectory, Path.Combine(_options.Build.RootDirectory, "themes", _options.Build.ThemeName), Path.Combine(_options.Build.RootDirectory, "layouts")],
            _options.Quiet,
            changed => _ = Site.RebuildAsync(changed));
        _log.WriteLine($"{Address} で表示しています（{directories.RootDirectory} の content/ と themes/ の変更を監視中。Ctrl+C で終了）。");
    }

    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        LiveReload.CloseAll();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
