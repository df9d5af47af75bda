namespace StartupHub.Site.Build.Write;

/// <summary>
/// Writes a build's output. The first write of a builder (and every write that runs the search indexer) goes
/// into a fresh folder next to the output (<see cref="StagingWriter"/>, which the builder fills with pages while
/// the rest of the site renders), then is swapped in with two renames, so a reader sees either the
/// previous site or the new one and a failure before the swap leaves the previous output untouched. A later
/// write by the same builder into the same folder (the dev server's rebuilds) only replaces the files whose
/// content changed, each with its own rename, and removes files the site no longer has. Nothing is written
/// for a build with errors: the caller only gets here once the whole site has rendered and checked clean.
/// </summary>
public static class OutputWriter
{
    /// <param name="beforeSwap">Runs on the complete staging folder (e.g. the search indexer); returning false cancels the swap.</param>
    /// <param name="state">What this builder wrote last time; enables the changed-files-only write and is updated.</param>
    /// <param name="changed">When the caller knows which output paths can have changed since the last write (the body-only rebuild), only those are compared.</param>
    /// <param name="staged">The staging folder <see cref="Stage"/> started for this build, already holding the pages written while rendering.</param>
    /// <returns>The output's paths relative to the output folder, or null when <paramref name="beforeSwap"/> cancelled.</returns>
    public static IReadOnlyList<string>? Write(
        string outputDirectory,
        IReadOnlyList<RenderedPage> pages,
        IReadOnlyList<OutputFile> files,
        Func<string, bool>? beforeSwap = null,
        OutputState? state = null,
        IReadOnlySet<string>? changed = null,
        StagingWriter? staged = null)
    {
        var output = FullOutputPath(outputDirectory);
        var entries = Entries(pages, files);
        if (staged is not null)
        {
            return staged.Complete(entries, beforeSwap, state);
        }

        if (UpdatesInPlace(output, beforeSwap is not null, state))
        {
            try
            {
                state!.Remember(output, Update(output, entries, state, changed));
                return [.. entries.Select(e => e.Path)];
            }
            catch
            {
                state!.Forget(); // the folder may now hold a mix: the next write starts from a clean staging folder
                throw;
            }
        }

        state?.Forget();
        using var staging = StagingWriter.Begin(outputDirectory);
        return staging.Complete(entries, beforeSwap, state);
    }

    /// <summary>
    /// The in-place update of a rebuild that keeps every output path (the caller checked that its pages and files have
    /// the paths of the last write): only <paramref name="touched"/> are hashed, and written where their content changed.
    /// Spares building and comparing the map of eleven thousand paths on every save. False, having written nothing,
    /// when the folder is not this state's or the number of paths differs (a duplicate path, a path the state lacks):
    /// the caller then takes <see cref="Write"/>.
    /// </summary>
    /// <param name="total">How many outputs the build has, pages and files: with distinct paths, as many as the state knows.</param>
    internal static bool TryUpdateSamePaths(string outputDirectory, IReadOnlyList<(string Path, byte[] Content)> touched, int total, OutputState state)
    {
        var output = FullOutputPath(outputDirectory);
        var entries = touched.Select(t => (Path: t.Path.TrimStart('/'), t.Content)).ToList();
        if (!UpdatesInPlace(output, withBeforeSwap: false, state) || state.Count != total || !entries.TrueForAll(e => state.TryGetHash(e.Path, out _)))
        {
            return false;
        }

        try
        {
            var hashes = new UInt128[entries.Count];
            var write = new bool[entries.Count];
            Parallel.For(0, entries.Count, i =>
            {
                hashes[i] = OutputState.Hash(entries[i].Content);
                write[i] = !state.TryGetHash(entries[i].Path, out var previous) || previous != hashes[i];
            });

            var toWrite = Enumerable.Range(0, entries.Count).Where(i => write[i]).ToList();
            WriteFiles(output, [.. toWrite.Select(i => entries[i])]);
            state.Remember(output, state.With(toWrite.Select(i => (entries[i].Path, hashes[i]))));
            return true;
        }
        catch
        {
            state.Forget(); // the folder may now hold a mix: the next write starts from a clean staging folder
            throw;
        }
    }

    /// <summary>
    /// A staging folder for a build that will write the whole site (not an in-place update), so that pages can be
    /// written while the rest renders; null when the write will update the output in place.
    /// </summary>
    public static StagingWriter? Stage(string outputDirectory, bool withBeforeSwap, OutputState? state)
    {
        if (UpdatesInPlace(FullOutputPath(outputDirectory), withBeforeSwap, state))
        {
            return null;
        }

        state?.Forget();
        return StagingWriter.Begin(outputDirectory);
    }

    /// <summary>A later write by the builder that made the folder, with nothing to run before a swap, updates the changed files only.</summary>
    private static bool UpdatesInPlace(string output, bool withBeforeSwap, OutputState? state) =>
        !withBeforeSwap && state is not null && state.Matches(output) && Directory.Exists(output);

    internal static string FullOutputPath(string outputDirectory) =>
        Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);

    /// <summary>
    /// Every output path with its content (a page's UTF-8 HTML or a file's bytes), in output order; a later duplicate
    /// wins. A page's bytes are not read here: a written page's are on disk, and an update reads only the changed ones.
    /// </summary>
    private static List<(string Path, PageHtml Content)> Entries(IReadOnlyList<RenderedPage> pages, IReadOnlyList<OutputFile> files)
    {
        var index = new Dictionary<string, int>(pages.Count + files.Count, StringComparer.Ordinal);
        var entries = new List<(string Path, PageHtml Content)>(pages.Count + files.Count);
        foreach (var (path, content) in pages.Select(p => (p.OutputPath, p.Content)).Concat(files.Select(f => (f.Path, new PageHtml(f.Content)))))
        {
            var relative = path.TrimStart('/');
            if (index.TryGetValue(relative, out var at))
            {
                entries[at] = (relative, content);
            }
            else
            {
                index[relative] = entries.Count;
                entries.Add((relative, content));
            }
        }

        return entries;
    }

    private static Dictionary<string, UInt128> ToDictionary(List<(string Path, PageHtml Content)> entries, UInt128[] hashes)
    {
        var result = new Dictionary<string, UInt128>(entries.Count, StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            result[entries[i].Path] = hashes[i];
        }

        return result;
    }

    /// <summary>Replaces changed and new files one by one (write aside, rename over) and deletes the ones that went away.</summary>
    private static Dictionary<string, UInt128> Update(string output, List<(string Path, PageHtml Content)> entries, OutputState state, IReadOnlySet<string>? changed)
    {
        var hashes = new UInt128[entries.Count];
        var write = new bool[entries.Count];
        var known = 0;
        Parallel.For(0, entries.Count, () => 0, (i, _, found) =>
        {
            var (path, content) = entries[i];
            var had = state.TryGetHash(path, out var previous);
            if (changed is not null && !changed.Contains(path) && had)
            {
                hashes[i] = previous;
                return found + 1;
            }

            hashes[i] = OutputState.Hash(content.Bytes);
            write[i] = !had || previous != hashes[i];
            return found + (had ? 1 : 0);
        }, found => Interlocked.Add(ref known, found));

        var toWrite = Enumerable.Range(0, entries.Count).Where(i => write[i]).ToList();
        WriteFiles(output, [.. toWrite.Select(i => (entries[i].Path, entries[i].Content.Bytes))]);

        // Entries are distinct paths: when all of them were known and as many as before, the set of paths is the
        // same and nothing went away. Then the known hashes are updated in place (a save in `serve` changes a few
        // files of ten thousand); otherwise the files that went away are found and deleted.
        if (known == entries.Count && known == state.Count)
        {
            return state.With(toWrite.Select(i => (entries[i].Path, hashes[i])));
        }

        var current = ToDictionary(entries, hashes);
        foreach (var removed in state.Paths.Where(p => !current.ContainsKey(p)).ToList())
        {
            var target = Target(output, removed);
            if (File.Exists(target))
            {
                File.Delete(target);
            }
        }

        return current;
    }

    /// <summary>Each file is written aside and renamed over the old one, so a reader never sees half a file.</summary>
    private static void WriteFiles(string output, List<(string Path, byte[] Content)> files)
    {
        CreateFolders(output, files.Select(f => f.Path));
        Parallel.ForEach(files, FileBytes.Parallelism, file =>
        {
            var target = Target(output, file.Path);
            var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".site-tmp-{Guid.NewGuid():N}");
            FileBytes.Write(temporary, file.Content);
            File.Move(temporary, target, overwrite: true);
        });
    }

    /// <summary>Whether a write to <paramref name="outputDirectory"/> would update the files this state knows in place.</summary>
    internal static bool CanUpdateInPlace(string outputDirectory, OutputState? state) =>
        UpdatesInPlace(FullOutputPath(outputDirectory), withBeforeSwap: false, state);

    /// <summary>Folders first, once each: with ten thousand pages, a CreateDirectory per file is thousands of needless calls.</summary>
    internal static void CreateFolders(string root, IEnumerable<string> paths)
    {
        foreach (var folder in paths.Select(path => Path.GetDirectoryName(Target(root, path))!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Directory.CreateDirectory(folder);
        }
    }

    internal static void Swap(string staging, string output, string parent, string name)
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

    /// <summary>The file's full path in <paramref name="root"/>; a path that would climb out of it is a bug, not content.</summary>
    internal static string Target(string root, string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(root, relativePath.TrimStart('/')));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"出力ファイル '{relativePath}' が出力フォルダの外を指しています。");
        }

        return path;
    }
}
