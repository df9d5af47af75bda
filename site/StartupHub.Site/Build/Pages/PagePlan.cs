using StartupHub.Site.Content;
using StartupHub.Site.Views;

namespace StartupHub.Site.Build.Pages;

/// <summary>One page to render: where it goes, with which layout, and what its <c>page</c> variable holds.</summary>
public sealed record PagePlan(PageView Page, ContentItem? Item, SourceLocation Origin, DateTimeOffset? LastModified)
{
    /// <summary><c>/</c> → <c>index.html</c>, <c>/events/x/</c> → <c>events/x/index.html</c>, <c>/404.html</c> as is.</summary>
    public string OutputPath => Page.Url.EndsWith('/') ? Page.Url.TrimStart('/') + "index.html" : Page.Url.TrimStart('/');
}
