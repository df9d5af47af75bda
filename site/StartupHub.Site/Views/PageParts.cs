namespace StartupHub.Site.Views;

/// <summary>One step of <c>page.breadcrumbs</c>.</summary>
public sealed record Breadcrumb(string Title, string Url);

/// <summary><c>page.paginator</c> on paginated lists (news: 10 a page).</summary>
public sealed record Paginator(int Page, int TotalPages, string? PrevUrl, string? NextUrl, int PerPage, int TotalItems);

/// <summary>A city or series with its list page, for the event filters (<c>site.cities</c>, <c>site.series</c>).</summary>
public sealed record Taxonomy(string Id, string Label, string Url);
