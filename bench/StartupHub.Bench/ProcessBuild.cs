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
internal sealed record ProcessBuild(string Label, TimeSpan Wall, TimeSpan UserCpu, TimeSpan KernelCpu, long PeakResident, int ExitCode, string LastLine)
{
    /// <summary>How often the child's peak resident size (VmHWM, a high-water mark the kernel keeps) is read while it runs;
    /// the last read before the exit holds the peak unless it grew in the final interval.</summary>
    private static readonly TimeSpan PeakPoll = TimeSpan.FromMilliseconds(10);

    /// <summary>The CLI the bench project references: copied next to the bench with its runtime settings.</summary>
    public static string CliPath => Path.Combine(AppContext.BaseDirectory, "startuphub.dll");

    public static ProcessBuild Run(string label, string root, string output, bool searchIndex)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { CliPath, "build", "--root", root, "--out", output })
        {
            start.ArgumentList.Add(arg);
        }

        if (!searchIndex)
        {
            start.ArgumentList.Add("--no-search");
        }

        var (userBefore, kernelBefore) = ChildrenCpu();
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("startuphub を起動できませんでした。");
        var lines = new List<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) { lock (lines) { lines.Add(line); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) { lock (lines) { lines.Add(line); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long peak = 0;
        while (!process.WaitForExit(PeakPoll))
        {
            peak = Math.Max(peak, ReadPeakResident(process.Id));
        }

        var wall = stopwatch.Elapsed;
        process.WaitForExit(); // drains the redirected output
        var (userAfter, kernelAfter) = ChildrenCpu();
        return new ProcessBuild(label, wall, userAfter - userBefore, kernelAfter - kernelBefore, peak, process.ExitCode, lines.LastOrDefault() ?? "");
    }

    public void Print(TextWriter output, string load) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {Label}: {Wall.TotalMilliseconds:0} ms（起動から終了まで）, CPU ユーザー {UserCpu.TotalMilliseconds:0} ms + カーネル {KernelCpu.TotalMilliseconds:0} ms, ピーク常駐 {(PeakResident > 0 ? (PeakResident / 1048576.0).ToString("0", CultureInfo.InvariantCulture) + " MB" : "不明")}, 終了コード {ExitCode}, 負荷 {load}\n    {LastLine}"));

    /// <summary>VmHWM of a running process in bytes (0 when it cannot be read: not Linux, or the process just exited).</summary>
    private static long ReadPeakResident(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        return 0;
    }

    /// <summary>CPU time of the children this process has waited for (getrusage RUSAGE_CHILDREN): the difference
    /// around one run is that run's CPU. Zero where the call is not available.</summary>
    private static (TimeSpan User, TimeSpan Kernel) ChildrenCpu()
    {
        if (!OperatingSystem.IsLinux() || getrusage(RusageChildren, out var usage) != 0)
        {
            return (TimeSpan.Zero, TimeSpan.Zero);
        }

        return (Time(usage.UserSeconds, usage.UserMicroseconds), Time(usage.SystemSeconds, usage.SystemMicroseconds));

        static TimeSpan Time(long seconds, long microseconds) => TimeSpan.FromSeconds(seconds) + TimeSpan.FromMicroseconds(microseconds);
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
