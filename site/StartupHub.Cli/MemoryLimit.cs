namespace StartupHub.Cli;

/// <summary>
/// The process runs under a heap limit (CliRuntime.props: the server GC sizes its budgets from it, which keeps a
/// build's peak low). A site too large for it fails with an out-of-memory error; this turns that into a message
/// that says what happened and how to raise the limit, instead of a stack trace.
/// </summary>
public static class MemoryLimit
{
    /// <summary>True when <paramref name="error"/> is, or wraps (parallel loops and tasks wrap it), an out-of-memory error.</summary>
    public static bool IsOutOfMemory(Exception error) => error switch
    {
        OutOfMemoryException => true,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.Any(IsOutOfMemory),
        { InnerException: { } inner } => IsOutOfMemory(inner),
        _ => false,
    };

    public static string Message(long limitBytes)
    {
        var mebibytes = limitBytes / (1024 * 1024);
        var doubled = $"0x{limitBytes * 2:X}";
        return $"エラー: メモリーが足りずに処理を中断しました（このコマンドが使えるメモリーの上限は {mebibytes} MiB です）。出力先は変更していません。" + Environment.NewLine
            + $"サイトが大きい場合は、環境変数 DOTNET_GCHeapHardLimit に上限を 16 進数のバイト数で指定して再実行してください（例: DOTNET_GCHeapHardLimit={doubled} で {mebibytes * 2} MiB）。";
    }
}
