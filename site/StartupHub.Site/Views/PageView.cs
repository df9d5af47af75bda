namespace StartupHub.Site.Views;

/// <summary>The <c>page</c> variable of every layout (docs/content-model.md, "Template variables").</summary>
public sealed record PageView
{
    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Site path, e.g. <c>/events/x/</c> (templates pass it through <c>url</c> for links).</summary>
    public required string Url { get; init; }

    public required string CanonicalUrl { get; init; }

    /// <summary>home, events, event, people, person, … (the layout's role, see the URL table).</summary>
    public required string Kind { get; init; }

    public required string Layout { get; init; }

    /// <summary>Rendered HTML of the item's Markdown body (empty for lists).</summary>
    public string Content { get; init; } = "";

    public object? Item { get; init; }

    public IReadOnlyList<object> Items { get; init; } = [];

    public Paginator? Paginator { get; init; }

    /// <summary>Set on per-city and per-series event lists.</summary>
    public Taxonomy? Taxonomy { get; init; }

    /// <summary>schema.org JSON-LD, safe to place in a script element as is.</summary>
    public string? JsonLd { get; init; }

    public IReadOnlyList<Breadcrumb> Breadcrumbs { get; init; } = [];

    /// <summary>Absolute URL of the page's share image (og:image), if it has one.</summary>
    public string? Image { get; init; }

    public string? ImageAlt { get; init; }

    /// <summary>True on preview builds and on pages kept out of search engines (404).</summary>
    public bool Noindex { get; init; }
}
