using StartupHub.Site.Diagnostics;

namespace StartupHub.Site.Build;

/// <summary>How long one phase of a build took (printed as progress and kept in the result).</summary>
public sealed record PhaseTiming(string Phase, TimeSpan Elapsed);

/// <summary>What a build or a check did. Any Error diagnostic means the output folder was left as it was.</summary>
public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<RenderedPage> Pages,
    IReadOnlyList<string> FilesWritten,
    IReadOnlyList<PhaseTiming> Timings)
{
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);

    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public TimeSpan Total => Timings.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Elapsed);
}
