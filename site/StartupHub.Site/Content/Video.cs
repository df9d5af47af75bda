namespace StartupHub.Site.Content;

public enum VideoPlatform
{
    Youtube,
}

/// <summary>content/videos/*.yml: archived seminars and pitches.</summary>
public sealed record Video : ContentItem
{
    public required string Title { get; init; }
    public required VideoPlatform Platform { get; init; }
    public required string VideoId { get; init; }
    public string? Event { get; init; }
    public string? Session { get; init; }
    public IReadOnlyList<string> Speakers { get; init; } = [];
    public TimeSpan? Duration { get; init; }
    public required DateOnly Date { get; init; }
    public string? Description { get; init; }
}
