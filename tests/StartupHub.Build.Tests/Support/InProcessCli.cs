using StartupHub.Cli;

namespace StartupHub.Build.Tests.Support;

/// <summary>The command line's entry run in-process with its own writers: exit code, stdout and stderr.</summary>
internal static class InProcessCli
{
    public static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
