using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StartupHub.Functions.Auth;

namespace StartupHub.Hosting.Tests.OAuth;

/// <summary>The Decap sign-in functions called directly, with GitHub replaced by a recording fake.</summary>
public sealed class GitHubOAuthFunctionsTests
{
    private readonly FakeGitHub _github = new();

    private GitHubOAuthFunctions Functions(string clientId = "client-1", string secret = "secret-1") =>
        new(new FakeFactory(_github), Options.Create(new GitHubOAuthOptions { ClientId = clientId, ClientSecret = secret }));

    [Fact]
    public void Auth_sends_the_popup_to_github_with_a_state_kept_in_a_cookie()
    {
        var request = Request("/api/auth", host: "startup-hub.example.jp");
        var redirect = Assert.IsType<RedirectResult>(Functions().Auth(request));
        var target = new Uri(redirect.Url);
        Assert.Equal("https://github.com/login/oauth/authorize", target.GetLeftPart(UriPartial.Path));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(target.Query);
        Assert.Equal("client-1", query["client_id"]);
        Assert.Equal("repo", query["scope"]);
        Assert.Equal("https://startup-hub.example.jp/api/callback", query["redirect_uri"]);
        var cookie = request.HttpContext.Response.Headers.SetCookie.ToString();
        Assert.Contains($"{GitHubOAuthFunctions.StateCookie}={query["state"]}", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(query["state"].ToString().Length >= 40);
        Assert.DoesNotContain("secret-1", redirect.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_exchanges_the_code_and_hands_the_token_to_the_cms_without_inline_script()
    {
        _github.Reply = """{"access_token":"gho_abc\"<x>","token_type":"bearer","scope":"repo"}""";
        var request = Request("/api/callback", "?code=c0de&state=s1", host: "startup-hub.example.jp", stateCookie: "s1");
        var result = Assert.IsType<ContentResult>(await Functions().Callback(request));
        Assert.Equal(200, result.StatusCode);

        var sent = Assert.Single(_github.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://github.com/login/oauth/access_token", sent.Uri);
        Assert.Contains("client_secret=secret-1", sent.Body, StringComparison.Ordinal);
        Assert.Contains("code=c0de", sent.Body, StringComparison.Ordinal);
        Assert.Equal("application/json", sent.Accept);

        using var document = new HtmlParser().ParseDocument(result.Content!);
        var message = document.GetElementById("oauth-result")!.GetAttribute("data-message");
        Assert.Equal("authorization:github:success:{\"token\":\"gho_abc\\u0022\\u003Cx\\u003E\",\"provider\":\"github\"}", message);
        var script = Assert.Single(document.Scripts);
        Assert.Equal("/admin/oauth-callback.js", script.Source);
        Assert.Equal(OAuthResultPage.ContentSecurityPolicy, request.HttpContext.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.DoesNotContain("unsafe-inline", OAuthResultPage.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("no-store", request.HttpContext.Response.Headers.CacheControl.ToString());
    }

    [Theory]
    [InlineData("?code=c0de&state=other", "s1")]
    [InlineData("?code=c0de&state=s1", null)]
    public async Task Callback_with_a_wrong_or_missing_state_never_talks_to_github(string query, string? cookie)
    {
        var request = Request("/api/callback", query, stateCookie: cookie);
        var result = Assert.IsType<ContentResult>(await Functions().Callback(request));
        Assert.Equal(400, result.StatusCode);
        Assert.Empty(_github.Requests);
        Assert.Contains("authorization:github:error:", result.Content, StringComparison.Ordinal);
        Assert.Contains("もう一度ログイン", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_exchange_is_reported_in_japanese()
    {
        _github.Reply = """{"error":"bad_verification_code","error_description":"The code passed is incorrect or expired."}""";
        var result = Assert.IsType<ContentResult>(await Functions().Callback(Request("/api/callback", "?code=old&state=s1", stateCookie: "s1")));
        Assert.Equal(502, result.StatusCode);
        Assert.Contains("トークンを受け取れませんでした", result.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("success", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_configuration_both_steps_say_so()
    {
        var functions = Functions(clientId: "", secret: "");
        var auth = Assert.IsType<ContentResult>(functions.Auth(Request("/api/auth")));
        Assert.Equal(503, auth.StatusCode);
        Assert.Contains("GitHubOAuth:ClientId", auth.Content, StringComparison.Ordinal);
        var callback = Assert.IsType<ContentResult>(await functions.Callback(Request("/api/callback", "?code=x&state=s", stateCookie: "s")));
        Assert.Equal(503, callback.StatusCode);
        Assert.Empty(_github.Requests);
    }

    private static HttpRequest Request(string path, string query = "", string host = "localhost", string? stateCookie = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Scheme = "https";
        context.Request.Host = new HostString(host);
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        if (stateCookie is not null)
        {
            context.Request.Headers.Cookie = $"{GitHubOAuthFunctions.StateCookie}={stateCookie}";
        }

        return context.Request;
    }

    private sealed record SentRequest(HttpMethod Method, string Uri, string Body, string Accept);

    private sealed class FakeGitHub : HttpMessageHandler
    {
        public List<SentRequest> Requests { get; } = [];

        public string Reply { get; set; } = """{"access_token":"t"}""";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(new SentRequest(request.Method, request.RequestUri!.ToString(), await request.Content!.ReadAsStringAsync(cancellationToken), request.Headers.Accept.ToString()));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Reply, Encoding.UTF8, "application/json") };
        }
    }

    private sealed class FakeFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name)
        {
            Assert.Equal(GitHubOAuthFunctions.HttpClientName, name);
            return new HttpClient(handler, disposeHandler: false);
        }
    }
}
