namespace StartupHub.Functions.Auth;

/// <summary>
/// The GitHub OAuth App that lets editors sign in to /admin/ (Decap CMS). Configuration section
/// <c>GitHubOAuth</c> (app settings <c>GitHubOAuth__ClientId</c> / <c>GitHubOAuth__ClientSecret</c>); the secret
/// lives only in the app's settings, never in the repository.
/// </summary>
public sealed class GitHubOAuthOptions
{
    public const string Section = "GitHubOAuth";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>Decap's GitHub backend needs to read and write the repository (and open pull requests).</summary>
    public string Scope { get; set; } = "repo";

    /// <summary>The callback URL registered in the OAuth App; empty = derived from the request (https://{host}/api/callback).</summary>
    public string RedirectUri { get; set; } = "";

    public Uri AuthorizeEndpoint { get; set; } = new("https://github.com/login/oauth/authorize");

    public Uri TokenEndpoint { get; set; } = new("https://github.com/login/oauth/access_token");

    public bool IsConfigured => ClientId.Length > 0 && ClientSecret.Length > 0;
}
