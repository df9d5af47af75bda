using StartupHub.Build.Tests.Support;
using StartupHub.Cli.DevServer;
using StartupHub.Cli.LiveReload;

namespace StartupHub.Build.Tests.Serve;

/// <summary>
/// `serve` outgrowing the GC heap limit in a rebuild (CliRuntime.props): the server keeps running, the overlay says
/// so, and the next save builds everything again with a fresh builder.
/// </summary>
public sealed class DevSiteOutOfMemoryTests
{
    private const string News = "content/news/2025-09-15-open.md";

    /// <summary>The build reads the clock first: an armed clock fails the build there, as a full heap would anywhere.</summary>
    private sealed class FailingClock : TimeProvider
    {
        public volatile bool Fail;

        public override DateTimeOffset GetUtcNow() => Fail ? throw new OutOfMemoryException() : TempSite.Now.ToUniversalTime();
    }

    [Fact]
    public async Task A_rebuild_that_runs_out_of_memory_shows_the_limit_and_the_next_save_builds_everything_again()
    {
        using var site = TempSite.Create();
        var clock = new FailingClock();
        var log = new StringWriter();
        var dev = new DevSite(site.Options() with { OutputDirectory = Path.Combine(site.Root, "serve-out"), Clock = clock }, new LiveReloadHub(), TextWriter.Synchronized(log));
        await dev.RebuildAsync();
        Assert.True(dev.LastResult is { Succeeded: true }, string.Join("\n", dev.LastResult?.Diagnostics ?? []));

        clock.Fail = true;
        site.Write(News, site.Read(News) + "\n追記。\n");
        await dev.RebuildAsync([Path.Combine(site.Root, News)]);
        var failed = Assert.Single(dev.LastResult!.Diagnostics);
        Assert.Equal("out-of-memory", failed.Code);
        Assert.StartsWith("エラー: GC ヒープの上限（", failed.Message, StringComparison.Ordinal);
        Assert.Contains("次に保存したときに全体を生成し直します。", failed.Message, StringComparison.Ordinal);
        Assert.Matches("DOTNET_GCHeapHardLimit=[0-9A-F]+ とすると", log.ToString());
        Assert.Equal(2, dev.Generation);

        // The watcher's next path list would make a keeping builder update in place; the fresh builder reads everything.
        clock.Fail = false;
        await dev.RebuildAsync([Path.Combine(site.Root, News)]);
        Assert.True(dev.LastResult is { Succeeded: true }, string.Join("\n", dev.LastResult?.Diagnostics ?? []));
        Assert.Contains(dev.LastResult!.Timings, t => t.Phase == "読み込み・検証");
        Assert.Contains("追記。", File.ReadAllText(Path.Combine(site.Root, "serve-out", "news", "2025-09-15-open", "index.html")), StringComparison.Ordinal);
    }
}
