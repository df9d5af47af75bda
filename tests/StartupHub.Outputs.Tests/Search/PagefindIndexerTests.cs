using System.Diagnostics;
using System.Text.Json;
using StartupHub.Outputs.Tests.Support;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Outputs.Search;

namespace StartupHub.Outputs.Tests.Search;

public sealed class PagefindIndexerTests
{
    private static string Page(string title, string body) =>
        $"<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>{title}</title></head>" +
        $"<body><nav>ナビゲーション 木更津以外</nav><main data-pagefind-body><h1>{title}</h1><p>{body}</p></main></body></html>";

    [Fact]
    public void Indexes_japanese_pages_that_a_search_then_finds()
    {
        using var site = new TempFolder();
        site.Write("events/kisarazu/index.html", Page("木更津で開くイベント", "木更津ワシントンホテルで開催します。"));
        site.Write("mentoring/index.html", Page("メンタリングのご案内", "経験豊富なメンターが伴走します。"));
        site.Write("events/networking/index.html", Page("交流会", "軽食付きの交流会で支援機関とつながりましょう。"));
        site.Write("about/index.html", Page("事業について", "千葉県のスタートアップ支援拠点です。"));

        var result = PagefindIndexer.Run(site.Path, RepoRoot.Find(), TimeSpan.FromMinutes(2));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics) + result.Output);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(4, result.PagesIndexed);
        Assert.True(result.Elapsed > TimeSpan.Zero);
        Assert.True(Directory.Exists(Path.Combine(site.Path, "pagefind")));

        var found = Search(site.Path, "木更津", "メンタリング", "交流会", "宇宙ロケット");

        Assert.Equal(["/events/kisarazu/"], found["木更津"]);
        Assert.Equal(["/mentoring/"], found["メンタリング"]);
        Assert.Equal(["/events/networking/"], found["交流会"]);
        Assert.Empty(found["宇宙ロケット"]);
    }

    [Fact]
    public void Missing_node_modules_is_a_japanese_error_that_says_npm_ci()
    {
        using var site = new TempFolder();
        using var emptyRepo = new TempFolder();
        site.Write("index.html", Page("ホーム", "本文"));

        var result = PagefindIndexer.Run(site.Path, emptyRepo.Path);

        Assert.False(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Contains("npm ci", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("Pagefind", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("package.json", diagnostic.Location.Path);
    }

    private static Dictionary<string, string[]> Search(string siteDir, params string[] queries)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Search", "pagefind-search.mjs");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(siteDir);
        start.ArgumentList.Add("ja");
        foreach (var query in queries)
        {
            start.ArgumentList.Add(query);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "node search timed out");
        Assert.True(process.ExitCode == 0, stderr.Result);
        return JsonSerializer.Deserialize<Dictionary<string, string[]>>(stdout.Result.Trim().Split('\n')[^1])!;
    }
}
