using System.Globalization;
using StartupHub.Cli.Arguments;
using StartupHub.Cli.Reporting;
using StartupHub.Site.Build;

namespace StartupHub.Cli.Commands;

/// <summary><c>startuphub build</c>: generate the site; any error leaves the previous output as it was.</summary>
internal static class BuildCommand
{
    public static int Run(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse("build", arguments,
            SiteOptions.Set(SiteOptions.Valued, ["out"]), SiteOptions.Set(SiteOptions.Flags, ["preview", "no-search"]));
        var options = SiteOptions.From(line, "_site");

        stdout.WriteLine($"ビルドを開始します: {options.RootDirectory} → {options.OutputDirectory}");
        var result = new SiteBuilder { KeepsStateForRebuilds = false }.Build(options, new Progress(stdout));
        foreach (var diagnostic in result.Diagnostics)
        {
            (diagnostic.Severity == Site.Diagnostics.Severity.Error ? stderr : stdout).WriteLine(DiagnosticFormat.Line(diagnostic, OutputFormat.Plain));
        }

        if (!result.Succeeded)
        {
            stderr.WriteLine(DiagnosticFormat.Summary(result.Diagnostics, "ビルド失敗") + " 出力フォルダは変更していません。");
            return ExitCodes.ContentErrors;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ビルド完了: {result.Pages.Count} ページ、{result.FilesWritten.Count} ファイルを書き出しました（{result.Total.TotalSeconds:0.00} 秒、警告 {result.WarningCount} 件）。"));
        return ExitCodes.Ok;
    }

    /// <summary>Prints each phase as it ends, so a long build shows where the time goes.</summary>
    internal sealed class Progress(TextWriter output) : IProgress<PhaseTiming>
    {
        public void Report(PhaseTiming value) =>
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {value.Phase,-8} {value.Elapsed.TotalMilliseconds,8:0} ms"));
    }
}
