// Build benchmark: N synthetic Japanese news items on top of the sample site and the default theme;
// a cold build, then one edited file rebuilt with the same SiteBuilder (as the dev server does).
// dotnet run -c Release --project bench/StartupHub.Bench -- --pages 10000
using System.Runtime;
using StartupHub.Bench;
using StartupHub.Site.Build;

var options = BenchOptions.Parse(args);
Console.WriteLine($"StartupHub ビルドベンチマーク（.NET {Environment.Version}, {Environment.ProcessorCount} コア, Server GC={GCSettings.IsServerGC}, 検索インデックス={(options.SearchIndex ? "あり" : "なし")}）");

var failed = false;
foreach (var count in options.PageCounts)
{
    var site = SyntheticSite.Create(options.RepoRoot, count);
    var buildOptions = new BuildOptions { RootDirectory = site.Root, OutputDirectory = site.Output, SearchIndex = options.SearchIndex };
    var builder = new SiteBuilder();
    Console.WriteLine($"\nお知らせ {count} 件 + サンプルコンテンツ（{site.Root}）");

    var cold = Measurement.Run("初回ビルド", () => builder.Build(buildOptions));
    cold.Print(Console.Out);
    site.TouchOne(count / 2);
    var warm = Measurement.Run("1ファイル変更後の再ビルド", () => builder.Build(buildOptions));
    warm.Print(Console.Out);
    failed |= !cold.Result.Succeeded || !warm.Result.Succeeded;

    if (options.Keep)
    {
        Console.WriteLine($"  出力を残しました: {site.Output}");
    }
    else
    {
        site.Dispose();
    }
}

return failed ? 1 : 0;
