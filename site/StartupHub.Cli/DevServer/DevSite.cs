using StartupHub.Cli.LiveReload;
using StartupHub.Site.Build;

namespace StartupHub.Cli.DevServer;

/// <summary>
/// The dev server's build state: rebuilds one at a time with the same <see cref="SiteBuilder"/> (so parsed
/// templates are reused, and a save that only changed Markdown bodies re-renders just the pages showing them),
/// coalesces changes that arrive during a build, and keeps the last result for the
/// error overlay.
/// </summary>
public sealed class DevSite(BuildOptions options, LiveReloadHub liveReload, TextWriter log)
{
    private SiteBuilder _builder = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _pending;
    private int _generation;

    // Paths the watcher saw since the last build started; null when only a scan of every file can tell.
    private readonly Lock _changesGate = new();
    private HashSet<string>? _changed;

    // The watcher starts after the first build: its paths are complete only for builds that start after it reported once.
    private bool _watcherComplete;

    public BuildOptions Options { get; private set; } = options;

    /// <summary>
    /// Null until the first build finishes. Its <see cref="BuildResult.Pages"/> is left empty: the pages are on disk
    /// (and in the builder for the next body-only rebuild), and holding ten thousand pages' HTML here would double
    /// the memory of the next full rebuild.
    /// </summary>
    public BuildResult? LastResult { get; private set; }

    /// <summary>Counts finished builds; tests poll it to see a rebuild happen.</summary>
    public int Generation => Volatile.Read(ref _generation);

    public void UseBaseUrl(Uri baseUrl) => Options = Options with { BaseUrl = baseUrl };

    /// <summary>Builds now, or once more after the running build if one is in progress.</summary>
    /// <param name="changed">The files the watcher saw change, so the rebuild can skip scanning every file; null to scan.</param>
    public async Task RebuildAsync(IReadOnlyCollection<string>? changed = null)
    {
        lock (_changesGate)
        {
            if (changed is null || !_watcherComplete)
            {
                _watcherComplete |= changed is not null;
                _changed = null;
            }
            else
            {
                _changed?.UnionWith(changed);
            }
        }

        Interlocked.Exchange(ref _pending, 1);
        if (!await _gate.WaitAsync(0))
        {
            return; // the running build loops once more for this change
        }

        try
        {
            while (Interlocked.Exchange(ref _pending, 0) == 1)
            {
                HashSet<string>? paths;
                lock (_changesGate)
                {
                    paths = _changed;
                    _changed = new HashSet<string>(StringComparer.Ordinal);
                }

                BuildResult result;
                try
                {
                    result = await Task.Run(() => paths is null ? _builder.Build(Options) : _builder.Rebuild(Options, paths));
                }
                catch (Exception e) when (MemoryLimit.IsOutOfMemory(e))
                {
                    result = OutOfMemory();
                }

                LastResult = result with { Pages = [] };
                var generation = Interlocked.Increment(ref _generation);
                log.WriteLine(result.Succeeded
                    ? $"[{DateTime.Now:HH:mm:ss}] 再生成しました（{result.Pages.Count} ページ、{result.Total.TotalMilliseconds:0} ms）。"
                    : $"[{DateTime.Now:HH:mm:ss}] 生成に失敗しました（エラー {result.ErrorCount} 件）。ブラウザにエラーを表示しています。");
                foreach (var diagnostic in result.Diagnostics.Where(d => d.Severity == Site.Diagnostics.Severity.Error))
                {
                    log.WriteLine("  " + diagnostic);
                }

                liveReload.Reload(generation);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The site outgrew the GC heap limit during a build. An incremental update may have stopped half-way, and the
    /// builder's kept state is what fills the heap, so it is dropped: the next save builds everything again with a
    /// fresh builder. The overlay says what happened; the server keeps running.
    /// </summary>
    private BuildResult OutOfMemory()
    {
        _builder = new SiteBuilder();
        lock (_changesGate)
        {
            _changed = null;
        }

        var message = MemoryLimit.Message("serve-rebuild", MemoryLimit.CurrentLimit);
        return new BuildResult([Site.Diagnostics.Diagnostic.Error(new Site.Content.SourceLocation("content", 1, 1), "out-of-memory", message)], [], [], []);
    }
}
