namespace StartupHub.Site.Content;

public enum SupporterKind
{
    Municipality,
    SupportOrg,
    Financial,
    University,
    Vc,
    Other,
}

public sealed record SupportMenu(string Title, string? Target, string? Description, string? Url);

/// <summary>content/supporters/*.md: the information-sharing network of support organisations.</summary>
public sealed record Supporter : ContentItem
{
    public required string Name { get; init; }
    public required SupporterKind Kind { get; init; }
    public string? Area { get; init; }
    public string? Url { get; init; }
    public IReadOnlyList<SupportMenu> Menus { get; init; } = [];
}
