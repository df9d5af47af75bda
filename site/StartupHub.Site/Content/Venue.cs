namespace StartupHub.Site.Content;

public enum City
{
    Chiba,
    Kashiwa,
    Kisarazu,
}

/// <summary>One entry of content/venues.yml.</summary>
public sealed record Venue
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required City City { get; init; }
    public required string Address { get; init; }
    public string? Access { get; init; }
    public string? MapUrl { get; init; }
    public required SourceLocation Source { get; init; }
}
