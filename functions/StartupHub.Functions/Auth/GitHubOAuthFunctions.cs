using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace StartupHub.Functions.Auth;

/// <summary>
/// The two steps of Decap CMS's GitHub sign-in (the job Netlify's auth service does elsewhere):
/// <c>/api/auth</c> sends the pop-up to GitHub with a random state kept in a cookie, <c>/api/callback</c>
/// checks the state, exchanges the code for a token with the client secret and hands the token to /admin/.
/// </summary>
public sealed class GitHubOAuthFunctions(IHttpClientFactory httpClients, IOptions<GitHubOAuthOptions> options)
{
    public const string HttpClientName = "GitHubOAuth";

    public const string StateCookie = "decap_oauth_state";

    public const string CallbackPath = "/api/callback";

    private readonly GitHubOAuthOptions _options = options.Value;

    [Function("DecapAuth")]
    public IActionResult Auth([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth")] HttpRequest request)
    {
        if (!_options.IsConfigured)
        {
            return Failure(request, "GitHub ログインが設定されていません（GitHubOAuth:ClientId / ClientSecret）。管理者に連絡してください。", StatusCodes.Status503ServiceUnavailable);
        }

        var state = Base64Url(RandomNumberGenerator.GetBytes(32));
        request.HttpContext.Response.Cookies.Append(StateCookie, state, new CookieOptions
        {
            Path = CallbackPath,
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax, // sent on GitHub's top-level redirect back to us
            MaxAge = TimeSpan.FromMinutes(10),
        });
        var query = QueryString.Create(new KeyValuePair<string, string?>[]
        {
            new("client_id", _options.ClientId),
            new("redirect_uri", RedirectUri(request)),
            new("scope", _options.Scope),
            new("state", state),
            new("allow_signup", "false"),
        });
        NoStore(request);
        return new RedirectResult(_options.AuthorizeEndpoint + query.ToString(), permanent: false);
    }

    [Function("DecapCallback")]
    public async Task<IActionResult> Callback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "callback")] HttpRequest request,
        CancellationToken cancellationToken = default)
    {
        var expected = request.Cookies[StateCookie];
        request.HttpContext.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = CallbackPath, Secure = true, HttpOnly = true });
        if (!_options.IsConfigured)
        {
            return Failure(request, "GitHub ログインが設定されていません。管理者に連絡してください。", StatusCodes.Status503ServiceUnavailable);
        }

        if (request.Query["error"].ToString() is { Length: > 0 } error)
        {
            return Failure(request, error == "access_denied" ? "GitHub でのログインが取り消されました。" : $"GitHub がログインを拒否しました（{error}）。", StatusCodes.Status400BadRequest);
        }

        var state = request.Query["state"].ToString();
        if (string.IsNullOrEmpty(expected) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(state)))
        {
            return Failure(request, "ログインの確認に失敗しました（時間切れか、別の画面から開かれました）。もう一度ログインしてください。", StatusCodes.Status400BadRequest);
        }

        var code = request.Query["code"].ToString();
        if (code.Length == 0)
        {
            return Failure(request, "GitHub から認可コードが返されませんでした。もう一度ログインしてください。", StatusCodes.Status400BadRequest);
        }

        var token = await ExchangeAsync(code, RedirectUri(request), cancellationToken);
        if (token.AccessToken is not { Length: > 0 } accessToken)
        {
            return Failure(request, $"GitHub からトークンを受け取れませんでした（{token.ErrorDescription ?? token.Error ?? "不明なエラー"}）。もう一度ログインしてください。", StatusCodes.Status502BadGateway);
        }

        NoStore(request);
        return OAuthResultPage.Html(OAuthResultPage.SuccessMessage(accessToken), "ログインしました。このウィンドウは自動で閉じます。", StatusCodes.Status200OK);
    }

    private async Task<TokenResponse> ExchangeAsync(string code, string redirectUri, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _options.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = _options.ClientId,
                ["client_secret"] = _options.ClientSecret,
                ["code"] = code,
                ["redirect_uri"] = redirectUri,
            }),
        };
        message.Headers.Accept.ParseAdd("application/json");
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(message, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new TokenResponse { Error = $"HTTP {(int)response.StatusCode}" };
            }

            return await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken) ?? new TokenResponse { Error = "空の応答" };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return new TokenResponse { Error = "GitHub に接続できません" };
        }
    }

    private string RedirectUri(HttpRequest request)
    {
        if (_options.RedirectUri.Length > 0)
        {
            return _options.RedirectUri;
        }

        // Behind Static Web Apps the public host arrives as X-Forwarded-Host; GitHub still rejects any
        // redirect_uri outside the one registered for the OAuth App.
        var host = request.Headers["X-Forwarded-Host"].ToString() is { Length: > 0 } forwarded ? forwarded.Split(',')[0].Trim() : request.Host.Value;
        return $"https://{host}{CallbackPath}";
    }

    private static ContentResult Failure(HttpRequest request, string text, int status)
    {
        NoStore(request);
        return OAuthResultPage.Html(OAuthResultPage.ErrorMessage(text), text, status);
    }

    private static void NoStore(HttpRequest request)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = OAuthResultPage.ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record TokenResponse
    {
        [JsonPropertyName("access_token")]
        public string? AccessToken { get; init; }

        [JsonPropertyName("error")]
        public string? Error { get; init; }

        [JsonPropertyName("error_description")]
        public string? ErrorDescription { get; init; }
    }
}
