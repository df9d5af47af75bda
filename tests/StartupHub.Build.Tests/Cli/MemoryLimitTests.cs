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
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Recognises_out_of_memory_however_deeply_a_parallel_loop_wrapped_it(Exception error, bool expected) =>
        Assert.Equal(expected, MemoryLimit.IsOutOfMemory(error));

    [Fact]
    public void The_message_names_the_limit_and_how_to_raise_it()
    {
        var message = MemoryLimit.Message(512L * 1024 * 1024);
        Assert.StartsWith("エラー: メモリーが足りずに処理を中断しました（このコマンドが使えるメモリーの上限は 512 MiB です）。出力先は変更していません。", message, StringComparison.Ordinal);
        Assert.Contains("DOTNET_GCHeapHardLimit=0x40000000 で 1024 MiB", message, StringComparison.Ordinal);
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
        Assert.Equal(0, properties.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
        Assert.False(properties.GetProperty("System.Runtime.TieredCompilation").GetBoolean());
    }
}
