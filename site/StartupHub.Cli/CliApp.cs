using StartupHub.Cli.Arguments;
using StartupHub.Cli.Commands;

namespace StartupHub.Cli;

/// <summary>The command line's entry, callable in-process (tests run it with their own writers).</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage.Text);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        var rest = args[1..];
        try
        {
            return args[0] switch
            {
                "build" => BuildCommand.Run(rest, stdout, stderr),
                "check" => CheckCommand.Run(rest, stdout, stderr),
#if BUILD_ONLY
                "serve" => throw new UsageException("ネイティブ版（startuphub-native）で使えるのは build と check だけです。serve は .NET 版（./run.sh）で実行してください。"),
                "forms" => throw new UsageException("ネイティブ版（startuphub-native）で使えるのは build と check だけです。forms は .NET 版（dotnet run --project site/StartupHub.Cli -c Release -- forms …）で実行してください。"),
#else
                "serve" => await ServeCommand.RunAsync(rest, stdout, stderr, cancellationToken),
                "forms" => await FormsCommand.RunAsync(rest, stdout, stderr, null, cancellationToken),
#endif
                var other => throw new UsageException($"「{other}」というコマンドはありません。"),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"エラー: {e.Message}");
            stderr.WriteLine();
            stderr.WriteLine(Usage.Text);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (MemoryLimit.IsOutOfMemory(e))
        {
            // The filter allocates nothing; the message is made once the failed work has unwound and can be collected.
            stderr.WriteLine(MemoryLimit.Message(args[0], MemoryLimit.CurrentLimit));
            return ExitCodes.OutOfMemory;
        }
    }
}
