using System.Text;
using StartupHub.Site.Build;
using StartupHub.Site.Outputs.Common;
using StartupHub.Site.Outputs.Sitemap;

namespace StartupHub.Site.Outputs.Robots;

/// <summary>
/// /robots.txt. A normal build allows everything and points crawlers at the sitemap; a preview build
/// (a staging address reviewers look at before publishing) disallows everything, so drafts and
/// not-yet-public dates never reach a search engine.
/// </summary>
public sealed class RobotsGenerator : IOutputGenerator
{
    public const string OutputPath = "robots.txt";

    public string Name => "robots";

    public IEnumerable<OutputFile> Generate(OutputContext context)
    {
        var text = context.Options.Preview
            ? "# プレビュー環境: 検索エンジンに登録させない\nUser-agent: *\nDisallow: /\n"
            : $"User-agent: *\nAllow: /\n{NotForSearch(context.BaseUrl.AbsolutePath)}\nSitemap: {SiteUrls.Absolute(context.BaseUrl, "/" + SitemapGenerator.OutputPath)}\n";
        yield return new OutputFile(OutputPath, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The CMS shell and the staff pages are working tools, not content to be found by search.</summary>
    private static string NotForSearch(string basePath) => $"Disallow: {basePath}admin/\nDisallow: {basePath}staff/\n";
}
