using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace StartupHub.Functions.Auth;

public static class GitHubOAuthServiceCollectionExtensions
{
    /// <summary>The options and the named HttpClient the OAuth functions need.</summary>
    public static IServiceCollection AddGitHubOAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GitHubOAuthOptions>(configuration.GetSection(GitHubOAuthOptions.Section));
        services.AddHttpClient(GitHubOAuthFunctions.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(15);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("StartupHub-DecapOAuth/1.0");
        });
        return services;
    }
}
