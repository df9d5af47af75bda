using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using StartupHub.Cli.LiveReload;

namespace StartupHub.Cli.DevServer;

/// <summary>
/// Serves the built folder like the static host will (<c>/x/</c> → <c>x/index.html</c>, <c>/404.html</c> for
/// misses), with the live-reload script added to HTML, and the error overlay while the last build failed.
/// </summary>
internal sealed class SiteFiles(DevSite site)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public async Task ServeAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        var requestPath = context.Request.Path.Value ?? "/";
        var looksLikePage = requestPath.EndsWith('/') || requestPath.EndsWith(".html", StringComparison.Ordinal) || !Path.HasExtension(requestPath);
        if (site.LastResult is not { } result)
        {
            await Html(context, ErrorOverlay.Building, StatusCodes.Status503ServiceUnavailable);
            return;
        }

        if (!result.Succeeded && looksLikePage)
        {
            await Html(context, ErrorOverlay.Html(result.Diagnostics), StatusCodes.Status500InternalServerError);
            return;
        }

        var root = Path.GetFullPath(site.Options.OutputDirectory);
        var file = Path.GetFullPath(Path.Combine(root, Uri.UnescapeDataString(requestPath).TrimStart('/')));
        if (!file.StartsWith(root, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (Directory.Exists(file))
        {
            if (!requestPath.EndsWith('/'))
            {
                context.Response.Redirect(requestPath + "/" + context.Request.QueryString, permanent: false);
                return;
            }

            file = Path.Combine(file, "index.html");
        }

        if (!File.Exists(file))
        {
            var notFound = Path.Combine(root, "404.html");
            if (File.Exists(notFound))
            {
                await Html(context, LiveReloadHub.Inject(await File.ReadAllTextAsync(notFound)), StatusCodes.Status404NotFound);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }

            return;
        }

        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            await Html(context, LiveReloadHub.Inject(await File.ReadAllTextAsync(file)), StatusCodes.Status200OK);
            return;
        }

        context.Response.ContentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        await context.Response.SendFileAsync(file);
    }

    private static async Task Html(HttpContext context, string html, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html.Contains(LiveReloadHub.Script, StringComparison.Ordinal) ? html : LiveReloadHub.Inject(html));
    }
}
