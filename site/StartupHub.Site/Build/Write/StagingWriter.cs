using System.Collections.Concurrent;

namespace StartupHub.Site.Build.Write;

/// <summary>
/// A fresh folder next to the output that pages are written into while the rest of the site still renders, then
/// swapped in whole. Creating a file costs this machine's disk about a millisecond (mkdir as much again), most of
/// it waiting, so ten thousand pages written after rendering took longer than rendering them: written as each
/// page is done, the waiting overlaps the render, output and link phases. Nothing reaches the output folder
/// before <see cref="Complete"/>, and disposing without completing deletes the staging folder, so a build that
/// ends with errors still leaves the previous site untouched.
/// </summary>
public sealed class StagingWriter : IDisposable
{
    private readonly BlockingCollection<(string Path, PageHtml Content)> _queue = new(new ConcurrentQueue<(string, PageHtml)>());
    private readonly ConcurrentDictionary<string, PageHtml> _streamed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, UInt128> _hashes = new(StringComparer.Ordinal);
    private readonly Task[] _writers;
    private readonly string _output;
    private readonly string _parent;
    private readonly string _name;
    private readonly OutputLocation _location;
    private bool _completed;

    private StagingWriter(string output, string parent, string name)
    {
        _output = output;
        _parent = parent;
        _name = name;
        Directory.CreateDirectory(parent);
        RemoveLeftovers(output, parent, name);
        Staging = Path.Combine(parent, $".site-tmp-{name}-staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Staging);
        _location = new OutputLocation(Staging);

        // Dedicated threads: they mostly wait on the disk and must not take the thread pool's workers from the render.
        _writers = [.. Enumerable.Range(0, FileBytes.Parallelism.MaxDegreeOfParallelism)
            .Select(_ => Task.Factory.StartNew(Drain, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))];
    }

    public string Staging { get; }

    /// <summary>Starts a staging folder beside <paramref name="outputDirectory"/> (after removing a killed build's leftovers).</summary>
    public static StagingWriter Begin(string outputDirectory)
    {
        var output = OutputWriter.FullOutputPath(outputDirectory);
        var parent = Path.GetDirectoryName(output) ?? throw new ArgumentException($"出力先 '{outputDirectory}' にはフォルダを指定してください。", nameof(outputDirectory));
        return new StagingWriter(output, parent, Path.GetFileName(output));
    }

    /// <summary>
    /// Queues one page's HTML; once written, the page's bytes are let go (<see cref="PageHtml"/>). A second file for the
    /// same path waits for <see cref="Complete"/>, which decides.
    /// </summary>
    public void Add(string outputPath, PageHtml content)
    {
        var relative = outputPath.TrimStart('/');
        if (_streamed.TryAdd(relative, content))
        {
            _queue.Add((relative, content));
        }
    }

    /// <summary>
    /// Writes what is not on disk yet (the non-page files, and the final winner of any path written twice), runs
    /// <paramref name="beforeSwap"/> on the complete folder, and swaps it in.
    /// </summary>
    /// <returns>The output's paths, or null when <paramref name="beforeSwap"/> cancelled (the staging folder is then deleted).</returns>
    internal IReadOnlyList<string>? Complete(List<(string Path, PageHtml Content)> entries, Func<string, bool>? beforeSwap, OutputState? state)
    {
        WaitForWriters();
        var remaining = entries.Where(e => !_streamed.TryGetValue(e.Path, out var content) || !ReferenceEquals(content, e.Content)).ToList();
        OutputWriter.CreateFolders(Staging, remaining.Select(e => e.Path));
        Parallel.ForEach(remaining, FileBytes.Parallelism, entry =>
        {
            Write(entry.Path, entry.Content.Bytes);
        });

        if (beforeSwap is not null && !beforeSwap(Staging))
        {
            return null; // Dispose deletes the staging folder
        }

        OutputWriter.Swap(Staging, _output, _parent, _name);
        _location.Directory = _output; // the written pages are read back from their new place
        _completed = true;
        state?.Remember(_output, entries.ToDictionary(e => e.Path, e => _hashes[e.Path], StringComparer.Ordinal));
        return [.. entries.Select(e => e.Path)];
    }

    public void Dispose()
    {
        if (!_completed)
        {
            _completed = true;
            try
            {
                WaitForWriters();
            }
            catch (AggregateException)
            {
                // The build is being abandoned (an error already reported, or thrown by the caller): only clean up.
            }

            if (Directory.Exists(Staging))
            {
                FileTree.TryDelete(Staging);
            }
        }

        _queue.Dispose();
    }

    private void WaitForWriters()
    {
        _queue.CompleteAdding();
        Task.WaitAll(_writers);
    }

    private void Drain()
    {
        foreach (var (path, content) in _queue.GetConsumingEnumerable())
        {
            Write(path, content.Bytes);
            content.Written(_location, path);
        }
    }

    private void Write(string path, byte[] content)
    {
        var target = OutputWriter.Target(Staging, path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        FileBytes.Write(target, content);
        _hashes[path] = OutputState.Hash(content);
    }

    /// <summary>
    /// Staging or previous folders of a build that was killed half-way. A kill between the swap's two renames
    /// (build and check end at once on Ctrl+C) leaves the last good site in a "-previous-" folder and no output
    /// folder: that site is put back first, so a killed build never loses it.
    /// </summary>
    private static void RemoveLeftovers(string output, string parent, string name)
    {
        if (!Directory.Exists(output)
            && Directory.EnumerateDirectories(parent, $".site-tmp-{name}-previous-*")
                .Select(path => new DirectoryInfo(path))
                .OrderByDescending(folder => folder.LastWriteTimeUtc)
                .FirstOrDefault() is { } previous)
        {
            Directory.Move(previous.FullName, output);
        }

        foreach (var leftover in Directory.EnumerateDirectories(parent, $".site-tmp-{name}-*"))
        {
            FileTree.TryDelete(leftover);
        }
    }
}
