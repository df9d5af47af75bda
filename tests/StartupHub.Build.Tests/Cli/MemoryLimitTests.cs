using System.Reflection;
using System.Text.Json;
using StartupHub.Cli;

namespace StartupHub.Build.Tests.Cli;

/// <summary>The `startuphub` process's runtime settings (CliRuntime.props) and what it says when a site outgrows its heap limit.</summary>
public sealed class MemoryLimitTests
{
    public static TheoryData<Exception, bool> Errors => new()
    {
        { new OutOfMemoryException(), true },
        { new AggregateException(new InvalidOperationException(), new AggregateException(new OutOfMemoryException())), true },
        { new TargetInvocationException(new OutOfMemoryException()), true },
        { new InvalidOperationException("wrapped", new OutOfMemoryException()), true },
        { new AggregateException(new InvalidOperationException(), new IOException()), false },
        { new InsufficientExecutionStackException(), false },
        { new IOException("disk full"), false },
        { new AggregateException(), false },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Recognises_out_of_memory_however_deeply_a_parallel_loop_wrapped_it(Exception error, bool expected) =>
        Assert.Equal(expected, MemoryLimit.IsOutOfMemory(error));

    [Theory]
    [InlineData("build", "出力フォルダは変更していません。")]
    [InlineData("check", "検査は最後まで終わっていません。")]
    [InlineData("serve", "確認用サーバーを終了しました。")]
    [InlineData("serve-rebuild", "一部のページが古いままの可能性があります。次に保存したときに全体を生成し直します。")]
    [InlineData("forms", "書き出しや削除が途中で止まった可能性があります。書き出し先と監査ログ（startuphub forms audit-verify）を確認してください。")]
    public void The_message_names_the_limit_what_the_command_left_behind_and_how_to_raise_the_limit(string command, string consequence)
    {
        var lines = MemoryLimit.Message(command, 512L * 1024 * 1024).Split(Environment.NewLine);
        Assert.Equal(2, lines.Length);
        Assert.Equal("エラー: GC ヒープの上限（512 MiB）に達したため、処理を中断しました。" + consequence, lines[0]);
        Assert.Equal("サイトが大きい場合は、環境変数 DOTNET_GCHeapHardLimit に上限を 16 進数のバイト数（0x は付けない）で指定して再実行してください（例: DOTNET_GCHeapHardLimit=40000000 とすると 1024 MiB）。", lines[1]);
    }

    [Fact]
    public void The_cli_runs_with_the_measured_runtime_settings()
    {
        // The benchmark imports the same props file; a setting changed by hand in one csproj would make its figures
        // stop being the CLI's, so the emitted runtime configuration is pinned here.
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "startuphub.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.Equal(536_870_912, properties.GetProperty("System.GC.HeapHardLimit").GetInt64());
        Assert.Equal(2, properties.GetProperty("System.GC.HeapCount").GetInt32());
        Assert.Equal(0, properties.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
        Assert.False(properties.GetProperty("System.Runtime.TieredCompilation").GetBoolean());
    }
}
