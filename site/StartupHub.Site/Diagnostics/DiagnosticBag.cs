using System.Collections.Concurrent;
using StartupHub.Site.Content;

namespace StartupHub.Site.Diagnostics;

/// <summary>Collects every fault of a phase so they are all reported together, not one per run.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void Error(SourceLocation location, string code, string message) =>
        Add(Diagnostic.Error(location, code, message));

    public void Warning(SourceLocation location, string code, string message) =>
        Add(Diagnostic.Warning(location, code, message));

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>Sorted by path, line and column so output is stable across runs.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() =>
        [.. _items
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)];
}
