namespace StartupHub.Site.Content;

public enum CompanyStatus
{
    Selected,
    Matching,
    Matched,
    Completed,
}

/// <summary>content/companies/*.md: Open Innovation Program companies and the partners they seek (連携先募集).</summary>
public sealed record Company : ContentItem
{
    public required string Name { get; init; }
    public required string Summary { get; init; }
    public required string Industry { get; init; }
    public required string Location { get; init; }
    public required int Cohort { get; init; }
    public CompanyStatus Status { get; init; } = CompanyStatus.Selected;
    public ImageRef? Logo { get; init; }
    public string? Website { get; init; }
    public IReadOnlyList<string> Seeds { get; init; } = [];
    public IReadOnlyList<string> Seeking { get; init; } = [];
}
