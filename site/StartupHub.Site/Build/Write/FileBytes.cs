namespace StartupHub.Site.Build.Write;

/// <summary>Writes one output file (a page's UTF-8 HTML or another file's bytes) in one call.</summary>
internal static class FileBytes
{
    /// <summary>Writing is mostly waiting on the file system: a few more writers than cores keeps the disk busy.</summary>
    public static readonly ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount * 2) };

    public static void Write(string path, byte[] content)
    {
        // No flush to disk: a build is reproducible, and a crash before the swap leaves the previous output in place.
        using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, content, 0);
    }
}
