using StartupHub.Cli.Arguments;
using StartupHub.Cli.DevServer;
using StartupHub.Cli.Forms;

namespace StartupHub.Cli.Commands;

/// <summary><c>startuphub serve</c>: build, serve on 127.0.0.1, rebuild and live-reload on every change.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse("serve", arguments, SiteOptions.Set(SiteOptions.Valued, ["port", "out"]), SiteOptions.Set(SiteOptions.Flags, ["search"]));
        var port = OptionValues.Port(line, "port", 8080);
        var now = OptionValues.Time(line, "now");
        // Pagefind adds seconds to every rebuild, so serve indexes only when asked (--search).
        var build = SiteOptions.From(line, Path.Combine(".data", "serve-site")) with
        {
            SearchIndex = line.Flag("search"),
            Clock = now is { } start ? new ShiftedClock(start, TimeProvider.System) : TimeProvider.System,
        };

        await using var server = DevServerApp.Create(
            new DevServerOptions(build, port),
            stdout,
            configure: LocalFormsApi.Map,
            configureBuilder: builder => LocalFormsApi.AddServices(builder, build));
        try
        {
            await server.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            stderr.WriteLine($"エラー: ポート {port} で待ち受けできません（{e.Message}）。--port で別の番号を指定してください。");
            return ExitCodes.Usage;
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            stdout.WriteLine("終了します。");
        }

        return ExitCodes.Ok;
    }
}
