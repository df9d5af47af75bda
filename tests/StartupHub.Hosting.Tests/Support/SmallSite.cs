namespace StartupHub.Hosting.Tests.Support;

/// <summary>A copy of the repository's content/ and theme in a temp folder, for builds that change a setting.</summary>
public static class SmallSite
{
    public static string Write(string temp, Func<string, string>? editSiteYml = null)
    {
        var root = Path.Combine(temp, "root");
        Copy(RepositoryRoot.Combine("content"), Path.Combine(root, "content"));
        Copy(RepositoryRoot.Combine("themes", "default"), Path.Combine(root, "themes", "default"));
        if (editSiteYml is not null)
        {
            var path = Path.Combine(root, "content", "site.yml");
            File.WriteAllText(path, editSiteYml(File.ReadAllText(path)));
        }

        return root;
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
