using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StartupHub.Functions.Auth;

namespace StartupHub.Hosting.Tests.OAuth;

public sealed class GitHubOAuthRegistrationTests
{
    [Fact]
    public void The_functions_get_their_settings_from_the_GitHubOAuth_section_and_a_named_client()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitHubOAuth:ClientId"] = "id-from-settings",
            ["GitHubOAuth:ClientSecret"] = "secret-from-settings",
        }).Build();
        using var services = new ServiceCollection().AddGitHubOAuth(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<GitHubOAuthOptions>>().Value;
        Assert.Equal("id-from-settings", options.ClientId);
        Assert.True(options.IsConfigured);
        using var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(GitHubOAuthFunctions.HttpClientName);
        Assert.Contains("StartupHub", client.DefaultRequestHeaders.UserAgent.ToString(), StringComparison.Ordinal);
        Assert.NotNull(ActivatorUtilities.CreateInstance<GitHubOAuthFunctions>(services));
    }
}
