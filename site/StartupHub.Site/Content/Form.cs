namespace StartupHub.Site.Content;

public enum FormKind
{
    EventRegistration,
    OipApplication,
    MenteeApplication,
    PartnershipInquiry,
    Survey,
}

/// <summary>content/forms/*.md: a public form, its period and its purpose-of-use (利用目的) notice (the body).</summary>
public sealed record Form : ContentItem
{
    public required string Title { get; init; }
    public required FormKind Kind { get; init; }
    public DateTimeOffset? Opens { get; init; }
    public DateTimeOffset? Closes { get; init; }
    public required string PurposeVersion { get; init; }
}
