using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace StartupHub.Bench;

/// <summary>
/// One `startuphub build` run as its own process, the way an editor or a deployment runs it: the runtime's start,
/// the JIT of the whole build (with the CLI's multicore JIT profile, as a user has it after the first run) and the
/// exit are all in the time, which the in-process cold builds cannot show. Measured from spawn to exit, with the
/// child's CPU time and its peak resident size.
/// </summary>
internal sealed record ProcessBuild(string Label, TimeSpan Wall, TimeSpan? UserCpu, TimeSpan? KernelCpu, long PeakResident, int ExitCode, string LastLine)
{
    /// <summary>How often the child's peak resident size (VmHWM, a high-water mark the kernel keeps) is read while it runs.
    /// A growth in the last interval is caught by the children's maximum that getrusage reports once it has exited.</summary>
    private static readonly TimeSpan PeakPoll = TimeSpan.FromMilliseconds(10);

    /// <summary>The CLI the bench project references: copied next to the bench with its runtime settings.</summary>
    public static string CliPath => Path.Combine(AppContext.BaseDirectory, "startuphub.dll");

    /// <summary>Runs the .NET CLI (<c>dotnet startuphub.dll</c>), or the native one when <paramref name="native"/> names it.</summary>
    public static ProcessBuild Run(string label, string root, string output, bool searchIndex, string? native = null)
    {
        var start = new ProcessStartInfo(native ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (native is null ? new[] { CliPath } : []).Concat(["build", "--root", root, "--out", output]))
        {
            start.ArgumentList.Add(arg);
        }

        if (!searchIndex)
        {
            start.ArgumentList.Add("--no-search");
        }

        var before = ChildrenUsage();
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("startuphub を起動できませんでした。");
        // Kept apart: the two streams are read on different threads, so one list would not keep their order.
        var stdout = new List<string>();
        var stderr = new List<string>();
        process.OutputDataReceived += (_, e) => Add(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Add(stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long peak = 0;
        while (!process.WaitForExit(PeakPoll))
        {
            peak = Math.Max(peak, PeakWorkingSet(process));
        }

        var wall = stopwatch.Elapsed;
        process.WaitForExit(); // drains the redirected output
        var after = ChildrenUsage();
        // The children's maximum only grows past the earlier children's when this one went higher: then it is exact.
        if (before is { } b && after is { } a && a.MaxResident > b.MaxResident)
        {
            peak = Math.Max(peak, a.MaxResident);
        }

        // The CLI's summary: its last line on stdout when it succeeded, its last error line otherwise.
        var last = (process.ExitCode == 0 ? stdout : stderr.Count > 0 ? stderr : stdout).LastOrDefault() ?? "";
        var used = after - before;
        return new ProcessBuild(label, wall, used?.User, used?.Kernel, peak, process.ExitCode, last);

        static void Add(List<string> lines, string? line)
        {
            if (line is { Length: > 0 })
            {
                lock (lines)
                {
                    lines.Add(line);
                }
            }
        }
    }

    public void Print(TextWriter output, string load) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {Label}: {Wall.TotalMilliseconds:0} ms（起動から終了まで）, CPU {(UserCpu is { } user && KernelCpu is { } kernel ? string.Create(CultureInfo.InvariantCulture, $"ユーザー {user.TotalMilliseconds:0} ms + カーネル {kernel.TotalMilliseconds:0} ms") : "不明")}, ピーク常駐 {Megabytes(PeakResident)}, 終了コード {ExitCode}, 負荷 {load}\n    {LastLine}"));

    /// <summary>A size in MB, or 不明 when it could not be read (not Linux, or a run too short to sample).</summary>
    public static string Megabytes(long bytes) =>
        bytes > 0 ? (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture) + " MB" : "不明";

    /// <summary>The running child's peak resident size (on Linux the framework reads VmHWM); 0 once it has exited.</summary>
    private static long PeakWorkingSet(Process process)
    {
        try
        {
            process.Refresh();
            return process.PeakWorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    /// <summary>What getrusage(RUSAGE_CHILDREN) says of the children this process has waited for: their CPU time
    /// (the difference around one run is that run's) and the largest peak resident size among them. Null where the
    /// call is not available.</summary>
    private static ChildUsage? ChildrenUsage()
    {
        if (!OperatingSystem.IsLinux() || getrusage(RusageChildren, out var usage) != 0)
        {
            return null;
        }

        return new ChildUsage(
            TimeSpan.FromSeconds(usage.UserSeconds) + TimeSpan.FromMicroseconds(usage.UserMicroseconds),
            TimeSpan.FromSeconds(usage.SystemSeconds) + TimeSpan.FromMicroseconds(usage.SystemMicroseconds),
            usage.MaxResidentKb * 1024);
    }

    private sealed record ChildUsage(TimeSpan User, TimeSpan Kernel, long MaxResident)
    {
        public static ChildUsage? operator -(ChildUsage? after, ChildUsage? before) =>
            after is null || before is null ? null : new(after.User - before.User, after.Kernel - before.Kernel, after.MaxResident);
    }

    private const int RusageChildren = -1;

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out Rusage usage);

    /// <summary>struct rusage on 64-bit Linux: two timevals, then fourteen longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxResidentKb;
        public long SharedMemory;
        public long UnsharedData;
        public long UnsharedStack;
        public long MinorFaults;
        public long MajorFaults;
        public long Swaps;
        public long BlockInputs;
        public long BlockOutputs;
        public long MessagesSent;
        public long MessagesReceived;
        public long Signals;
        public long VoluntarySwitches;
        public long InvoluntarySwitches;
    }
}
