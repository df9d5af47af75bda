namespace StartupHub.Cli;

/// <summary>
/// The process runs under a GC heap limit (CliRuntime.props: the server GC sizes its budgets from it, which keeps a
/// build's peak low). A site too large for it fails with an out-of-memory error; this turns that into a message
/// that says what happened, what it left behind and how to raise the limit, instead of a stack trace.
/// </summary>
public static class MemoryLimit
{
    /// <summary>
    /// True when <paramref name="error"/> is, or wraps (parallel loops and tasks wrap it), an out-of-memory error.
    /// Walks the tree without allocating: it runs right after the heap ran out.
    /// </summary>
    public static bool IsOutOfMemory(Exception? error)
    {
        switch (error)
        {
            case null:
                return false;
            case OutOfMemoryException:
                return true;
            case AggregateException aggregate:
                for (var i = 0; i < aggregate.InnerExceptions.Count; i++)
                {
                    if (IsOutOfMemory(aggregate.InnerExceptions[i]))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return IsOutOfMemory(error.InnerException);
        }
    }

    /// <summary>The message for <paramref name="command"/> (build, check, serve, serve-rebuild for a rebuild of the running dev server, forms), naming the limit and how to raise it.</summary>
    public static string Message(string command, long limitBytes)
    {
        var mebibytes = limitBytes / (1024 * 1024);
        var consequence = command switch
        {
            "build" => "出力フォルダは変更していません。",
            "check" => "検査は最後まで終わっていません。",
            "serve" => "確認用サーバーを終了しました。",
            "serve-rebuild" => "一部のページが古いままの可能性があります。次に保存したときに全体を生成し直します。",
            _ => "書き出しや削除が途中で止まった可能性があります。書き出し先と監査ログ（startuphub forms audit-verify）を確認してください。",
        };
        // Hexadecimal digits without "0x": the JIT runtime takes either form, but Native AOT (startuphub-native) reads
        // "0x..." as a parse error and silently keeps the built-in limit (checked with GC.GetConfigurationVariables).
        return $"エラー: GC ヒープの上限（{mebibytes} MiB）に達したため、処理を中断しました。{consequence}" + Environment.NewLine
            + $"サイトが大きい場合は、環境変数 DOTNET_GCHeapHardLimit に上限を 16 進数のバイト数（0x は付けない）で指定して再実行してください（例: DOTNET_GCHeapHardLimit={limitBytes * 2:X} とすると {mebibytes * 2} MiB）。";
    }

    /// <summary>The limit this process runs under (the configured one, or what the GC derived without one).</summary>
    public static long CurrentLimit => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
}
