namespace StartupHub.Hosting.Tests.Support;

/// <summary>The repository root, found by walking up from the test binaries to StartupHub.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "StartupHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("StartupHub.sln not found above " + AppContext.BaseDirectory);
    }
}
