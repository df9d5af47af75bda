namespace StartupHub.Cli.Watch;

/// <summary>
/// Watches folders and calls back once things have been quiet for a moment: an editor's save is often
/// several events (write, rename, attribute change), and a CMS may write many files at once. The callback gets
/// the full paths the events named since the last callback (so a rebuild need not scan every file's stamp), or
/// null when the watcher lost events (its buffer overflowed) and only a scan can tell what changed.
/// </summary>
public sealed class DebouncedWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly TimeSpan _quiet;
    private readonly Lock _gate = new();
    private HashSet<string> _paths = new(StringComparer.Ordinal);
    private bool _lost;

    public DebouncedWatcher(IEnumerable<string> directories, TimeSpan quiet, Action changed)
        : this(directories, quiet, _ => changed())
    {
    }

    public DebouncedWatcher(IEnumerable<string> directories, TimeSpan quiet, Action<IReadOnlyCollection<string>?> changed)
    {
        _quiet = quiet;
        _timer = new Timer(_ => changed(Take()), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var directory in directories.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(directory)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += OnChange;
            watcher.Error += OnError;
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        lock (_gate)
        {
            _paths.Add(e.FullPath);
            if (e is RenamedEventArgs renamed)
            {
                _paths.Add(renamed.OldFullPath); // an editor's "write aside, rename over" save names the file only here
            }
        }

        var name = Path.GetFileName(e.FullPath);
        if (name.StartsWith('.') || name.EndsWith('~'))
        {
            return; // editor swap and backup files: recorded (harmless), but they do not start a rebuild
        }

        _timer.Change(_quiet, Timeout.InfiniteTimeSpan);
    }

    private void OnError(object sender, ErrorEventArgs e)
    {
        lock (_gate)
        {
            _lost = true;
        }

        _timer.Change(_quiet, Timeout.InfiniteTimeSpan);
    }

    private IReadOnlyCollection<string>? Take()
    {
        lock (_gate)
        {
            var paths = _paths;
            var lost = _lost;
            _paths = new HashSet<string>(StringComparer.Ordinal);
            _lost = false;
            return lost ? null : paths;
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _timer.Dispose();
    }
}
