using System.Collections.Concurrent;
using StartupHub.Cli.Watch;

namespace StartupHub.Build.Tests.Serve;

/// <summary>The watcher hands the changed paths to the rebuild, so <c>serve</c> need not scan every input file.</summary>
public sealed class DebouncedWatcherTests
{
    [Fact]
    public async Task Reports_the_paths_saved_since_the_last_callback_once_quiet()
    {
        var folder = Path.Combine(Path.GetTempPath(), "startuphub-build-tests", "watch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "news"));
        var calls = new BlockingCollection<IReadOnlyCollection<string>?>();
        try
        {
            using var watcher = new DebouncedWatcher([folder], TimeSpan.FromMilliseconds(100), paths => calls.Add(paths));
            await WaitUntilLiveAsync(folder, calls);
            var first = Path.Combine(folder, "news", "a.md");
            var second = Path.Combine(folder, "news", "b.md");
            await File.WriteAllTextAsync(first, "一");
            await File.WriteAllTextAsync(second, "二");

            // Under load the two saves may straddle the quiet period: together the callbacks name both files.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (!(seen.Contains(first) && seen.Contains(second)))
            {
                Assert.True(calls.TryTake(out var paths, TimeSpan.FromSeconds(10)), "no callback names both saves");
                Assert.NotNull(paths);
                seen.UnionWith(paths);
            }

            // A save after a callback starts a new list: earlier paths are not reported again.
            await Task.Delay(300);
            while (calls.TryTake(out _))
            {
            }

            await File.AppendAllTextAsync(second, "三");
            Assert.True(calls.TryTake(out var next, TimeSpan.FromSeconds(10)), "no callback for the later save");
            Assert.Equal([second], next!.Distinct());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The operating system's watch on the subfolders is set up asynchronously (inotify, one watch per folder):
    /// on a loaded machine a save right after the watcher starts can come before it. A probe save that gets reported
    /// shows the watch is live; then the reports are drained so the test starts from nothing.</summary>
    private static async Task WaitUntilLiveAsync(string folder, BlockingCollection<IReadOnlyCollection<string>?> calls)
    {
        var probe = Path.Combine(folder, "news", "probe.md");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await File.WriteAllTextAsync(probe, Guid.NewGuid().ToString("N"));
            if (calls.TryTake(out _, TimeSpan.FromSeconds(1)))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "the watcher never reported a save");
        }

        await Task.Delay(300);
        while (calls.TryTake(out _))
        {
        }
    }
}
