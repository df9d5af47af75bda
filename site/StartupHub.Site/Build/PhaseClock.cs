using System.Diagnostics;

namespace StartupHub.Site.Build;

/// <summary>Times the phases of one build and reports each as it ends.</summary>
internal sealed class PhaseClock(IProgress<PhaseTiming>? progress)
{
    private readonly List<PhaseTiming> _timings = [];

    public IReadOnlyList<PhaseTiming> Timings => _timings;

    public T Time<T>(string phase, Func<T> run)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = run();
        var timing = new PhaseTiming(phase, stopwatch.Elapsed);
        _timings.Add(timing);
        progress?.Report(timing);
        return result;
    }

    public void Time(string phase, Action run) => Time(phase, () =>
    {
        run();
        return true;
    });
}
