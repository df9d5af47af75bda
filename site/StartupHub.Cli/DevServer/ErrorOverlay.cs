using System.Net;
using System.Text;
using StartupHub.Site.Diagnostics;

namespace StartupHub.Cli.DevServer;

/// <summary>The page served instead of the site while the last build failed: every fault, where it is, in Japanese.</summary>
public static class ErrorOverlay
{
    public static string Html(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>ビルドエラー</title>");
        html.Append("<meta name=\"robots\" content=\"noindex\"><style>body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.6;background:#fff8f8;color:#222}");
        html.Append("h1{color:#b00020;font-size:1.5rem}ol{padding-left:1.5rem}li{margin:.75rem 0}code{display:block;font-weight:bold;word-break:break-all}</style></head><body>");
        html.Append("<main class=\"build-error-overlay\"><h1>サイトを生成できませんでした</h1>");
        html.Append($"<p>エラーが {errors.Count} 件あります。ファイルを直して保存すると、自動で再生成してこのページを再読み込みします。</p><ol>");
        foreach (var d in errors)
        {
            html.Append($"<li><code>{WebUtility.HtmlEncode(d.Location.ToString())}</code> <span class=\"code\">{WebUtility.HtmlEncode(d.Code)}</span> {WebUtility.HtmlEncode(d.Message)}</li>");
        }

        html.Append("</ol></main></body></html>");
        return html.ToString();
    }

    public const string Building =
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>生成中</title></head><body><p>サイトを生成しています。完了すると自動で表示します。</p></body></html>";
}
