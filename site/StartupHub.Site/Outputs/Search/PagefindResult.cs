using StartupHub.Site.Diagnostics;

namespace StartupHub.Site.Outputs.Search;

/// <summary>What one Pagefind run did: faults as diagnostics, how long it took and Pagefind's own report.</summary>
public sealed record PagefindResult(
    bool Succeeded,
    IReadOnlyList<Diagnostic> Diagnostics,
    TimeSpan Elapsed,
    int? PagesIndexed,
    int? WordsIndexed,
    string Output);
