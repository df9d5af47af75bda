using System.Diagnostics;
using System.Globalization;
using StartupHub.Site.Build;

namespace StartupHub.Bench;

/// <summary>One timed build: wall time, throughput, memory and GC work, printed as one block.</summary>
/// CPU time (user and kernel, this process) is printed too: on a shared machine it moves less than wall time.
internal sealed record Measurement(string Label, BuildResult Result, TimeSpan Wall, long AllocatedBytes, int Gen0, int Gen1, int Gen2, long PeakWorkingSet, bool PeakPerRun, long HeapAfter, TimeSpan UserCpu, TimeSpan KernelCpu, TimeSpan GcPause, TimeSpan Jit, long JitMethods)
{
    public static Measurement Run(string label, Func<BuildResult> build)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var perRun = PeakReset.TryReset();
        using var process = Process.GetCurrentProcess();
        var (user, kernel) = (process.UserProcessorTime, process.PrivilegedProcessorTime);
        var paused = GC.GetTotalPauseDuration();
        var (jit, jitMethods) = (System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount());
        var stopwatch = Stopwatch.StartNew();
        var result = build();
        var wall = stopwatch.Elapsed;
        process.Refresh();
        return new Measurement(
            label,
            result,
            wall,
            GC.GetTotalAllocatedBytes(precise: true) - allocated,
            GC.CollectionCount(0) - g0,
            GC.CollectionCount(1) - g1,
            GC.CollectionCount(2) - g2,
            process.PeakWorkingSet64,
            perRun,
            GC.GetGCMemoryInfo().HeapSizeBytes,
            process.UserProcessorTime - user,
            process.PrivilegedProcessorTime - kernel,
            GC.GetTotalPauseDuration() - paused,
            System.Runtime.JitInfo.GetCompilationTime() - jit,
            System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods);
    }

    public void Print(TextWriter output, string load)
    {
        var pages = Result.Pages.Count;
        var perSecond = pages / Math.Max(Wall.TotalSeconds, 0.001);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Label}: {Wall.TotalMilliseconds:0} ms, {pages} ページ, {perSecond:0} ページ/秒, CPU ユーザー {UserCpu.TotalMilliseconds:0} ms + カーネル {KernelCpu.TotalMilliseconds:0} ms, 負荷 {load}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    メモリ: ピーク作業セット {Mb(PeakWorkingSet)} MB（{(PeakPerRun ? "この回" : "プロセス開始から")}）, GC ヒープ {Mb(HeapAfter)} MB, 割り当て {Mb(AllocatedBytes)} MB, GC 回数 gen0/1/2 = {Gen0}/{Gen1}/{Gen2}, GC による停止 {GcPause.TotalMilliseconds:0} ms, JIT {JitMethods} メソッド {Jit.TotalMilliseconds:0} ms"));
        output.WriteLine("    フェーズ: " + string.Join(", ", Result.Timings.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Phase} {t.Elapsed.TotalMilliseconds:0} ms"))));
        foreach (var diagnostic in Result.Diagnostics.Take(5))
        {
            output.WriteLine("    " + diagnostic);
        }

        if (Result.Diagnostics.Count > 5)
        {
            output.WriteLine($"    …ほか {Result.Diagnostics.Count - 5} 件");
        }
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture);
}

/// <summary>
/// Resets the kernel's peak resident size of this process (Linux: writing 5 to /proc/self/clear_refs sets VmHWM to
/// the current size), so that each run reports its own peak: the highest resident size while that build ran,
/// starting from whatever the earlier runs left mapped. Elsewhere the peak is the process's since it started.
/// </summary>
internal static class PeakReset
{
    public static bool TryReset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }
}
