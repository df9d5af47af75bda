namespace StartupHub.Theme.Tests.Support;

/// <summary>The repository folder (the one holding StartupHub.sln), found upwards from the test binaries.</summary>
internal static class RepositoryRoot
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

        throw new InvalidOperationException("StartupHub.sln was not found above " + AppContext.BaseDirectory);
    }
}
