using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;
using StartupHub.Cli.Hosting;

namespace StartupHub.Hosting.Tests.Support;

/// <summary>
/// A real Kestrel on 127.0.0.1 serving a built folder behind <see cref="StaticWebAppRulesExtensions.UseStaticWebAppRules(IApplicationBuilder, StaticWebAppRules, Func{string})"/>,
/// with two stand-in API endpoints that echo what the API would receive. Misses are bare 404s, so the
/// response override of the rules is what turns them into the site's 404 page.
/// </summary>
public sealed class HostedSite : IAsyncDisposable
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly WebApplication _app;

    private HostedSite(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <param name="replacements">Site paths answered with other content (e.g. a test backend's config.yml).</param>
    public static async Task<HostedSite> StartAsync(string siteDirectory, StaticWebAppRules rules, IReadOnlyDictionary<string, string>? replacements = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseStaticWebAppRules(rules, () => siteDirectory);
        app.MapGet("/api/staff/whoami", (HttpRequest r) => Results.Json(new { principal = r.Headers[ClientPrincipal.HeaderName].ToString() }));
        app.MapGet("/api/ping", () => Results.Json(new { ok = true }));
        app.MapFallback("{**path}", context => ServeAsync(context, siteDirectory, replacements));
        await app.StartAsync();
        var address = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return new HostedSite(app, address);
    }

    private static async Task ServeAsync(HttpContext context, string root, IReadOnlyDictionary<string, string>? replacements)
    {
        var path = context.Request.Path.Value ?? "/";
        if (replacements?.TryGetValue(path, out var text) == true)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(text);
            return;
        }

        var file = Path.GetFullPath(Path.Combine(root, Uri.UnescapeDataString(path).TrimStart('/')));
        if (!file.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (Directory.Exists(file))
        {
            if (!path.EndsWith('/'))
            {
                context.Response.Redirect(path + "/");
                return;
            }

            file = Path.Combine(file, "index.html");
        }

        if (!File.Exists(file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        await context.Response.SendFileAsync(file);
    }

    public HttpClient Client(CookieContainerHolder? cookies = null) => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies?.Container ?? new System.Net.CookieContainer(),
    })
    { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed class CookieContainerHolder
{
    public System.Net.CookieContainer Container { get; } = new();
}
