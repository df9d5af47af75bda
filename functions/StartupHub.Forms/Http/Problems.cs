using System.Globalization;

namespace StartupHub.Forms.Http;

/// <summary>
/// RFC 9457 problem details. "type" is a URN naming the problem (nothing to dereference yet), "code" repeats
/// its last part for the page script to switch on, "title"/"detail" are for people, in Japanese.
/// </summary>
public static class Problems
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    public static JsonBodyResult Create(int status, string code, string title, string? detail = null,
        IReadOnlyDictionary<string, string[]>? errors = null, TimeSpan? retryAfter = null, string? instance = null)
    {
        ProblemBody body = new($"urn:startuphub:problem:{code}", title, status, detail, instance, code, errors);
        JsonBodyResult result = new(body, status, ContentType);
        if (retryAfter is { } wait)
        {
            result.WithHeader("Retry-After", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        }

        return result;
    }

    public static JsonBodyResult Validation(IReadOnlyDictionary<string, string[]> errors) =>
        Create(422, "validation", "入力内容に誤りがあります。", "各項目のメッセージをご確認ください。", errors);

    public static JsonBodyResult MalformedJson() =>
        Create(400, "malformed-json", "送信内容を読み取れませんでした。", "ページを再読み込みして、もう一度お試しください。");

    public static JsonBodyResult PayloadTooLarge(int maxBytes) =>
        Create(413, "payload-too-large", "送信内容が大きすぎます。", $"送信できる内容は{maxBytes / 1024}KBまでです。ご意見欄などを短くしてください。");

    public static JsonBodyResult UnsupportedMediaType() =>
        Create(415, "unsupported-media-type", "この形式の送信には対応していません。", "Content-Type: application/json（UTF-8）で送信してください。");

    public static JsonBodyResult RateLimited(TimeSpan retryAfter) =>
        Create(429, "rate-limited", "短時間に多くの送信がありました。", "しばらく待ってから、もう一度お試しください。", retryAfter: retryAfter);

    public static JsonBodyResult StorageUnavailable() =>
        Create(503, "storage-unavailable", "ただいま混み合っているか、一時的に受け付けできない状態です。",
            "送信内容は保存されていません。少し時間をおいて、もう一度送信してください。", retryAfter: TimeSpan.FromSeconds(5));

    public static JsonBodyResult FormsClosed() =>
        Create(403, "forms-closed", "現在、フォームの受付を停止しています。", "再開まで今しばらくお待ちください。");

    public static JsonBodyResult EventNotFound() =>
        Create(404, "event-not-found", "指定されたイベントは見つかりません。", "イベントページから改めてお申し込みください。");

    public sealed record ProblemBody(
        string Type,
        string Title,
        int Status,
        string? Detail,
        string? Instance,
        string Code,
        IReadOnlyDictionary<string, string[]>? Errors);
}
