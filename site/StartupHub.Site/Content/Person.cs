namespace StartupHub.Site.Content;

public enum PersonRole
{
    /// <summary>著名起業家 (speaker)</summary>
    Speaker,

    /// <summary>メンター</summary>
    Mentor,

    /// <summary>アクセラレーター</summary>
    Accelerator,
}

/// <summary>content/people/*.md</summary>
public sealed record Person : ContentItem
{
    public required string Name { get; init; }
    public required string Kana { get; init; }
    public required IReadOnlyList<PersonRole> Roles { get; init; }
    public string? Title { get; init; }
    public string? Organisation { get; init; }
    public ImageRef? Photo { get; init; }
    public IReadOnlyList<Link> Links { get; init; } = [];
    public string? Summary { get; init; }
}
