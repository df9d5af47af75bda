using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StartupHub.Forms.Retention;

/// <summary>The record of a purge, written as JSON and as a Japanese Markdown text for the client (spec 4.3:
/// the contractor reports the deletion in writing). Times are UTC here and JST in the Japanese text.</summary>
public sealed record DeletionReport(
    string Location,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyDictionary<string, int> DeletedByPrefix,
    int DeletedObjects,
    int DeletedStrayFiles,
    IReadOnlyList<string> RemainingObjects,
    IReadOnlyList<string> DeletedLocalKeyFiles,
    IReadOnlyList<string> KeyVaultKeyIds,
    bool HmacSecretInConfiguration,
    long? AuditHeadSequence,
    string? AuditHeadHash)
{
    public bool Complete => RemainingObjects.Count == 0;

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, new JsonSerializerOptions(FormsJson.Options) { WriteIndented = true });

    public string ToJapaneseMarkdown()
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        StringBuilder text = new();
        text.AppendLine("# 個人情報等の削除報告書");
        text.AppendLine();
        text.AppendLine("ちば スタートアップ総合支援拠点 公式サイトのフォームで受け付けた個人情報等を、次のとおり削除しました。");
        text.AppendLine();
        text.AppendLine("| 項目 | 内容 |");
        text.AppendLine("|---|---|");
        text.AppendLine(inv, $"| 削除対象の保存先 | `{Location}` |");
        text.AppendLine(inv, $"| 開始日時 | {Jst.Display(StartedAt)}（UTC {StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}） |");
        text.AppendLine(inv, $"| 終了日時 | {Jst.Display(FinishedAt)}（UTC {FinishedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}） |");
        text.AppendLine(inv, $"| 削除したオブジェクト数 | {DeletedObjects} 件 |");
        text.AppendLine(inv, $"| 削除後に残っているオブジェクト（監査ログを除く） | {RemainingObjects.Count} 件 |");
        text.AppendLine(inv, $"| 監査ログの最終エントリ | {(AuditHeadSequence is null ? "（なし）" : $"{AuditHeadSequence} 番、ハッシュ `{AuditHeadHash}`")} |");
        text.AppendLine();
        text.AppendLine("## 種類ごとの削除件数");
        text.AppendLine();
        text.AppendLine("| 保存先の区分 | 件数 |");
        text.AppendLine("|---|---|");
        foreach ((string prefix, int count) in DeletedByPrefix)
        {
            text.AppendLine(inv, $"| `{prefix}`（{Describe(prefix)}） | {count} |");
        }

        if (DeletedStrayFiles > 0)
        {
            text.AppendLine(inv, $"| 一時ファイル等 | {DeletedStrayFiles} |");
        }

        text.AppendLine();
        text.AppendLine("## 暗号鍵");
        text.AppendLine();
        if (DeletedLocalKeyFiles.Count > 0)
        {
            text.AppendLine(inv, $"- 保存先フォルダーの鍵ファイルを削除しました: {string.Join("、", DeletedLocalKeyFiles.Select(f => $"`{f}`"))}");
        }

        if (KeyVaultKeyIds.Count > 0)
        {
            text.AppendLine(inv, $"- 設定で与えられた暗号鍵（鍵 ID: {string.Join("、", KeyVaultKeyIds.Select(k => $"`{k}`"))}）は、この処理では削除できません。**運用担当者が Azure Key Vault から削除（完全消去）してください。**");
        }

        if (HmacSecretInConfiguration)
        {
            text.AppendLine("- 設定で与えられた HMAC 秘密値（Forms:HmacSecret）も、運用担当者が Key Vault とアプリ設定から削除してください。");
        }

        if (DeletedLocalKeyFiles.Count == 0 && KeyVaultKeyIds.Count == 0 && !HmacSecretInConfiguration)
        {
            text.AppendLine("- 削除対象の鍵はありませんでした。");
        }

        text.AppendLine();
        text.AppendLine("## 残したもの");
        text.AppendLine();
        text.AppendLine("- 監査ログ（`audit/`）: 操作の種類・ID・件数だけを記録し、個人情報を含まないため保存しています。");
        text.AppendLine("  この削除も `purge` として記録しました。上記のハッシュで改ざんがないことを確認できます（`startuphub forms audit-verify`）。");
        if (!Complete)
        {
            text.AppendLine();
            text.AppendLine("## 注意: 削除できなかったオブジェクト");
            text.AppendLine();
            foreach (string key in RemainingObjects)
            {
                text.AppendLine(inv, $"- `{key}`");
            }
        }

        return text.ToString();
    }

    private static string Describe(string prefix) => prefix switch
    {
        _ when prefix.StartsWith("submissions/event-registration", StringComparison.Ordinal) => "イベント参加申込の個人情報",
        _ when prefix.StartsWith("submissions/", StringComparison.Ordinal) => "応募・問い合わせの内容",
        _ when prefix.StartsWith("attachments/", StringComparison.Ordinal) => "添付ファイル",
        _ when prefix.StartsWith("ledgers/", StringComparison.Ordinal) => "定員台帳",
        _ when prefix.StartsWith("outbox/", StringComparison.Ordinal) => "送信待ち・送信済みメール",
        _ when prefix.StartsWith("counters/", StringComparison.Ordinal) => "受付番号の採番",
        _ => "その他",
    };
}
