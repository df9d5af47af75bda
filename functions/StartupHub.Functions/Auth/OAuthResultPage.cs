using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace StartupHub.Functions.Auth;

/// <summary>
/// The page the sign-in pop-up ends on. Decap expects the message
/// <c>authorization:github:success:{"token":…,"provider":"github"}</c> (or <c>…:error:{…}</c>) from the pop-up;
/// the page carries it in a data attribute and /admin/oauth-callback.js posts it, so no inline script is needed
/// and the page's own CSP allows scripts from the site only.
/// </summary>
public static class OAuthResultPage
{
    public const string ScriptPath = "/admin/oauth-callback.js";

    public const string ContentSecurityPolicy = "default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string SuccessMessage(string token) =>
        "authorization:github:success:" + JsonSerializer.Serialize(new { token, provider = "github" });

    public static string ErrorMessage(string message) =>
        "authorization:github:error:" + JsonSerializer.Serialize(new { message, provider = "github" });

    public static ContentResult Html(string message, string text, int status) => new()
    {
        StatusCode = status,
        ContentType = "text/html; charset=utf-8",
        Content = $"""
            <!DOCTYPE html>
            <html lang="ja">
            <head><meta charset="utf-8"><meta name="robots" content="noindex"><title>ログイン</title></head>
            <body>
            <p id="oauth-result" data-message="{WebUtility.HtmlEncode(message)}">{WebUtility.HtmlEncode(text)}</p>
            <script src="{ScriptPath}"></script>
            </body>
            </html>
            """,
    };
}
