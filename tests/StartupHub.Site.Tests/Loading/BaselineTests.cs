using StartupHub.Site.Tests.Support;

namespace StartupHub.Site.Tests.Loading;

public class BaselineTests
{
    [Fact]
    public void The_baseline_test_site_loads_without_diagnostics()
    {
        using var site = new TempSite();
        var (content, diagnostics) = site.Load();

        Assert.Empty(diagnostics);
        Assert.NotNull(content);
        Assert.Single(content.Events);
        Assert.Equal(2, content.Venues.Count);
    }
}
