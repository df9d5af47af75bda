namespace StartupHub.Site.Content;

public sealed record ScheduleStep(string Period, string Title, string? Detail);

/// <summary>content/pages/*.md: about, the OIP call (募集要項), mentoring, policies.</summary>
public sealed record Page : ContentItem
{
    public required string Title { get; init; }
    public string? Description { get; init; }
    public string Layout { get; init; } = "page";
    public int Weight { get; init; }
    public bool Menu { get; init; }

    /// <summary>Kept out of search engines, the sitemap and the search index (form result pages, staff pages).</summary>
    public bool Noindex { get; init; }
    public string? Form { get; init; }
    public IReadOnlyList<ScheduleStep> Schedule { get; init; } = [];
}
