using StartupHub.Site.Build;
using StartupHub.Site.Content;

namespace StartupHub.Site.Outputs.Common;

/// <summary>The render phase's last-modified time of each item's page, looked up by source path.</summary>
internal sealed class PageDates(IReadOnlyList<RenderedPage> pages)
{
    private readonly Dictionary<string, DateTimeOffset> _bySource = pages
        .Where(p => p.Item is not null && p.LastModified is not null)
        .GroupBy(p => p.Item!.SourcePath, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Max(p => p.LastModified!.Value), StringComparer.Ordinal);

    public DateTimeOffset? Of(ContentItem item) =>
        _bySource.TryGetValue(item.SourcePath, out var value) ? value : null;
}
