namespace StartupHub.Site.Content;

/// <summary>content/news/*.md</summary>
public sealed record NewsItem : ContentItem
{
    public required string Title { get; init; }
    public required DateTimeOffset Date { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
}
