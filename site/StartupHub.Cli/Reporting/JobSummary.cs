using System.Text;
using StartupHub.Site.Diagnostics;

namespace StartupHub.Cli.Reporting;

/// <summary>The Markdown shown on a GitHub Actions run page (<c>--summary "$GITHUB_STEP_SUMMARY"</c>), in Japanese.</summary>
public static class JobSummary
{
    public static string Markdown(IReadOnlyList<Diagnostic> diagnostics, int pages)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count - errors;
        var text = new StringBuilder();
        text.AppendLine("## サイトのチェック結果").AppendLine();
        text.AppendLine(errors == 0
            ? $"✅ エラーはありません（{pages} ページを確認、警告 {warnings} 件）。"
            : $"❌ エラー {errors} 件、警告 {warnings} 件があります。下の場所を直してから、もう一度プッシュしてください。");
        if (diagnostics.Count > 0)
        {
            text.AppendLine().AppendLine("| 種類 | 場所 | コード | 内容 |").AppendLine("|---|---|---|---|");
            foreach (var d in diagnostics)
            {
                text.AppendLine($"| {(d.Severity == Severity.Error ? "エラー" : "警告")} | `{d.Location}` | {d.Code} | {Cell(d.Message)} |");
            }
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
