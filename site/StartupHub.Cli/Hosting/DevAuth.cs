using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace StartupHub.Cli.Hosting;

/// <summary>
/// A stand-in for Static Web Apps' sign-in, for <c>startuphub serve</c> only: <c>/.auth/login/*</c> shows a page
/// to pick roles (anonymous / authenticated / staff), <c>/.auth/me</c> and <c>/.auth/logout</c> behave like
/// Azure's. It exists only in the CLI (never in the Functions app) and answers only on a loopback connection,
/// so a server reachable from elsewhere can never hand out the staff role.
/// </summary>
public static class DevAuth
{
    public const string CookieName = "StaticWebAppsAuthCookie";

    public const string LoginPath = "/.auth/login/dev";

    public static readonly IReadOnlyList<string> SelectableRoles = ["authenticated", "staff"];

    public static ClientPrincipal? Principal(HttpContext context) =>
        ClientPrincipal.Decode(context.Request.Cookies[CookieName]);

    public static IReadOnlyList<string> Roles(HttpContext context) =>
        Principal(context)?.UserRoles ?? ClientPrincipal.AnonymousRoles;

    public static bool IsLoopback(HttpContext context) =>
        context.Connection.LocalIpAddress is { } local && IPAddress.IsLoopback(local)
        && context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);

    /// <summary>Handles a <c>/.auth/...</c> request; false if the path is not one of ours.</summary>
    public static async Task<bool> HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/.auth/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        context.Response.Headers.CacheControl = "no-store";
        if (!IsLoopback(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("開発用のログインはこのコンピューター（127.0.0.1）からのアクセスでのみ使えます。");
            return true;
        }

        if (path.StartsWith("/.auth/login/", StringComparison.OrdinalIgnoreCase))
        {
            await (HttpMethods.IsPost(context.Request.Method) ? SignInAsync(context) : LoginPageAsync(context));
        }
        else if (path.Equals("/.auth/me", StringComparison.OrdinalIgnoreCase))
        {
            await context.Response.WriteAsJsonAsync(new { clientPrincipal = Principal(context) });
        }
        else if (path.Equals("/.auth/logout", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
            context.Response.Redirect(LocalTarget(context.Request.Query["post_logout_redirect_uri"]));
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return true;
    }

    private static async Task SignInAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var name = form["name"].ToString() is { Length: > 0 } given ? given : "dev-user";
        var roles = new List<string> { "anonymous", "authenticated" };
        roles.AddRange(form["role"].Where(r => r is not null && SelectableRoles.Contains(r) && !roles.Contains(r)).Select(r => r!));
        var principal = new ClientPrincipal("dev", Convert.ToHexString(Encoding.UTF8.GetBytes(name)).ToLowerInvariant(), name, roles);
        context.Response.Cookies.Append(CookieName, principal.Encode(), new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict });
        context.Response.Redirect(LocalTarget(form["post_login_redirect_uri"]));
    }

    private static Task LoginPageAsync(HttpContext context)
    {
        var target = WebUtility.HtmlEncode(LocalTarget(context.Request.Query["post_login_redirect_uri"]));
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">")
            .Append("<title>開発用ログイン</title></head><body><main><h1>開発用ログイン（startuphub serve）</h1>")
            .Append("<p>本番では Azure Static Web Apps のサインインになります。ここでは役割を選んでログインした状態を再現します。</p>")
            .Append($"<form method=\"post\" action=\"{LoginPath}\"><input type=\"hidden\" name=\"post_login_redirect_uri\" value=\"{target}\">")
            .Append("<p><label>名前 <input name=\"name\" value=\"dev-user\" autocomplete=\"off\"></label></p>")
            .Append("<fieldset><legend>役割</legend><p>anonymous（全員）と authenticated（ログインした人）は常に付きます。</p>")
            .Append("<label><input type=\"checkbox\" name=\"role\" value=\"staff\"> staff（事務局スタッフ）</label></fieldset>")
            .Append("<p><button type=\"submit\">ログイン</button></p></form></main></body></html>");
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html.ToString());
    }

    /// <summary>Only same-site paths: an open redirect through the dev login would still be an open redirect.</summary>
    public static string LocalTarget(string? target) =>
        target is { Length: > 0 } t && t.StartsWith('/') && !t.StartsWith("//", StringComparison.Ordinal) && !t.StartsWith("/\\", StringComparison.Ordinal) ? t : "/";
}
