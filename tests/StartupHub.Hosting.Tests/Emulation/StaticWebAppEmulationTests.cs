using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StartupHub.Cli.Hosting;
using StartupHub.Hosting.Tests.Support;

namespace StartupHub.Hosting.Tests.Emulation;

/// <summary>The hosting rules through a real Kestrel on 127.0.0.1, serving the real build.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class StaticWebAppEmulationTests(BuiltSite site) : IAsyncLifetime
{
    private static readonly StaticWebAppRules Rules = StaticWebAppRules.Load(RepositoryRoot.Combine(StaticWebAppRules.FileName));
    private HostedSite _host = null!;

    public async Task InitializeAsync() => _host = await HostedSite.StartAsync(site.OutputDirectory, Rules);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/events/")]
    [InlineData("/api/ping")]
    public async Task Pages_and_api_responses_carry_the_security_headers(string path)
    {
        using var client = _host.Client();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("max-age=", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.NotEmpty(Header(response, "Referrer-Policy"));
        Assert.NotEmpty(Header(response, "Permissions-Policy"));
        var cache = Header(response, "Cache-Control").Split(',', StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal);
        Assert.Equal(path.StartsWith("/api/", StringComparison.Ordinal) ? ["no-store"] : ["max-age=300", "must-revalidate", "public"], cache);
    }

    [Fact]
    public async Task A_missing_page_is_the_sites_404_page_with_status_404()
    {
        using var client = _host.Client();
        using var response = await client.GetAsync("/no-such-page/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(site.OutputDirectory, "404.html")), body);
        Assert.NotEmpty(Header(response, "Content-Security-Policy"));
    }

    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/")]
    [InlineData("/staff/index.html")]
    [InlineData("/api/staff/whoami")]
    public async Task Anonymous_visitors_of_staff_paths_are_sent_to_sign_in(string path)
    {
        using var client = _host.Client();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(path), response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Staff_sign_in_reaches_the_staff_api_with_the_principal_header()
    {
        var cookies = new CookieContainerHolder();
        using var client = _host.Client(cookies);
        using var login = await client.GetAsync("/.auth/login/aad?post_login_redirect_uri=%2Fapi%2Fstaff%2Fwhoami");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("開発用ログイン", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var signIn = await client.PostAsync(DevAuth.LoginPath, new FormUrlEncodedContent(
            [new("name", "tanaka"), new("role", "staff"), new("post_login_redirect_uri", "/api/staff/whoami")]));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/api/staff/whoami", signIn.Headers.Location?.OriginalString);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/staff/whoami");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", Header(response, "Cache-Control"));
        Assert.Equal("noindex", Header(response, "X-Robots-Tag"));
        var principal = Principal(await response.Content.ReadAsStringAsync());
        Assert.Equal("tanaka", principal!.UserDetails);
        Assert.Equal(["anonymous", "authenticated", "staff"], principal.UserRoles);

        using var me = await client.GetAsync("/.auth/me");
        Assert.Contains("\"staff\"", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var logout = await client.GetAsync("/.auth/logout");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        using var after = await client.GetAsync("/api/staff/whoami");
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
    }

    [Fact]
    public async Task Signed_in_without_the_staff_role_is_forbidden()
    {
        var cookies = new CookieContainerHolder();
        using var client = _host.Client(cookies);
        using var signIn = await client.PostAsync(DevAuth.LoginPath, new FormUrlEncodedContent([new("name", "visitor")]));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var response = await client.GetAsync("/api/staff/whoami");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_principal_header_sent_by_the_client_never_reaches_the_api()
    {
        using var client = _host.Client();
        var forged = new ClientPrincipal("aad", "x", "attacker", ["anonymous", "authenticated", "staff"]).Encode();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/staff/whoami");
        request.Headers.Add(ClientPrincipal.HeaderName, forged);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
    }

    [Fact]
    public async Task Routes_redirect_block_and_set_their_own_headers()
    {
        using var client = _host.Client();
        using var admin = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.MovedPermanently, admin.StatusCode);
        Assert.Equal("/admin/", admin.Headers.Location?.OriginalString);

        using var cms = await client.GetAsync("/admin/");
        Assert.Equal(HttpStatusCode.OK, cms.StatusCode);
        Assert.Equal(Rules.Match("/admin/", "GET")!.Headers["Content-Security-Policy"], Header(cms, "Content-Security-Policy"));
        Assert.Equal("no-cache", Header(cms, "Cache-Control"));

        using var github = await client.GetAsync("/.auth/login/github");
        Assert.Equal(HttpStatusCode.NotFound, github.StatusCode);
        Assert.Contains("<html", await github.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var asset = Directory.EnumerateFiles(Path.Combine(site.OutputDirectory, "assets", "css")).First();
        using var css = await client.GetAsync("/assets/css/" + Path.GetFileName(asset));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(["immutable", "max-age=31536000", "public"], Header(css, "Cache-Control").Split(',', StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Calendars_are_served_as_text_calendar()
    {
        using var client = _host.Client();
        using var response = await client.GetAsync("/events/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    [Fact]
    public async Task The_dev_login_refuses_connections_from_other_machines()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = DevAuth.LoginPath;
        context.Request.Method = "GET";
        context.Connection.LocalIpAddress = IPAddress.Parse("10.0.0.5");
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.9");
        context.Response.Body = new MemoryStream();
        Assert.True(await DevAuth.HandleAsync(context));
        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
        Assert.False(context.Response.Headers.ContainsKey("Set-Cookie"));
    }

    [Theory]
    [InlineData("/staff/", "/staff/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData(null, "/")]
    public void The_dev_login_only_returns_to_this_site(string? target, string expected) =>
        Assert.Equal(expected, DevAuth.LocalTarget(target));

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";

    private static ClientPrincipal? Principal(string json)
    {
        using var document = JsonDocument.Parse(json);
        var encoded = document.RootElement.GetProperty("principal").GetString();
        return encoded is { Length: > 0 } ? JsonSerializer.Deserialize<ClientPrincipal>(Encoding.UTF8.GetString(Convert.FromBase64String(encoded))) : null;
    }
}

public sealed class RoutePatternTests
{
    [Theory]
    [InlineData("/staff/*", "/staff/", true)]
    [InlineData("/staff/*", "/Staff/list", true)]
    [InlineData("/staff/*", "/staff", false)]
    [InlineData("/staff", "/staff", true)]
    [InlineData("/staff", "/staff/", false)]
    [InlineData("/images/*.{png,jpg}", "/images/a/b.JPG", true)]
    [InlineData("/images/*.{png,jpg}", "/images/a.svg", false)]
    [InlineData("/api*", "/api/x", true)]
    public void Patterns_match_like_static_web_apps(string pattern, string path, bool expected) =>
        Assert.Equal(expected, RoutePattern.Matches(pattern, path));
}
