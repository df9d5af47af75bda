namespace StartupHub.Site.Admin;

/// <summary>
/// The files of the pinned decap-cms package to publish: decap-cms.js and the chunks it loads on demand
/// (<c>*.decap-cms.js</c>, resolved next to the main script). Source maps and the duplicate "cms.js" build are left out.
/// </summary>
public static class DecapBundle
{
    public static IReadOnlyList<string> Files(string distDirectory)
    {
        var main = Path.Combine(distDirectory, AdminPage.BundleFile);
        if (!File.Exists(main))
        {
            return [];
        }

        return [main, .. Directory.EnumerateFiles(distDirectory, "*." + AdminPage.BundleFile).Order(StringComparer.Ordinal)];
    }
}
