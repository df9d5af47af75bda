using System.Diagnostics;
using System.Runtime.InteropServices;
using StartupHub.Build.Tests.Support;

namespace StartupHub.Build.Tests.Native;

/// <summary>
/// <c>startuphub-native</c> published once for the tests that use it, from a copy of the sources in a temp folder:
/// its own obj/ and bin/, so the publish never rewrites an assembly another test project has loaded, and it always
/// compiles the sources under test (never a stale artifacts/native).
/// </summary>
public sealed class NativeCli : IAsyncLifetime
{
    private static readonly string[] Copied =
        ["Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", "site/StartupHub.Site", "site/StartupHub.Cli", "site/StartupHub.Cli.Native"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "startuphub-build-tests", "native-" + Guid.NewGuid().ToString("N"));

    /// <summary>About a minute on two cores; ten leaves room for a cold NuGet cache.</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    public string Executable => Path.Combine(_root, "published", "startuphub-native");

    public async Task InitializeAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("startuphub-native のテストは Linux 用です（build-native.sh と同じ linux-x64 / linux-arm64）。");
        }

        var repo = RepoSite.FindRepoRoot();
        foreach (var entry in Copied)
        {
            Copy(Path.Combine(repo, entry), Path.Combine(_root, entry));
        }

        var rid = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        // No build server may outlive the publish: it would keep the redirected pipes (and this test) waiting.
        var (exit, output) = await RunAsync("dotnet",
            ["publish", Path.Combine(_root, "site", "StartupHub.Cli.Native"), "-c", "Release", "-r", rid, "-o", Path.Combine(_root, "published"), "--nologo", "--disable-build-servers"],
            _root, PublishTimeout);
        if (exit != 0 || !File.Exists(Executable))
        {
            throw new InvalidOperationException($"startuphub-native を発行できませんでした（終了コード {exit}。clang は scripts/setup.sh --native が入れます）:\n{output}");
        }
    }

    /// <summary>Runs the native CLI; stdout and stderr apart, as the CLI writes errors to stderr. A build of the
    /// sample site takes a fraction of a second, so a minute means it hangs.</summary>
    public async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await WaitOrKill(process, TimeSpan.FromMinutes(1), "startuphub-native");
        return (process.ExitCode, await stdout, await stderr);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans the temp folder
        }

        return Task.CompletedTask;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string[] args, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await WaitOrKill(process, timeout, "dotnet publish");
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task WaitOrKill(Process process, TimeSpan timeout, string what)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} が {timeout.TotalMinutes:0} 分で終わりませんでした。");
        }
    }

    private static void Copy(string from, string to)
    {
        if (File.Exists(from))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class NativeCollection : ICollectionFixture<NativeCli>
{
    public const string Name = "native";
}
