namespace StartupHub.Site.Content;

public sealed record Organisation(string Name, string? Url);

public sealed record Contact(string? Email, string? Phone, string? Hours);

public enum FormsMode
{
    Open,
    Closed,
}

/// <summary>content/site.yml</summary>
public sealed record SiteSettings
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required Uri BaseUrl { get; init; }
    public string Language { get; init; } = "ja";
    public required Organisation Organiser { get; init; }
    public Organisation? Operator { get; init; }
    public Contact? Contact { get; init; }
    public IReadOnlyList<Link> Navigation { get; init; } = [];
    public IReadOnlyList<Link> Social { get; init; } = [];
    public FormsMode Forms { get; init; } = FormsMode.Open;
    public string ApiBase { get; init; } = "/api/";

    /// <summary>notify_email: the staff mailbox the forms API notifies of new applications (no personal data
    /// in those notices). Optional; published in forms-manifest.json, so use a role address.</summary>
    public string? NotifyEmail { get; init; }
}
