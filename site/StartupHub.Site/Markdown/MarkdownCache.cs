using System.Collections.Concurrent;
using StartupHub.Site.Diagnostics;

namespace StartupHub.Site.Markdown;

/// <summary>
/// Rendered bodies kept between builds of one <c>SiteBuilder</c>, so a dev-server rebuild after one edit
/// renders one body, not all of them. An entry is reused only for the same text in the same context (base
/// URL and published videos, which the video facade depends on); its diagnostics are reported again.
/// </summary>
public sealed class MarkdownCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public string Render(MarkdownRenderer renderer, string markdown, MarkdownSource source, string context, VideoResolver videos, DiagnosticBag diagnostics)
    {
        if (_entries.TryGetValue(source.Path, out var cached) && cached.Markdown == markdown && cached.Context == context && cached.FirstLine == source.FirstLine)
        {
            foreach (var diagnostic in cached.Diagnostics)
            {
                diagnostics.Add(diagnostic);
            }

            return cached.Html;
        }

        var own = new DiagnosticBag();
        var html = renderer.Render(markdown, source, videos, own);
        var found = own.ToSortedList();
        foreach (var diagnostic in found)
        {
            diagnostics.Add(diagnostic);
        }

        _entries[source.Path] = new Entry(markdown, context, source.FirstLine, html, found);
        return html;
    }

    /// <summary>Forgets files that are gone, so a long dev session does not keep every deleted page.</summary>
    public void KeepOnly(IReadOnlySet<string> paths)
    {
        foreach (var path in _entries.Keys.Where(p => !paths.Contains(p)))
        {
            _entries.TryRemove(path, out _);
        }
    }

    public int Count => _entries.Count;

    private sealed record Entry(string Markdown, string Context, int FirstLine, string Html, IReadOnlyList<Diagnostic> Diagnostics);
}
