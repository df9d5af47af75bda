using System.Text.Json.Nodes;
using StartupHub.Hosting.Tests.Support;
using StartupHub.Site.Hosting;

namespace StartupHub.Hosting.Tests.Config;

public sealed class HostingConfigOutputTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "startuphub-hostcfg-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_preview_build_sends_noindex_with_every_response()
    {
        var root = SmallSite.Write(_temp);
        File.Copy(RepositoryRoot.Combine("staticwebapp.config.json"), Path.Combine(root, "staticwebapp.config.json"));
        var output = Path.Combine(_temp, "out");
        SiteBuild.Run(root, output, preview: true);

        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(output, HostingConfigOutput.FileName)))!;
        Assert.Equal("noindex, nofollow", config["globalHeaders"]!["X-Robots-Tag"]!.GetValue<string>());
        // Everything else is the repository's config.
        var original = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("staticwebapp.config.json")))!;
        Assert.Equal(original["routes"]!.ToJsonString(), config["routes"]!.ToJsonString());
    }

    [Fact]
    public void A_site_without_a_config_gets_none()
    {
        var root = SmallSite.Write(_temp);
        var output = Path.Combine(_temp, "out");
        SiteBuild.Run(root, output);
        Assert.False(File.Exists(Path.Combine(output, HostingConfigOutput.FileName)));
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }
}
