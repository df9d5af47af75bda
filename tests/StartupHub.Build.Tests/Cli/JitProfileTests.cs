using System.Diagnostics;
using StartupHub.Build.Tests.Support;
using StartupHub.Site.Runtime;

namespace StartupHub.Build.Tests.Cli;

/// <summary>The multicore JIT profile: where it is kept, and that a real `startuphub build` process writes and reuses it.</summary>
public sealed class JitProfileTests
{
    [Theory]
    [InlineData("/c/jit", null, "/home/u", "/c/jit")]
    [InlineData("", "/xdg", "/home/u", null)]
    [InlineData(null, "/xdg", "/home/u", "/xdg/startuphub/jit")]
    [InlineData(null, "", "/home/u", "/home/u/.cache/startuphub/jit")]
    [InlineData(null, "relative/cache", "/home/u", "/home/u/.cache/startuphub/jit")]
    [InlineData(null, null, "/home/u", "/home/u/.cache/startuphub/jit")]
    [InlineData(null, null, "", null)]
    public void Cache_folder_follows_the_override_then_xdg_then_home(string? configured, string? xdg, string home, string? expected)
    {
        var variables = new Dictionary<string, string?> { ["STARTUPHUB_JIT_CACHE"] = configured, ["XDG_CACHE_HOME"] = xdg };
        Assert.Equal(expected, JitProfile.CacheFolder(name => variables[name], home));
    }

    [Fact]
    public async Task A_build_process_records_its_profile_and_builds_the_same_site_with_it_and_without_it()
    {
        using var site = TempSite.Create();
        var cache = Path.Combine(site.Root, "jit-cache");
        var profile = Path.Combine(cache, "build.jitprofile");

        var first = await RunBuild(site.Root, "out-1", cache);
        Assert.True(first.Exit == 0, first.Output);
        Assert.True(new FileInfo(profile).Length > 0, "the profile was not written");

        // The second run plays the profile back; then a damaged profile must only lose the head start.
        var second = await RunBuild(site.Root, "out-2", cache);
        Assert.True(second.Exit == 0, second.Output);
        await File.WriteAllTextAsync(profile, "not a profile");
        var damaged = await RunBuild(site.Root, "out-3", cache);
        Assert.True(damaged.Exit == 0, damaged.Output);
        var off = await RunBuild(site.Root, "out-4", "");
        Assert.True(off.Exit == 0, off.Output);
        // A cache folder that cannot be made (under a file) is skipped, not a failed build.
        var blocked = await RunBuild(site.Root, "out-5", Path.Combine(profile, "below-a-file"));
        Assert.True(blocked.Exit == 0, blocked.Output);

        var expected = Files(Path.Combine(site.Root, "out-1"));
        Assert.Equal(expected, Files(Path.Combine(site.Root, "out-2")));
        Assert.Equal(expected, Files(Path.Combine(site.Root, "out-3")));
        Assert.Equal(expected, Files(Path.Combine(site.Root, "out-4")));
        Assert.Equal(expected, Files(Path.Combine(site.Root, "out-5")));
    }

    private static Dictionary<string, string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    private static async Task<(int Exit, string Output)> RunBuild(string root, string output, string cache)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "startuphub.dll"), "build", "--root", root, "--out", Path.Combine(root, output), "--no-search", "--now", "2025-10-01T10:00+09:00" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["STARTUPHUB_JIT_CACHE"] = cache;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
