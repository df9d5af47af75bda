using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using StartupHub.Cli.Arguments;
using StartupHub.Forms.Applications;
using StartupHub.Forms.Audit;
using StartupHub.Forms.Registration.Journal;
using StartupHub.Forms.Retention;
using StartupHub.Forms.Storage;

namespace StartupHub.Cli.Commands;

/// <summary>
/// <c>startuphub forms export | purge | audit-verify</c>: the data-protection tasks at the end of the
/// contract (spec 4.3) and the audit log check, run by the operator against the same storage the Functions
/// app uses (docs/data-protection.md).
/// </summary>
public static class FormsCommand
{
    /// <param name="overrides">Configuration that wins over the environment (tests; the command line uses none).</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr,
        IReadOnlyDictionary<string, string?>? overrides = null, CancellationToken cancellationToken = default)
    {
        if (arguments.Count == 0)
        {
            throw new UsageException("forms の後に export、purge、audit-verify のどれかを指定してください。");
        }

        string sub = arguments[0];
        CommandLine line = sub switch
        {
            "export" => CommandLine.Parse("forms export", arguments.Skip(1).ToList(), new HashSet<string> { "root", "out" }, new HashSet<string>()),
            "purge" => CommandLine.Parse("forms purge", arguments.Skip(1).ToList(), new HashSet<string> { "root", "report" }, new HashSet<string> { "confirm" }),
            "audit-verify" => CommandLine.Parse("forms audit-verify", arguments.Skip(1).ToList(), new HashSet<string> { "root" }, new HashSet<string>()),
            _ => throw new UsageException($"forms に「{sub}」というコマンドはありません（export、purge、audit-verify）。"),
        };
        string root = OptionValues.Directory(line, "root", ".");
        using FormsCliContext context = FormsCliContext.Create(root, overrides);
        try
        {
            return sub switch
            {
                "export" => await ExportAsync(context, line, stdout, cancellationToken),
                "purge" => await PurgeAsync(context, line, stdout, stderr, cancellationToken),
                _ => await VerifyAsync(context, stdout, cancellationToken),
            };
        }
        catch (Exception ex) when (ex is StorageUnavailableException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"エラー: {ex.Message}");
            return ExitCodes.ContentErrors;
        }
    }

    private static async Task<int> ExportAsync(FormsCliContext context, CommandLine line, TextWriter stdout, CancellationToken cancellationToken)
    {
        string folder = Path.GetFullPath(line.Value("out") ?? throw new UsageException("forms export には --out（書き出し先フォルダー）が必要です。"));
        FormsDataExporter exporter = new(context.Get<IFormStore>(), context.RequireSealer(), context.Get<SubmissionStore>(), context.Get<IAuditLog>(), context.Get<TimeProvider>());
        ExportManifest manifest = await exporter.ExportAsync(folder, context.Location, cancellationToken);
        stdout.WriteLine($"{context.Location} の個人情報を {folder} に書き出しました。");
        foreach ((string eventId, int count) in manifest.Registrations)
        {
            stdout.WriteLine($"  イベント参加申込 {eventId}: {count} 件");
        }

        foreach ((string formId, int count) in manifest.Applications)
        {
            stdout.WriteLine($"  {formId}: {count} 件");
        }

        stdout.WriteLine($"  添付ファイル: {manifest.Attachments} 件、ファイル計 {manifest.Files.Count} 個（各 SHA-256 は manifest.json）");
        stdout.WriteLine("注意: このフォルダーは暗号化されていない個人情報です。引き渡しが済んだら確実に削除してください。");
        return ExitCodes.Ok;
    }

    private static async Task<int> PurgeAsync(FormsCliContext context, CommandLine line, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        string reportPath = Path.GetFullPath(line.Value("report") ?? throw new UsageException("forms purge には --report（削除報告書の出力先）が必要です。"));
        if (!line.Flag("confirm"))
        {
            stderr.WriteLine($"{context.Location} の個人情報（応募・申込・添付・台帳・送信待ちメール）と暗号鍵を削除します。元に戻せません。");
            stderr.WriteLine("先に forms export で引き渡し用に書き出し、受付を終了（content/site.yml の forms: closed）してから、--confirm を付けて実行してください。");
            return ExitCodes.Usage;
        }

        List<string> keyFiles = context.IsLocal ? [context.LocalKeyFile, context.LocalSecretFile] : [];
        PurgeRequest request = new(
            context.Location,
            context.IsLocal ? context.LocalRoot : null,
            keyFiles,
            [.. context.Options.Encryption.Keys.Keys.Order(StringComparer.Ordinal)],
            !string.IsNullOrEmpty(context.Options.HmacSecret));
        FormsDataPurger purger = new(context.Get<IFormStore>(), context.Get<IAuditLog>(), context.Get<TimeProvider>());
        DeletionReport report = await purger.PurgeAsync(request, cancellationToken);

        Directory.CreateDirectory(Path.GetDirectoryName(reportPath)!);
        await File.WriteAllBytesAsync(reportPath, report.ToJson(), cancellationToken);
        string markdownPath = Path.ChangeExtension(reportPath, ".md");
        await File.WriteAllTextAsync(markdownPath, report.ToJapaneseMarkdown(), new UTF8Encoding(false), cancellationToken);
        stdout.WriteLine($"{report.DeletedObjects} 個のオブジェクトを削除しました（残り {report.RemainingObjects.Count} 個、監査ログを除く）。");
        stdout.WriteLine($"削除報告書: {reportPath} と {markdownPath}");
        if (report.KeyVaultKeyIds.Count > 0 || report.HmacSecretInConfiguration)
        {
            stdout.WriteLine($"Key Vault の鍵（{string.Join("、", report.KeyVaultKeyIds)}{(report.HmacSecretInConfiguration ? "、HMAC 秘密値" : "")}）は運用担当者が削除してください。");
        }

        return report.Complete ? ExitCodes.Ok : ExitCodes.ContentErrors;
    }

    private static async Task<int> VerifyAsync(FormsCliContext context, TextWriter stdout, CancellationToken cancellationToken)
    {
        AuditSigner? signer = context.SignerIfAvailable();
        if (signer is not null)
        {
            // Registrations carry their audit events in the ledger journal and a background pump appends them to the
            // chain after the answer; a process that stopped first leaves some only in the journal. They are facts
            // already (durable before the registrant was answered), so they join the chain before it is checked.
            await new LedgerAuditPump(context.Get<IFormStore>(), context.Get<IAuditLog>(), context.Get<TimeProvider>(), NullLogger<LedgerAuditPump>.Instance)
                .CatchUpAllAsync(cancellationToken);
            stdout.WriteLine("台帳ジャーナルの申込・取消・繰り上げの記録のうち、監査ログに未反映のものを反映してから確認しました。");
        }

        AuditVerification result = await new AuditLogVerifier(context.Get<IFormStore>(), signer).VerifyAsync(cancellationToken);
        stdout.WriteLine($"監査ログ（{context.Location}）: {result.Entries} 件、セグメント {result.Segments} 個、チェックポイント {result.Checkpoints} 個");
        if (signer is null)
        {
            stdout.WriteLine("HMAC 秘密値がないため、チェックポイントと先頭ポインターの署名は確認していません（ハッシュの連鎖は確認済み）。");
        }

        if (result.Head is { } head)
        {
            stdout.WriteLine($"先頭: {head.Sequence} 番 {head.Hash}");
        }

        if (result.FirstProblem is { } problem)
        {
            stdout.WriteLine($"改ざんまたは欠落を検出しました: {problem.Sequence} 番 {problem.Reason} — {problem.Detail}");
            return ExitCodes.ContentErrors;
        }

        stdout.WriteLine("問題は見つかりませんでした。");
        return ExitCodes.Ok;
    }
}
