using System.Security.Cryptography;
using System.Text;
using StartupHub.Cli.Hosting;
using StartupHub.Cli.LiveReload;
using StartupHub.Hosting.Tests.Support;

namespace StartupHub.Hosting.Tests.Emulation;

public sealed class DevServerRulesTests
{
    [Fact]
    public void Serve_allows_exactly_its_live_reload_script_and_leaves_the_rest_of_the_csp_as_deployed()
    {
        var deployed = StaticWebAppRules.Load(RepositoryRoot.Combine(StaticWebAppRules.FileName));
        var serve = DevServerRules.Load(RepositoryRoot.Path);
        var body = LiveReloadHub.Script[(LiveReloadHub.Script.IndexOf('>', StringComparison.Ordinal) + 1)..LiveReloadHub.Script.LastIndexOf("</script>", StringComparison.Ordinal)];
        var hash = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}'";

        var site = serve.HeadersFor(serve.Match("/", "GET"))["Content-Security-Policy"];
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval' " + hash, site, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", site, StringComparison.Ordinal);
        Assert.Equal(
            deployed.HeadersFor(deployed.Match("/", "GET"))["Content-Security-Policy"].Replace(" " + hash, "", StringComparison.Ordinal),
            System.Text.RegularExpressions.Regex.Replace(site.Replace(" " + hash, "", StringComparison.Ordinal), " 'sha256-[^']+'", ""));

        // The CMS's style-src has 'unsafe-inline', which a hash would switch off: it is left alone.
        var admin = serve.HeadersFor(serve.Match("/admin/", "GET"))["Content-Security-Policy"];
        Assert.Contains("style-src 'self' 'unsafe-inline';", admin, StringComparison.Ordinal);
        Assert.Contains(hash, admin, StringComparison.Ordinal);
    }
}
