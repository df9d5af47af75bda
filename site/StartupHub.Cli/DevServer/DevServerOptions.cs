using StartupHub.Site.Build;

namespace StartupHub.Cli.DevServer;

/// <param name="Build">What to build; its base URL is replaced by the server's own address.</param>
/// <param name="Port">0 picks a free port (tests).</param>
/// <param name="Debounce">Quiet time after the last file change before rebuilding.</param>
public sealed record DevServerOptions(BuildOptions Build, int Port = 8080, TimeSpan? Debounce = null)
{
    public TimeSpan Quiet => Debounce ?? TimeSpan.FromMilliseconds(200);
}
