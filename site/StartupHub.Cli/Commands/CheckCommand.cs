using System.Text;
using StartupHub.Cli.Arguments;
using StartupHub.Cli.Reporting;
using StartupHub.Site.Build;

namespace StartupHub.Cli.Commands;

/// <summary><c>startuphub check</c>: everything a build checks, writing no site; for pull request CI.</summary>
internal static class CheckCommand
{
    public static int Run(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse("check", arguments, SiteOptions.Set(SiteOptions.Valued, ["format", "summary"]), SiteOptions.Set(SiteOptions.Flags));
        var format = line.Value("format") switch
        {
            null or "plain" => OutputFormat.Plain,
            "github" => OutputFormat.Github,
            var other => throw new UsageException($"--format には github か plain を指定してください（「{other}」）。"),
        };
        var options = SiteOptions.From(line, "_site") with { SearchIndex = false };

        var result = new SiteBuilder { KeepsStateForRebuilds = false }.Check(options);
        foreach (var diagnostic in result.Diagnostics)
        {
            stdout.WriteLine(DiagnosticFormat.Line(diagnostic, format));
        }

        stdout.WriteLine(DiagnosticFormat.Summary(result.Diagnostics, $"チェック（{result.Pages.Count} ページ）"));
        if (line.Value("summary") is { } summaryPath)
        {
            // Appended, as GitHub's step summary file collects the output of every step.
            File.AppendAllText(summaryPath, JobSummary.Markdown(result.Diagnostics, result.Pages.Count), new UTF8Encoding(false));
        }

        return result.Succeeded ? ExitCodes.Ok : ExitCodes.ContentErrors;
    }
}
