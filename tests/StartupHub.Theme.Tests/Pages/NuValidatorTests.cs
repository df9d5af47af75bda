using StartupHub.Theme.Tests.Support;

namespace StartupHub.Theme.Tests.Pages;

[Collection(BuiltSiteCollection.Name)]
public sealed class NuValidatorTests(BuiltSite site)
{
    [Fact]
    public void Every_page_is_valid_html_per_the_nu_checker()
    {
        Assert.True(File.Exists(NuValidator.JarPath), $"{NuValidator.JarPath} is missing: run npm ci");

        var messages = NuValidator.Check(site.OutputDirectory);

        Assert.Empty(messages.Where(m => m.Type is "error" or "non-document-error").Select(m => m.ToString()));
    }
}
