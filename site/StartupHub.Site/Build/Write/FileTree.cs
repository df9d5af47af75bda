namespace StartupHub.Site.Build.Write;

/// <summary>Deletes a whole output tree, one top-level folder per worker (ten thousand files one by one take seconds).</summary>
internal static class FileTree
{
    public static void Delete(string root)
    {
        Parallel.ForEach(Directory.EnumerateDirectories(root), FileBytes.Parallelism, folder => Directory.Delete(folder, recursive: true));
        Directory.Delete(root, recursive: true);
    }

    /// <summary>Deletes what it can; a file held open elsewhere only delays clean-up.</summary>
    public static void TryDelete(string root)
    {
        try
        {
            Delete(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or AggregateException)
        {
        }
    }
}
