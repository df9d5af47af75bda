namespace StartupHub.E2E.Support;

/// <summary>The repository checkout the tests run from (the folder holding StartupHub.sln).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "StartupHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"StartupHub.sln が {AppContext.BaseDirectory} の上位フォルダにありません。");
    }
}
