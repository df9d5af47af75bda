namespace StartupHub.Site.Admin;

/// <summary>
/// Where the CMS commits. The repository is not part of content/ (it is a fact of the hosting, not of the
/// site), so it comes from the build's environment: <c>STARTUPHUB_CMS_REPO</c>, else GitHub Actions'
/// <c>GITHUB_REPOSITORY</c>. A local build without either still gets a working <c>local_backend</c>.
/// </summary>
public sealed record AdminSettings
{
    public const string PlaceholderRepository = "OWNER/REPOSITORY";

    /// <summary>owner/name on GitHub.</summary>
    public string Repository { get; init; } = PlaceholderRepository;

    public string Branch { get; init; } = "main";

    /// <summary><c>github</c> in production; tests use Decap's in-memory <c>test-repo</c>.</summary>
    public string Backend { get; init; } = "github";

    /// <summary>The folder holding decap-cms.js and its chunks; null = <c>{root}/node_modules/decap-cms/dist</c>.</summary>
    public string? DecapDistDirectory { get; init; }

    public static AdminSettings FromEnvironment() => new()
    {
        Repository = Environment.GetEnvironmentVariable("STARTUPHUB_CMS_REPO") is { Length: > 0 } repo ? repo
            : Environment.GetEnvironmentVariable("GITHUB_REPOSITORY") is { Length: > 0 } actions ? actions
            : PlaceholderRepository,
        Branch = Environment.GetEnvironmentVariable("STARTUPHUB_CMS_BRANCH") is { Length: > 0 } branch ? branch : "main",
    };
}
