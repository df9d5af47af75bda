// Build benchmark: N synthetic items (news and events) on top of the sample site and the default theme.
// Per size: cold builds (a new SiteBuilder, no output folder), then rebuilds with one builder the way
// `startuphub serve` does (DevSite): a body edit, a front matter edit found by scanning the inputs (Build),
// and the same edit with the watcher's changed paths (Rebuild). Every figure is the median of --runs runs (cold
// builds: of the runs after the first, which also pays the JIT and is shown on its own) and is printed with the
// load average it was measured under: the machine may be shared. After the in-process cold builds, the same build
// runs as whole `startuphub build` processes (--processes, default 3): runtime start, JIT and exit included; with
// --native FILE each is paired with one run of the ahead-of-time compiled CLI (./build-native.sh), the pair's order
// alternating from run to run.
// dotnet run -c Release --project bench/StartupHub.Bench -- --pages 10000 --runs 5
using System.Globalization;
using System.Runtime;
using StartupHub.Bench;
using StartupHub.Measuring;
using StartupHub.Site.Build;
using StartupHub.Site.Runtime;

// The first cold build compiles the code as `startuphub build` does, with the same head start (multicore JIT).
// Whether a profile was there decides how much of the first build's JIT is ahead of it: printed, so that figures
// from a machine's first run (no profile) are not compared with later ones as if alike.
// The machine's speed is measured before the JIT profile starts, so that the profile's head start is the same
// as `startuphub build`'s (measured first, it would have half a second more).
var speedAtStart = MachineSpeed.Measure();
var jitProfilePath = JitProfile.CacheFolder() is { } jitFolder ? Path.Combine(jitFolder, "bench.jitprofile") : null;
var jitProfileFound = jitProfilePath is not null && File.Exists(jitProfilePath);
JitProfile.Start("bench");
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    // A mistyped argument is a usage error, not a crash with a stack trace.
    Console.Error.WriteLine($"エラー: {e.Message}");
    return 2;
}

Console.WriteLine($"StartupHub ビルドベンチマーク（.NET {Environment.Version}, {Environment.ProcessorCount} コア, Server GC={GCSettings.IsServerGC}, 並行 GC={GCSettings.LatencyMode != GCLatencyMode.Batch}, 検索インデックス={(options.SearchIndex ? "あり" : "なし")}, 初回ビルド {options.Runs} 回・各編集 {options.Edits} 回の中央値）");
Console.WriteLine($"負荷: {LoadAverage()}");
Console.WriteLine($"マシンの速さ（コアごとの固定の仕事、小さいほど速い）: {speedAtStart}");
Console.WriteLine($"JIT プロファイル: {(jitProfilePath is null ? "使いません（STARTUPHUB_JIT_CACHE が空）" : jitProfileFound ? $"前回の記録を使います（{jitProfilePath}）" : $"記録がないので今回記録します（{jitProfilePath}）")}");

var failed = false;
var rows = new List<string>();
foreach (var count in options.PageCounts)
{
    var site = SyntheticSite.Create(options.RepoRoot, count);
    var buildOptions = new BuildOptions { RootDirectory = site.Root, OutputDirectory = site.Output, SearchIndex = options.SearchIndex };
    Console.WriteLine($"\n合成コンテンツ {count} 件（お知らせ・イベント）+ サンプルコンテンツ（{site.Root}）");

    // Cold: a new builder into a missing output folder, built once as `startuphub build` builds (keeping nothing for a
    // rebuild). The first also pays the JIT, as one `startuphub build` does.
    // Each cold run writes into its own missing folder: deleting the previous run's eleven thousand files just
    // before the build measured the file system's delete (ext4 with discard here), not this build's write.
    var cold = new List<Figures>();
    for (var run = 0; run < options.Runs; run++)
    {
        var fresh = buildOptions with { OutputDirectory = $"{site.Output}-cold-{run + 1}" };
        cold.Add(Measure($"初回ビルド {run + 1}", () => new SiteBuilder { KeepsStateForRebuilds = false }.Build(fresh)));
    }

    // The same cold build as whole `startuphub build` processes (runtime start, JIT and exit included), each into its
    // own missing folder like the runs above.
    if (options.Processes > 0)
    {
        var cliProfile = JitProfile.CacheFolder() is { } cliJitFolder ? Path.Combine(cliJitFolder, "build.jitprofile") : null;
        Console.WriteLine($"  startuphub build のプロセス（{ProcessBuild.CliPath}、JIT プロファイル: {(cliProfile is null ? "なし" : File.Exists(cliProfile) ? "前回の記録あり" : "記録なし、1回目が記録")}）");
    }

    var processes = new List<ProcessBuild>();
    var nativeProcesses = new List<ProcessBuild>();
    for (var run = 0; run < options.Processes; run++)
    {
        // With --native the order alternates (.NET first, then native first, ...), so neither always runs second.
        var nativeFirst = options.Native is not null && run % 2 == 1;
        if (nativeFirst)
        {
            RunNative(run);
        }

        var process = ProcessBuild.Run($"startuphub build プロセス {run + 1}", site.Root, $"{site.Output}-process-{run + 1}", options.SearchIndex);
        process.Print(Console.Out, LoadAverage());
        processes.Add(process);
        failed |= process.ExitCode != 0;
        if (!nativeFirst)
        {
            RunNative(run);
        }
    }

    void RunNative(int run)
    {
        if (options.Native is { } native)
        {
            var nativeProcess = ProcessBuild.Run($"startuphub-native build プロセス {run + 1}", site.Root, $"{site.Output}-native-{run + 1}", options.SearchIndex, native);
            nativeProcess.Print(Console.Out, LoadAverage());
            nativeProcesses.Add(nativeProcess);
            failed |= nativeProcess.ExitCode != 0;
        }
    }

    var builder = new SiteBuilder();
    Measure("dev サーバーの最初のビルド", () => builder.Build(buildOptions));
    var body = Repeat("本文を1ファイル変更（走査）", n => site.TouchOne(SyntheticSite.News(n * 7)), _ => builder.Build(buildOptions));
    var bodyWatch = Repeat("本文を1ファイル変更（監視のパス）", n => site.TouchOne(SyntheticSite.News((n * 7) + 3)), path => builder.Rebuild(buildOptions, [path]));
    var eventScan = Repeat("イベントのタイトルを変更（走査）", n => site.RetitleOne(SyntheticSite.Event(n)), _ => builder.Build(buildOptions));
    var eventWatch = Repeat("イベントのタイトルを変更（監視のパス）", n => site.RetitleOne(SyntheticSite.Event(n + options.Edits)), path => builder.Rebuild(buildOptions, [path]));
    var newsWatch = Repeat("お知らせのタイトルを変更（監視のパス）", n => site.RetitleOne(SyntheticSite.News(n * 11)), path => builder.Rebuild(buildOptions, [path]));
    failed |= cold.Concat(body).Concat(bodyWatch).Concat(eventScan).Concat(eventWatch).Concat(newsWatch).Any(f => !f.Succeeded);

    // The first cold build of the process also compiles the code (JIT): it is reported on its own, and the medians are
    // of the later ones (all of them when --runs 1).
    var warm = cold.Count > 1 ? cold.Skip(1).ToList() : cold;
    Console.WriteLine($"\n  初回ビルドのフェーズ（2回目以降の中央値）: {string.Join(", ", warm.SelectMany(f => f.Phases).GroupBy(p => p.Phase).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {Median(g.Select(p => p.Elapsed.TotalMilliseconds)):0} ms")))}");
    rows.Add(string.Create(CultureInfo.InvariantCulture,
        $"| {count,6} | {cold[0].Pages,6} | {cold[0].Wall.TotalSeconds,5:0.00} s | {Median(warm.Select(f => f.Wall.TotalSeconds)),5:0.00} s | {Median(warm.Select(f => f.Cpu.TotalSeconds)),5:0.00} s | {cold.Max(f => f.PeakWorkingSet) / 1048576.0,5:0} MB | {ProcessCells(processes)} | {ProcessCells(nativeProcesses)} | {Median(body.Select(f => f.Wall.TotalMilliseconds)),5:0} ms | {Median(bodyWatch.Select(f => f.Wall.TotalMilliseconds)),5:0} ms | {Median(eventScan.Select(f => f.Wall.TotalMilliseconds)),5:0} ms | {Median(eventWatch.Select(f => f.Wall.TotalMilliseconds)),5:0} ms | {Median(newsWatch.Select(f => f.Wall.TotalMilliseconds)),5:0} ms | {cold[0].Load} → {newsWatch[^1].Load} |"));

    if (options.Keep)
    {
        Console.WriteLine($"  出力を残しました: {site.Output}");
    }
    else
    {
        site.Dispose();
    }

    List<Figures> Repeat(string label, Func<int, string> edit, Func<string, BuildResult> rebuild)
    {
        var figures = new List<Figures>();
        for (var run = 0; run < options.Edits; run++)
        {
            var path = edit(run);
            figures.Add(Measure($"{label} {run + 1}", () => rebuild(path)));
        }

        return figures;
    }
}

Console.WriteLine("\n| 件数 | ページ | 初回ビルド（1回目、JIT 込み） | 初回ビルド（2回目以降の中央値） | その CPU 時間 | ピーク作業セット（初回ビルドの最大） | startuphub build プロセス（中央値、最小–最大） | そのピーク常駐（最大） | startuphub-native build プロセス（--native、中央値、最小–最大） | そのピーク常駐（最大） | 本文1件の再ビルド（走査） | 本文1件の再ビルド（監視のパス） | イベント題名の再ビルド（走査） | イベント題名の再ビルド（監視のパス） | お知らせ題名の再ビルド（監視のパス） | 負荷 (1/5/15分) 開始 → 終了 |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
rows.ForEach(Console.WriteLine);
Console.WriteLine($"\nマシンの速さ（開始時 → 終了時）: {speedAtStart} → {MachineSpeed.Measure()}");
return failed ? 1 : 0;

// Prints one run and keeps only its figures, so the next run does not also hold this run's ten thousand pages.
static Figures Measure(string label, Func<BuildResult> build)
{
    var measurement = Measurement.Run(label, build);
    var load = LoadAverage();
    measurement.Print(Console.Out, load);
    return new Figures(measurement.Wall, measurement.Result.Pages.Count, measurement.PeakWorkingSet, measurement.Result.Succeeded, measurement.Result.Timings, load, measurement.UserCpu + measurement.KernelCpu);
}

// The processes' median time with its range, and their largest peak ("—" when the bench ran none).
static string ProcessCells(List<ProcessBuild> processes) =>
    processes.Count == 0
        ? "— | —"
        : string.Create(CultureInfo.InvariantCulture,
            $"{Median(processes.Select(p => p.Wall.TotalSeconds)),5:0.00} s ({processes.Min(p => p.Wall.TotalSeconds):0.00}–{processes.Max(p => p.Wall.TotalSeconds):0.00}) | {ProcessBuild.Megabytes(processes.Max(p => p.PeakResident))}");

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

// The machine may be shared: every figure is printed next to the load it was measured under.
static string LoadAverage()
{
    try
    {
        var parts = File.ReadAllText("/proc/loadavg").Split(' ');
        return $"{parts[0]} / {parts[1]} / {parts[2]}";
    }
    catch (IOException)
    {
        return "不明";
    }
}

internal sealed record Figures(TimeSpan Wall, int Pages, long PeakWorkingSet, bool Succeeded, IReadOnlyList<PhaseTiming> Phases, string Load, TimeSpan Cpu);
