using StartupHub.Build.Tests.Support;

namespace StartupHub.Build.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Builds_every_page_of_the_url_table()
    {
        using var site = TempSite.Create();
        var result = site.BuildOk();

        var urls = result.Pages.Select(p => p.Url).ToHashSet();
        string[] expected =
        [
            "/", "/events/", "/events/chiba/", "/events/kashiwa/", "/events/kisarazu/", "/events/series/notable/", "/events/series/support-org/",
            "/events/2025-10-chiba/", "/people/", "/people/sato-hanako/", "/companies/", "/companies/kazusa-aqua/", "/videos/",
            "/videos/2025-10-chiba-talk/", "/news/", "/news/2025-09-15-open/", "/supporters/", "/supporters/chiba-center/", "/about/", "/search/", "/404.html",
        ];
        Assert.All(expected, url => Assert.Contains(url, urls));
        Assert.True(File.Exists(Path.Combine(site.Output, "events", "2025-10-chiba", "index.html")));
        Assert.True(File.Exists(Path.Combine(site.Output, "404.html")));
    }
}
