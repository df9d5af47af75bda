using AngleSharp.Html.Parser;
using StartupHub.Cli.Hosting;
using StartupHub.Hosting.Tests.Support;

namespace StartupHub.Hosting.Tests.Config;

/// <summary>staticwebapp.config.json checked against a real build of the repository's site.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class StaticWebAppConfigTests(BuiltSite site)
{
    private static readonly string[] SecurityHeaders =
        ["Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "Cache-Control"];

    private static readonly StaticWebAppRules Rules = StaticWebAppRules.Load(RepositoryRoot.Combine(StaticWebAppRules.FileName));

    [Fact]
    public void The_build_publishes_the_config_unchanged()
    {
        var built = Path.Combine(site.OutputDirectory, StaticWebAppRules.FileName);
        Assert.True(File.Exists(built));
        Assert.Equal(File.ReadAllBytes(RepositoryRoot.Combine(StaticWebAppRules.FileName)), File.ReadAllBytes(built));
    }

    [Fact]
    public void Every_route_and_override_target_exists_in_the_build()
    {
        var targets = Rules.Config.Routes.SelectMany(r => new[] { r.Rewrite, r.Redirect })
            .Concat(Rules.Config.ResponseOverrides.Values.SelectMany(o => new[] { o.Rewrite, o.Redirect }))
            .OfType<string>()
            .ToList();
        Assert.NotEmpty(targets);
        foreach (var target in targets)
        {
            // /.auth/ is served by the platform itself, not by the build.
            Assert.True(target.StartsWith("/.auth/login/", StringComparison.Ordinal) || site.Exists(target), $"{target} is not in the build");
        }

        Assert.Equal("/404.html", Rules.OverrideFor(404)?.Rewrite);
        Assert.Equal(404, Rules.OverrideFor(404)?.StatusCode);
        Assert.StartsWith("/.auth/login/", Rules.OverrideFor(401)?.Redirect, StringComparison.Ordinal);
    }

    [Fact]
    public void No_navigation_fallback_hides_real_404s() => Assert.Null(Rules.Config.NavigationFallback);

    [Fact]
    public void The_api_runtime_is_the_isolated_dotnet_worker() =>
        Assert.StartsWith("dotnet-isolated:", Rules.Config.Platform?.ApiRuntime, StringComparison.Ordinal);

    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/")]
    [InlineData("/staff/index.html")]
    [InlineData("/staff/registrations/")]
    [InlineData("/api/staff/registrations.csv")]
    public void Staff_paths_need_the_staff_role(string path)
    {
        var route = Rules.Match(path, "GET");
        Assert.False(StaticWebAppRules.Allows(route, ["anonymous"]));
        Assert.False(StaticWebAppRules.Allows(route, ["anonymous", "authenticated"]));
        Assert.True(StaticWebAppRules.Allows(route, ["anonymous", "authenticated", "staff"]));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/events/")]
    [InlineData("/api/events/2025-10-chiba/availability")]
    [InlineData("/api/auth")]
    [InlineData("/api/callback")]
    [InlineData("/admin/")]
    public void Public_paths_are_open_to_everyone(string path) =>
        Assert.True(StaticWebAppRules.Allows(Rules.Match(path, "GET"), ["anonymous"]));

    [Fact]
    public void Every_page_and_api_response_gets_the_security_headers()
    {
        var urls = site.HtmlFiles().Select(f => f.Url).Concat(["/api/events/x/registrations", "/api/staff/export", "/api/callback"]).ToList();
        Assert.Contains("/404.html", urls);
        foreach (var url in urls)
        {
            var headers = Rules.HeadersFor(Rules.Match(url, "GET"));
            foreach (var name in SecurityHeaders)
            {
                Assert.True(headers.ContainsKey(name), $"{url} lacks {name}");
            }

            var csp = Directives(headers["Content-Security-Policy"]);
            Assert.Equal("'none'", csp["object-src"]);
            Assert.Equal("'none'", csp["base-uri"]);
            Assert.Equal("'none'", csp["frame-ancestors"]);
            Assert.Equal("nosniff", headers["X-Content-Type-Options"]);
            Assert.Contains("max-age=", headers["Strict-Transport-Security"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_site_csp_allows_neither_inline_nor_eval_and_lets_only_the_video_player_frame()
    {
        var csp = Directives(Rules.Config.GlobalHeaders["Content-Security-Policy"]);
        Assert.DoesNotContain("unsafe-inline", Rules.Config.GlobalHeaders["Content-Security-Policy"], StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", Rules.Config.GlobalHeaders["Content-Security-Policy"], StringComparison.Ordinal);
        Assert.Equal("https://www.youtube-nocookie.com", csp["frame-src"]);
        Assert.StartsWith("'self'", csp["script-src"], StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_cms_gets_the_relaxed_csp()
    {
        var relaxed = Rules.Config.Routes.Where(r => r.Headers.TryGetValue("Content-Security-Policy", out var v) && v.Contains("unsafe", StringComparison.Ordinal)).ToList();
        var route = Assert.Single(relaxed);
        Assert.Equal("/admin/*", route.Route);
        foreach (var (url, _) in site.HtmlFiles().Where(f => !f.Url.StartsWith("/admin/", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("unsafe-inline", Rules.HeadersFor(Rules.Match(url, "GET"))["Content-Security-Policy"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Pages_keep_to_the_csp_no_inline_script_or_style_and_only_own_scripts()
    {
        var parser = new HtmlParser();
        foreach (var (url, file) in site.HtmlFiles())
        {
            using var document = parser.ParseDocument(File.ReadAllText(file));
            foreach (var script in document.Scripts)
            {
                if (script.Source is { Length: > 0 } src)
                {
                    Assert.True(src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal) || !src.Contains(':', StringComparison.Ordinal), $"{url}: script from elsewhere: {src}");
                }
                else
                {
                    Assert.True(script.Type == "application/ld+json", $"{url}: inline script");
                }
            }

            Assert.Empty(document.QuerySelectorAll("style"));
            Assert.Empty(document.QuerySelectorAll("[style]"));
            Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Fingerprinted_assets_are_cached_for_a_year_and_html_briefly()
    {
        var assets = Directory.EnumerateFiles(Path.Combine(site.OutputDirectory, "assets"), "*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            var url = "/" + Path.GetRelativePath(site.OutputDirectory, asset).Replace('\\', '/');
            Assert.Equal("public, max-age=31536000, immutable", Rules.HeadersFor(Rules.Match(url, "GET"))["Cache-Control"]);
        }

        foreach (var (url, _) in site.HtmlFiles().Where(f => !f.Url.StartsWith("/admin/", StringComparison.Ordinal)))
        {
            var cache = Rules.HeadersFor(Rules.Match(url, "GET"))["Cache-Control"];
            if (url.StartsWith("/staff/", StringComparison.Ordinal))
            {
                // Staff pages sit behind a role: no shared or browser cache may keep them.
                Assert.Equal("no-store", cache);
                continue;
            }

            var maxAge = int.Parse(cache.Split(',').Select(p => p.Trim()).Single(p => p.StartsWith("max-age=", StringComparison.Ordinal))["max-age=".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(maxAge, 0, 600);
        }
    }

    [Fact]
    public void Calendars_and_the_cms_config_have_mime_types()
    {
        Assert.NotEmpty(Directory.EnumerateFiles(site.OutputDirectory, "*.ics", SearchOption.AllDirectories));
        Assert.StartsWith("text/calendar", Rules.MimeTypeFor("/events/calendar.ics"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site.OutputDirectory, "admin", "config.yml")));
        Assert.StartsWith("text/yaml", Rules.MimeTypeFor("/admin/config.yml"), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
}
