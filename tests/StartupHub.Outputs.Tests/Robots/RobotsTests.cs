using StartupHub.Outputs.Tests.Support;
using StartupHub.Site.Outputs.Robots;
using static StartupHub.Outputs.Tests.Support.SampleSite;

namespace StartupHub.Outputs.Tests.Robots;

public sealed class RobotsTests
{
    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void Normal_build_allows_all_and_names_the_absolute_sitemap()
    {
        var text = new RobotsGenerator().Single(Context(baseUrl: new Uri("https://www.example.jp/hub/")), "robots.txt").Text();

        var lines = Lines(text);
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Allow: /", lines);
        Assert.Equal(["Disallow: /hub/admin/", "Disallow: /hub/staff/"], lines.Where(l => l.StartsWith("Disallow", StringComparison.Ordinal)));
        Assert.Contains("Sitemap: https://www.example.jp/hub/sitemap.xml", lines);
    }

    [Fact]
    public void Preview_build_disallows_everything_and_advertises_no_sitemap()
    {
        var text = new RobotsGenerator().Single(Context(preview: true), "robots.txt").Text();

        var lines = Lines(text);
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Sitemap:", StringComparison.Ordinal) || l.StartsWith("Allow:", StringComparison.Ordinal));
    }
}
