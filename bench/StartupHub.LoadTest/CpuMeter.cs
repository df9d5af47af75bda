using System.Diagnostics;
using System.Globalization;

namespace StartupHub.LoadTest;

/// <summary>
/// CPU used during one phase by this process (load generator + API host share it) and by Azurite, next to
/// the machine's load average: on a shared 2-core machine a figure means little without them.
/// </summary>
internal sealed class CpuMeter(Azurite? azurite)
{
    private readonly TimeSpan _ownStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly TimeSpan _azuriteStart = azurite?.CpuTime ?? TimeSpan.Zero;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _gcPauseStart = GC.GetTotalPauseDuration();
    private readonly int[] _collectionsStart = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

    public void Report()
    {
        double wall = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        double own = (Process.GetCurrentProcess().TotalProcessorTime - _ownStart).TotalSeconds;
        double storage = ((azurite?.CpuTime ?? TimeSpan.Zero) - _azuriteStart).TotalSeconds;
        string load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  cpu: load test + API {own:F2} s, Azurite {storage:F2} s over {wall:F2} s wall = {(own + storage) / wall:F2} of {Environment.ProcessorCount} cores; load average {load}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  gc (load test + API): paused {(GC.GetTotalPauseDuration() - _gcPauseStart).TotalMilliseconds:F0} ms; collections gen0 {GC.CollectionCount(0) - _collectionsStart[0]}, gen1 {GC.CollectionCount(1) - _collectionsStart[1]}, gen2 {GC.CollectionCount(2) - _collectionsStart[2]}"));
    }
}
