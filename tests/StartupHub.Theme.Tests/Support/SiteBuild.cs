using StartupHub.Site.Build;

namespace StartupHub.Theme.Tests.Support;

/// <summary>Builds a site root (content/ + themes/) with the engine's <see cref="SiteBuilder"/>, failing on any error diagnostic.</summary>
internal static class SiteBuild
{
    public static BuildResult Run(string root, string output, DateTimeOffset? now = null)
    {
        var result = new SiteBuilder().Build(new BuildOptions
        {
            RootDirectory = root,
            OutputDirectory = output,
            Clock = new FixedClock(now ?? FixedClock.Default),
            SearchIndex = false,
        });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("the site did not build:\n" + string.Join("\n", result.Diagnostics));
        }

        return result;
    }

    /// <summary>A copy of the repository's content/ and themes/ in <paramref name="root"/>, with site.yml changed by <paramref name="editSiteYml"/>.</summary>
    public static void CopyRepository(string root, Func<string, string> editSiteYml)
    {
        foreach (var folder in new[] { "content", "themes" })
        {
            Copy(Path.Combine(RepositoryRoot.Path, folder), Path.Combine(root, folder));
        }

        var siteYml = Path.Combine(root, "content", "site.yml");
        File.WriteAllText(siteYml, editSiteYml(File.ReadAllText(siteYml)));
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
