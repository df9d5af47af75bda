using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace StartupHub.Cli.Hosting;

/// <summary>
/// Applies <see cref="StaticWebAppRules"/> to every request of the local server, so what a developer sees on
/// 127.0.0.1 is what Azure serves: roles (with the <see cref="DevAuth"/> stand-in for sign-in), redirects and
/// status routes, response overrides (401 → sign-in, 404 → the site's 404 page), the global and per-route
/// headers on pages and API responses alike, and the configured MIME types.
/// </summary>
public sealed class StaticWebAppRulesMiddleware(RequestDelegate next, StaticWebAppRules rules, Func<string> siteDirectory)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var original = path + context.Request.QueryString;
        var principal = DevAuth.Principal(context);
        var roles = principal?.UserRoles ?? ClientPrincipal.AnonymousRoles;

        // The API trusts this header as Azure sets it; a client must never be able to send its own.
        context.Request.Headers.Remove(ClientPrincipal.HeaderName);
        if (principal is not null)
        {
            context.Request.Headers[ClientPrincipal.HeaderName] = principal.Encode();
        }

        var route = rules.Match(path, context.Request.Method);
        context.Response.OnStarting(() =>
        {
            foreach (var (name, value) in rules.HeadersFor(route))
            {
                // A Cache-Control set by the handler wins: the dev server's no-store keeps live reload from showing stale pages.
                if (name.Equals("Cache-Control", StringComparison.OrdinalIgnoreCase) && context.Response.Headers.CacheControl.Count > 0)
                {
                    continue;
                }

                context.Response.Headers[name] = value;
            }

            if (context.Response.StatusCode is >= 200 and < 300 && rules.MimeTypeFor(context.Request.Path.Value ?? "") is { } mime)
            {
                context.Response.ContentType = mime;
            }

            return Task.CompletedTask;
        });

        if (!StaticWebAppRules.Allows(route, roles))
        {
            await RespondAsync(context, roles.Contains("authenticated", StringComparer.OrdinalIgnoreCase) ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized, original);
            return;
        }

        if (route?.Redirect is { } redirect)
        {
            context.Response.StatusCode = route.StatusCode ?? StatusCodes.Status302Found;
            context.Response.Headers.Location = redirect;
            return;
        }

        if (route?.Rewrite is { } rewrite)
        {
            context.Request.Path = rewrite;
        }
        else if (route?.StatusCode is { } status)
        {
            await RespondAsync(context, status, original);
            return;
        }

        if (await DevAuth.HandleAsync(context))
        {
            return;
        }

        await next(context);
        if (!context.Response.HasStarted && context.Response.StatusCode >= 400 && !path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            await RespondAsync(context, context.Response.StatusCode, original);
        }
    }

    /// <summary>Answers with an error status, through its response override when the config has one.</summary>
    private async Task RespondAsync(HttpContext context, int status, string original)
    {
        var replacement = rules.OverrideFor(status);
        if (replacement?.Redirect is { } redirect)
        {
            // ".referrer" sends the visitor back to the page they asked for after signing in.
            context.Response.StatusCode = replacement.StatusCode ?? StatusCodes.Status302Found;
            context.Response.Headers.Location = redirect.Replace(".referrer", Uri.EscapeDataString(original), StringComparison.Ordinal);
            return;
        }

        context.Response.StatusCode = replacement?.StatusCode ?? status;
        if (replacement?.Rewrite is { } rewrite)
        {
            var file = Path.Combine(siteDirectory(), rewrite.TrimStart('/'));
            if (File.Exists(file))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(file);
            }
        }
    }
}

public static class StaticWebAppRulesExtensions
{
    /// <summary>
    /// Emulates the hosting rules of staticwebapp.config.json in the local server. Call it before the site's
    /// files and the API are mapped. <paramref name="siteDirectory"/> gives the built folder (for override pages).
    /// </summary>
    public static IApplicationBuilder UseStaticWebAppRules(this IApplicationBuilder app, StaticWebAppRules rules, Func<string> siteDirectory) =>
        app.UseMiddleware<StaticWebAppRulesMiddleware>(rules, siteDirectory);

    /// <summary>Loads <c>{repositoryRoot}/staticwebapp.config.json</c> (no rules if it is missing).</summary>
    public static IApplicationBuilder UseStaticWebAppRules(this IApplicationBuilder app, string repositoryRoot, Func<string> siteDirectory) =>
        app.UseStaticWebAppRules(StaticWebAppRules.Load(Path.Combine(repositoryRoot, StaticWebAppRules.FileName)), siteDirectory);
}
