using System.Runtime;

namespace StartupHub.Site.Runtime;

/// <summary>
/// .NET's multicore JIT (<see cref="ProfileOptimization"/>): each run records which methods it compiled, and the next
/// run of the same command compiles them ahead on a background thread. A build compiles about three thousand methods
/// at full optimisation (tiering is off, see the project file), and they used to be compiled one by one as each was
/// first called, on the path of the build. The background thread takes the core that the build leaves idle while the
/// collector runs or the loading waits on files. The profile is only a hint: a missing, stale or damaged one costs
/// nothing but the gain, so any failure to use the cache folder is ignored. Only a process's entry point may start it
/// (the CLI, the benchmark), before the work it speeds up.
/// </summary>
public static class JitProfile
{
    /// <summary>Starts recording (and playing back) the profile <c>{name}.jitprofile</c>: one per kind of run, since
    /// serve compiles the web host too and check never renders.</summary>
    public static void Start(string name)
    {
        if (CacheFolder() is not { } folder)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile($"{name}.jitprofile");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // A read-only home (some CI runners) or a mistyped STARTUPHUB_JIT_CACHE only loses the head start.
        }
    }

    /// <summary><c>STARTUPHUB_JIT_CACHE</c> (empty turns the profile off), else the XDG cache folder.</summary>
    public static string? CacheFolder() =>
        CacheFolder(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The rule of <see cref="CacheFolder()"/> over given variables and home folder (tests).</summary>
    public static string? CacheFolder(Func<string, string?> variable, string? home)
    {
        if (variable("STARTUPHUB_JIT_CACHE") is { } configured)
        {
            return configured.Length == 0 ? null : configured;
        }

        // The XDG spec says a relative XDG_CACHE_HOME is invalid and to be ignored.
        if (variable("XDG_CACHE_HOME") is { Length: > 0 } cache && Path.IsPathRooted(cache))
        {
            return Path.Combine(cache, "startuphub", "jit");
        }

        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "startuphub", "jit");
    }
}
