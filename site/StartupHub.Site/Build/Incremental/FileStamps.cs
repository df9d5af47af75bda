using System.IO.Enumeration;

namespace StartupHub.Site.Build.Incremental;

/// <summary>Size and modification time of every file under the folders a build reads, to tell which files an edit touched.</summary>
internal sealed class FileStamps
{
    private readonly Dictionary<string, (long Length, long Ticks)> _files;

    private FileStamps(Dictionary<string, (long Length, long Ticks)> files) => _files = files;

    /// <summary>Taken before the build reads anything, so an edit made during the build shows up as a change next time.</summary>
    public static FileStamps Take(IEnumerable<string> directories)
    {
        var files = new Dictionary<string, (long Length, long Ticks)>(StringComparer.Ordinal);
        foreach (var directory in directories.Where(Directory.Exists))
        {
            var entries = new FileSystemEnumerable<(string Path, long Length, long Ticks)>(
                directory,
                (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.Length, entry.LastWriteTimeUtc.UtcTicks),
                new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && !IsEditorScratch(entry.FileName),
            };
            foreach (var (path, length, ticks) in entries)
            {
                files[path] = (length, ticks);
            }
        }

        return new FileStamps(files);
    }

    /// <summary>
    /// These stamps with <paramref name="paths"/> (files a watcher saw change) stamped again, instead of a scan of
    /// every input file. Null when a path inside <paramref name="directories"/> is a folder, a new file or a deleted
    /// one: a change of shape, which the caller hands to a full scan.
    /// </summary>
    public FileStamps? Restamp(IEnumerable<string> paths, IEnumerable<string> directories)
    {
        var roots = directories.Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d)) + Path.DirectorySeparatorChar).ToList();
        var files = new Dictionary<string, (long Length, long Ticks)>(_files, StringComparer.Ordinal);
        foreach (var path in paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            if (!roots.Exists(root => path.StartsWith(root, StringComparison.Ordinal)) || IsEditorScratch(Path.GetFileName(path.AsSpan())))
            {
                continue;
            }

            var file = new FileInfo(path);
            if (file.Exists && files.ContainsKey(path))
            {
                files[path] = (file.Length, file.LastWriteTimeUtc.Ticks);
            }
            else if (file.Exists || files.ContainsKey(path) || Directory.Exists(path))
            {
                return null;
            }
        }

        return new FileStamps(files);
    }

    /// <summary>Swap, backup and lock files editors keep beside the file being edited; the build never reads them.</summary>
    private static bool IsEditorScratch(ReadOnlySpan<char> name) =>
        name.EndsWith("~") || name.EndsWith(".swp") || name.EndsWith(".swx") || name.StartsWith(".#");

    /// <summary>The files whose stamp differs, or null when a file was added or removed (a change of shape, not of text).</summary>
    public List<string>? ChangedSince(FileStamps previous)
    {
        if (previous._files.Count != _files.Count)
        {
            return null;
        }

        var changed = new List<string>();
        foreach (var (path, stamp) in _files)
        {
            if (!previous._files.TryGetValue(path, out var before))
            {
                return null;
            }

            if (before != stamp)
            {
                changed.Add(path);
            }
        }

        return changed;
    }
}
