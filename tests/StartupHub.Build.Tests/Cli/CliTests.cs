using StartupHub.Build.Tests.Support;
using StartupHub.Cli;

namespace StartupHub.Build.Tests.Cli;

/// <summary>Runs the command line's entry in-process and checks exit codes and what it prints.</summary>
public sealed class CliTests
{
    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => InProcessCli.Run(args);

    [Fact]
    public async Task Build_writes_the_site_prints_phase_timings_and_exits_0()
    {
        using var site = TempSite.Create();
        var output = Path.Combine(site.Root, "out");
        var (exit, stdout, stderr) = await Run("build", "--root", site.Root, "--out", output, "--no-search", "--now", "2025-10-01T10:00+09:00", "--base-url", "https://preview.example.jp/pr-1/");

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("描画", stdout, StringComparison.Ordinal);
        Assert.Matches(@"ビルド完了: \d+ ページ", stdout);
        var page = File.ReadAllText(Path.Combine(output, "events", "2025-10-chiba", "index.html"));
        Assert.Contains("href=\"https://preview.example.jp/pr-1/events/2025-10-chiba/\"", page, StringComparison.Ordinal);
        Assert.Contains("受付中", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Now_option_changes_event_states()
    {
        using var site = TempSite.Create();
        var (exit, _, _) = await Run("build", "--root", site.Root, "--no-search", "--now", "2025-10-20T09:00");
        Assert.Equal(0, exit);
        Assert.Equal("終了", site.Html("events/2025-10-chiba/index.html").QuerySelector(".state")!.TextContent);
    }

    [Fact]
    public async Task Build_with_errors_exits_1_and_keeps_the_output()
    {
        using var site = TempSite.Create();
        site.BuildOk();
        site.Write("themes/default/layouts/event.liquid", "{% layout '_base' %}\n{{ page.item.titel }}");

        var (exit, _, stderr) = await Run("build", "--root", site.Root, "--no-search");
        Assert.Equal(1, exit);
        Assert.Contains("themes/default/layouts/event.liquid:2:14: error SH1102: ", stderr, StringComparison.Ordinal);
        Assert.Contains("出力フォルダは変更していません", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site.Output, "events", "2025-10-chiba", "index.html")));
    }

    [Fact]
    public async Task Check_prints_each_diagnostic_then_a_japanese_summary_and_exits_1()
    {
        using var site = TempSite.Create();
        site.Write("themes/default/layouts/person.liquid", "{% layout '_base' %}\n{% assing x = 1 %}");

        var (exit, stdout, _) = await Run("check", "--root", site.Root);
        var lines = stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

        Assert.Equal(1, exit);
        Assert.Equal("themes/default/layouts/person.liquid:2:10: error SH1101: テンプレートを解析できません: Unknown tag 'assing'", lines[0]);
        Assert.Equal("チェック（0 ページ）: エラー 1 件、警告 0 件があります。上の各行の場所を直してください。", lines[^1]);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task Check_of_a_good_site_exits_0()
    {
        using var site = TempSite.Create();
        var (exit, stdout, _) = await Run("check", "--root", site.Root);
        Assert.Equal(0, exit);
        Assert.Matches(@"^チェック（\d+ ページ）: エラーはありません（警告 0 件）。\s*$", stdout);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task Check_in_github_format_emits_annotations_and_a_job_summary()
    {
        using var site = TempSite.Create();
        site.Write("themes/default/layouts/person.liquid", "{% layout '_base' %}\n{% assing x = 1 %}");
        var summary = Path.Combine(site.Root, "summary.md");

        var (exit, stdout, _) = await Run("check", "--root", site.Root, "--format", "github", "--summary", summary);

        Assert.Equal(1, exit);
        Assert.StartsWith("::error file=themes/default/layouts/person.liquid,line=2,col=10,title=SH1101::テンプレートを解析できません: Unknown tag 'assing'", stdout, StringComparison.Ordinal);
        var markdown = File.ReadAllText(summary);
        Assert.Contains("## サイトのチェック結果", markdown, StringComparison.Ordinal);
        Assert.Contains("❌ エラー 1 件", markdown, StringComparison.Ordinal);
        Assert.Contains("| エラー | `themes/default/layouts/person.liquid:2:10` | SH1101 |", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("build", "--colour")]
    [InlineData("build", "--out")]
    [InlineData("build", "--now", "yesterday")]
    [InlineData("build", "--base-url", "example.jp")]
    [InlineData("build", "extra")]
    [InlineData("check", "--format", "xml")]
    [InlineData("serve", "--port", "http")]
    [InlineData("deploy")]
    public async Task Usage_errors_exit_2_with_the_japanese_usage(params string[] args)
    {
        using var site = TempSite.Create(minimal: true);
        var (exit, _, stderr) = await Run([.. args, "--root", site.Root]);
        Assert.Equal(2, exit);
        Assert.StartsWith("エラー: ", stderr, StringComparison.Ordinal);
        Assert.Contains("使い方: startuphub <コマンド> [オプション]", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_without_content_is_a_usage_error()
    {
        var (exit, _, stderr) = await Run("check", "--root", Path.GetTempPath());
        Assert.Equal(2, exit);
        Assert.Contains("content/ がありません", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_prints_usage_and_exits_0()
    {
        var (exit, stdout, _) = await Run("help");
        Assert.Equal(0, exit);
        Assert.Contains("serve", stdout, StringComparison.Ordinal);
        Assert.Equal(2, (await Run()).Exit);
    }
}
