// Build benchmark: N synthetic Japanese news items on top of the sample site and the default theme;
// a cold build, then rebuilds with the same SiteBuilder the way `startuphub serve` does (DevSite calls
// SiteBuilder.Build on its one builder for every change): one body edit, then one title edit.
// dotnet run -c Release --project bench/StartupHub.Bench -- --pages 1000,10000
using System.Globalization;
using System.Runtime;
using StartupHub.Bench;
using StartupHub.Site.Build;

var options = BenchOptions.Parse(args);
Console.WriteLine($"StartupHub ビルドベンチマーク（.NET {Environment.Version}, {Environment.ProcessorCount} コア, Server GC={GCSettings.IsServerGC}, 並行 GC={GCSettings.LatencyMode != GCLatencyMode.Batch}, 検索インデックス={(options.SearchIndex ? "あり" : "なし")}）");
Console.WriteLine($"負荷: {LoadAverage()}");

var failed = false;
var rows = new List<string>();
foreach (var count in options.PageCounts)
{
    var site = SyntheticSite.Create(options.RepoRoot, count);
    var buildOptions = new BuildOptions { RootDirectory = site.Root, OutputDirectory = site.Output, SearchIndex = options.SearchIndex };
    var builder = new SiteBuilder();
    Console.WriteLine($"\nお知らせ {count} 件 + サンプルコンテンツ（{site.Root}）");

    var cold = Measure("初回ビルド", () => builder.Build(buildOptions));
    var coldPeak = cold.PeakWorkingSet;
    site.TouchOne(count / 2);
    var body = Measure("本文を1ファイル変更後の再ビルド（serve と同じ経路）", () => builder.Build(buildOptions));
    site.RetitleOne(count / 3);
    var title = Measure("タイトルを1ファイル変更後の再ビルド（serve と同じ経路、全体を再生成）", () => builder.Build(buildOptions));
    failed |= !cold.Succeeded || !body.Succeeded || !title.Succeeded;
    rows.Add(string.Create(CultureInfo.InvariantCulture,
        $"| {count,6} | {cold.Pages,6} | {cold.Wall.TotalSeconds,6:0.00} s | {cold.Pages / cold.Wall.TotalSeconds,6:0} | {coldPeak / 1048576.0,5:0} MB | {title.PeakWorkingSet / 1048576.0,5:0} MB | {body.Wall.TotalMilliseconds,6:0} ms | {title.Wall.TotalSeconds,6:0.00} s | {LoadAverage()} |"));

    if (options.Keep)
    {
        Console.WriteLine($"  出力を残しました: {site.Output}");
    }
    else
    {
        site.Dispose();
    }
}

Console.WriteLine("\n| お知らせ | ページ | 初回ビルド | ページ/秒 | ピーク作業セット（初回まで） | ピーク作業セット（再ビルド後まで） | 本文1件変更の再ビルド | タイトル1件変更の再ビルド | 負荷 (1/5/15分) |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
rows.ForEach(Console.WriteLine);
return failed ? 1 : 0;

// Prints one run and keeps only its figures, so the next run does not also hold this run's ten thousand pages.
static Figures Measure(string label, Func<BuildResult> build)
{
    var measurement = Measurement.Run(label, build);
    measurement.Print(Console.Out);
    return new Figures(measurement.Wall, measurement.Result.Pages.Count, measurement.PeakWorkingSet, measurement.Result.Succeeded);
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

internal sealed record Figures(TimeSpan Wall, int Pages, long PeakWorkingSet, bool Succeeded);
