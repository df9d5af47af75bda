namespace StartupHub.Site.Build.Write;

/// <summary>
/// Writes a build's output. The first write of a builder (and every write that runs the search indexer) goes
/// into a fresh folder next to the output, then is swapped in with two renames, so a reader sees either the
/// previous site or the new one and a failure before the swap leaves the previous output untouched. A later
/// write by the same builder into the same folder (the dev server's rebuilds) only replaces the files whose
/// content changed, each with its own rename, and removes files the site no longer has. Nothing is written
/// for a build with errors: the caller only gets here once the whole site has rendered and checked clean.
/// </summary>
public static class OutputWriter
{
    /// <param name="beforeSwap">Runs on the complete staging folder (e.g. the search indexer); returning false cancels the swap.</param>
    /// <param name="state">What this builder wrote last time; enables the changed-files-only write and is updated.</param>
    /// <returns>The output's paths relative to the output folder, or null when <paramref name="beforeSwap"/> cancelled.</returns>
    public static IReadOnlyList<string>? Write(string outputDirectory, IReadOnlyList<RenderedPage> pages, IReadOnlyList<OutputFile> files, Func<string, bool>? beforeSwap = null, OutputState? state = null)
    {
        var output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output) ?? throw new ArgumentException($"出力先 '{outputDirectory}' にはフォルダを指定してください。", nameof(outputDirectory));
        var entries = Entries(pages, files);
        if (beforeSwap is null && state is not null && state.Matches(output) && Directory.Exists(output))
        {
            try
            {
                Update(output, entries, state);
                state.Remember(output, entries);
                return [.. entries.Keys];
            }
            catch
            {
                state.Forget(); // the folder may now hold a mix: the next write starts from a clean staging folder
                throw;
            }
        }

        state?.Forget();
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(output);
        RemoveLeftovers(parent, name);
        var staging = Path.Combine(parent, $".site-tmp-{name}-staging-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            CreateFolders(staging, entries.Keys);
            Parallel.ForEach(entries, FileBytes.Parallelism, entry => FileBytes.Write(Target(staging, entry.Key), entry.Value));

            if (beforeSwap is not null && !beforeSwap(staging))
            {
                FileTree.Delete(staging);
                return null;
            }

            Swap(staging, output, parent, name);
            state?.Remember(output, entries);
            return [.. entries.Keys];
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                FileTree.Delete(staging);
            }

            throw;
        }
    }

    /// <summary>Every output path with its content (a page's HTML string or a file's bytes), in output order.</summary>
    private static Dictionary<string, object> Entries(IReadOnlyList<RenderedPage> pages, IReadOnlyList<OutputFile> files)
    {
        var entries = new Dictionary<string, object>(pages.Count + files.Count, StringComparer.Ordinal);
        foreach (var page in pages)
        {
            entries[page.OutputPath.TrimStart('/')] = page.Html;
        }

        foreach (var file in files)
        {
            entries[file.Path.TrimStart('/')] = file.Content;
        }

        return entries;
    }

    /// <summary>Replaces changed and new files one by one (write aside, rename over) and deletes the ones that went away.</summary>
    private static void Update(string output, Dictionary<string, object> entries, OutputState state)
    {
        var changed = entries.Where(e => !state.IsUnchanged(e.Key, e.Value)).ToList();
        CreateFolders(output, changed.Select(e => e.Key));
        Parallel.ForEach(changed, FileBytes.Parallelism, entry =>
        {
            var target = Target(output, entry.Key);
            var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".site-tmp-{Guid.NewGuid():N}");
            FileBytes.Write(temporary, entry.Value);
            File.Move(temporary, target, overwrite: true);
        });

        foreach (var removed in state.Paths.Where(p => !entries.ContainsKey(p)))
        {
            var target = Target(output, removed);
            if (File.Exists(target))
            {
                File.Delete(target);
            }
        }
    }

    /// <summary>Folders first, once each: with ten thousand pages, a CreateDirectory per file is thousands of needless calls.</summary>
    private static void CreateFolders(string root, IEnumerable<string> paths)
    {
        foreach (var folder in paths.Select(path => Path.GetDirectoryName(Target(root, path))!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Directory.CreateDirectory(folder);
        }
    }

    private static void Swap(string staging, string output, string parent, string name)
    {
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return;
        }

        var previous = Path.Combine(parent, $".site-tmp-{name}-previous-{Guid.NewGuid():N}");
        Directory.Move(output, previous);
        try
        {
            Directory.Move(staging, output);
        }
        catch
        {
            Directory.Move(previous, output);
            throw;
        }

        // The new site is in place; a file still open elsewhere (a browser download, an editor) only delays
        // clean-up, and whatever is left is removed by the next build (RemoveLeftovers).
        FileTree.TryDelete(previous);
    }

    /// <summary>Staging or previous folders of a build that was killed half-way (the swap itself never leaves them).</summary>
    private static void RemoveLeftovers(string parent, string name)
    {
        foreach (var leftover in Directory.EnumerateDirectories(parent, $".site-tmp-{name}-*"))
        {
            FileTree.TryDelete(leftover);
        }
    }

    /// <summary>The file's full path in <paramref name="root"/>; a path that would climb out of it is a bug, not content.</summary>
    private static string Target(string root, string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(root, relativePath.TrimStart('/')));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"出力ファイル '{relativePath}' が出力フォルダの外を指しています。");
        }

        return path;
    }
}
