using StartupHub.Site.Content;
using StartupHub.Site.Views;

namespace StartupHub.Site.Build.Pages;

/// <summary>One page to render: where it goes, with which layout, and what its <c>page</c> variable holds.</summary>
public sealed record PagePlan(PageView Page, ContentItem? Item, SourceLocation Origin, DateTimeOffset? LastModified)
{
    /// <summary><c>/</c> → <c>index.html</c>, <c>/events/x/</c> → <c>events/x/index.html</c>, <c>/404.html</c> as is.</summary>
    /// <remarks>Kept with the URL it was made from (read several times per page, and it allocates): a copy made with
    /// <c>with</c> carries the cache along, so it is used only while the page's URL is still that same string. The cache takes part in the record's generated
    /// equality, so plans are never compared with Equals (PlanComparer compares what a template sees).</remarks>
    public string OutputPath
    {
        get
        {
            var url = Page.Url;
            if (_outputPath is { } known && ReferenceEquals(known.Url, url))
            {
                return known.Path;
            }

            var path = url.EndsWith('/') ? string.Concat(url.AsSpan().TrimStart('/'), "index.html") : url.TrimStart('/');
            _outputPath = new CachedPath(url, path);
            return path;
        }
    }

    private CachedPath? _outputPath;

    private sealed record CachedPath(string Url, string Path);
}
