using System.Text.RegularExpressions;
using StartupHub.Build.Tests.Support;
using StartupHub.Cli;

namespace StartupHub.Build.Tests.Native;

/// <summary>
/// The ahead-of-time compiled CLI against the JIT one on the same input: the same files byte for byte, the same
/// diagnostics and exit codes. Native AOT reaches Fluid's member access, Ical.Net and YamlDotNet through reflection
/// (Fluid's own fallback without dynamic code, the rooted assemblies in StartupHub.Cli.Native.csproj); these tests
/// are what holds that path. They build with --no-search: Pagefind is the same npm tool called the same way by both.
/// </summary>
[Collection(NativeCollection.Name)]
public sealed class NativeCliTests(NativeCli native)
{
    private const string Now = "2025-10-01T10:00+09:00";

    private static Task<(int Exit, string Out, string Err)> RunJit(params string[] args) => InProcessCli.Run(args);

    [Fact]
    public async Task The_sample_site_is_the_jit_build_byte_for_byte()
    {
        using var site = RepoSite.Create();
        var nativeOut = Path.Combine(site.Root, "native");
        var jitOut = Path.Combine(site.Root, "jit");
        string[] common = ["--root", site.Root, "--now", Now, "--no-search", "--base-url", "https://preview.example.jp/"];

        var built = await native.Run(["build", .. common, "--out", nativeOut]);
        var jit = await RunJit(["build", .. common, "--out", jitOut]);

        Assert.True(built.Exit == 0, built.Out + built.Err);
        Assert.True(jit.Exit == 0, jit.Out + jit.Err);
        var nativeFiles = Files(nativeOut);
        var jitFiles = Files(jitOut);
        Assert.Equal(jitFiles.Keys.Order(StringComparer.Ordinal), nativeFiles.Keys.Order(StringComparer.Ordinal));
        // Every kind of output the native build reaches through reflection is in the comparison.
        Assert.Contains("events/2025-10-chiba/index.html", jitFiles.Keys);
        Assert.Contains("events/calendar.ics", jitFiles.Keys);
        Assert.Contains("events/2025-10-chiba/event.ics", jitFiles.Keys);
        Assert.Contains("admin/config.yml", jitFiles.Keys);
        Assert.Contains("forms-manifest.json", jitFiles.Keys);
        Assert.True(jitFiles.Count > 90, $"{jitFiles.Count} files");
        var different = jitFiles.Keys.Where(path => !jitFiles[path].AsSpan().SequenceEqual(nativeFiles[path])).ToList();
        Assert.True(different.Count == 0, "native と JIT で内容が違うファイル: " + string.Join(", ", different));
        // Warnings and the summary go to stdout; only the timings may differ.
        Assert.Equal(WithoutTimings(jit.Out.Replace(jitOut, "OUT", StringComparison.Ordinal)), WithoutTimings(built.Out.Replace(nativeOut, "OUT", StringComparison.Ordinal)));
        Assert.Equal(jit.Err, built.Err);
    }

    [Fact]
    public async Task Warnings_are_printed_as_by_the_jit_build()
    {
        using var site = TempSite.Create();
        // A video that exists but is not published yet: embedding it is a warning (the build still succeeds).
        site.Write("content/videos/2025-12-later.yml",
            "title: 後日公開の講演\nplatform: youtube\nvideo_id: dQw4w9WgXcQ\nevent: 2025-10-chiba\nsession: talk\nspeakers: [sato-hanako]\ndate: 2025-10-15\ndraft: true\n");
        site.Write("content/news/2025-09-30-later.md", "---\ntitle: 動画の予告\ndate: 2025-09-30\n---\n{{< video 2025-12-later >}}\n");

        var built = await native.Run("build", "--root", site.Root, "--no-search", "--now", Now);
        var jit = await RunJit("build", "--root", site.Root, "--no-search", "--now", Now);

        Assert.Equal(ExitCodes.Ok, built.Exit);
        Assert.Equal(jit.Exit, built.Exit);
        Assert.Contains("content/news/2025-09-30-later.md:5:1: warning ", built.Out, StringComparison.Ordinal);
        Assert.Contains("警告 1 件", built.Out, StringComparison.Ordinal);
        Assert.Equal(WithoutTimings(jit.Out), WithoutTimings(built.Out));
        Assert.Equal(jit.Err, built.Err);
    }

    [Fact]
    public async Task Usage_lists_only_build_and_check()
    {
        var (exit, _, stderr) = await native.Run();

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith("使い方: startuphub-native <コマンド>", stderr, StringComparison.Ordinal);
        Assert.Contains("build のオプション:", stderr, StringComparison.Ordinal);
        Assert.Contains("check のオプション:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("serve のオプション", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("forms export", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("themes/default/layouts/event.liquid", "{% layout '_base' %}\n{{ page.item.titel }}", "themes/default/layouts/event.liquid:2:14: error SH1102: ")]
    [InlineData("content/events/2025-11-broken.md", "---\ntitle: 壊れたイベント\ncity: 千葉市\nvenue: nowhere\n---\n本文\n", "content/events/2025-11-broken.md:")]
    public async Task Content_and_template_errors_are_reported_as_by_the_jit_build(string path, string text, string expected)
    {
        using var site = TempSite.Create();
        site.Write(path, text);

        var built = await native.Run("build", "--root", site.Root, "--no-search", "--now", Now);
        var jit = await RunJit("build", "--root", site.Root, "--no-search", "--now", Now);

        Assert.Equal(ExitCodes.ContentErrors, built.Exit);
        Assert.Equal(jit.Exit, built.Exit);
        Assert.Contains(expected, built.Err, StringComparison.Ordinal);
        Assert.Equal(jit.Err, built.Err);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task Check_prints_what_the_jit_check_prints()
    {
        using var site = RepoSite.Create();
        site.Write("content/news/2025-09-30-broken-link.md", "---\ntitle: リンク切れ\ndate: 2025-09-01\n---\n[どこにもない](/nowhere/)\n");

        var checkedNative = await native.Run("check", "--root", site.Root, "--now", Now, "--format", "github");
        var jit = await RunJit("check", "--root", site.Root, "--now", Now, "--format", "github");

        Assert.Equal(ExitCodes.ContentErrors, checkedNative.Exit);
        Assert.Equal(jit.Exit, checkedNative.Exit);
        Assert.Contains("::error file=content/news/2025-09-30-broken-link.md", checkedNative.Out, StringComparison.Ordinal);
        Assert.Equal(jit.Out, checkedNative.Out);
    }

    [Theory]
    [InlineData("serve", "serve は .NET 版（./run.sh）で実行してください。")]
    [InlineData("forms", "forms は .NET 版（dotnet run --project site/StartupHub.Cli -c Release -- forms …）で実行してください。")]
    public async Task Serve_and_forms_are_left_to_the_dotnet_cli_with_exit_code_2(string command, string advice)
    {
        var (exit, _, stderr) = await native.Run(command);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith($"エラー: ネイティブ版（startuphub-native）で使えるのは build と check だけです。{advice}", stderr, StringComparison.Ordinal);
    }

    /// <summary>Build output without the per-phase timings and the seconds of the summary line.</summary>
    private static string WithoutTimings(string output) =>
        Regex.Replace(Regex.Replace(output, @"^  \S+ +\d+ ms\r?\n", "", RegexOptions.Multiline), @"（[0-9.]+ 秒、", "（N 秒、");

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
}
