using System.Text.Json.Serialization;

namespace StartupHub.Forms.Manifest;

/// <summary>
/// The forms manifest written by the site generator (docs/forms-manifest.md). It is the only place the API
/// learns capacities, sessions and windows from, so nothing here is ever typed in by hand.
/// </summary>
public sealed record FormsManifest(
    int Schema,
    DateTimeOffset GeneratedAt,
    bool FormsOpen,
    IReadOnlyList<ManifestEvent> Events,
    IReadOnlyList<ManifestForm> Forms,
    IReadOnlyList<ManifestCompany> Companies)
{
    /// <summary>Site title, base URL, contact and staff mailbox for e-mails; null in manifests of older builds.</summary>
    public ManifestSite? Site { get; init; }

    public ManifestEvent? FindEvent(string eventId) =>
        Events.FirstOrDefault(e => string.Equals(e.Id, eventId, StringComparison.Ordinal));

    public ManifestForm? FindForm(string formId) =>
        Forms.FirstOrDefault(f => string.Equals(f.Id, formId, StringComparison.Ordinal));
}

public sealed record ManifestEvent(
    string Id,
    string Title,
    string? City,
    string? Series,
    string? Url,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Status,
    ManifestWindow? Registration,
    IReadOnlyList<ManifestSession> Sessions)
{
    /// <summary>The venue's name and address for e-mails; null when unknown or in older manifests.</summary>
    public ManifestVenue? Venue { get; init; }

    public bool IsScheduled => string.Equals(Status, "scheduled", StringComparison.Ordinal);

    public ManifestSession? FindSession(string sessionId) =>
        Sessions.FirstOrDefault(s => string.Equals(s.Id, sessionId, StringComparison.Ordinal));
}

public sealed record ManifestWindow(DateTimeOffset? Opens, DateTimeOffset? Closes)
{
    /// <summary>The window is half-open, [opens, closes), as the manifest contract states.</summary>
    public bool Contains(DateTimeOffset now) =>
        (Opens is null || now >= Opens) && (Closes is null || now < Closes);
}

public sealed record ManifestSession(
    string Id,
    string? Kind,
    string Title,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    int? Capacity,
    [property: JsonPropertyName("registration")] bool AcceptsRegistration);

public sealed record ManifestForm(
    string Id,
    string Kind,
    string Title,
    DateTimeOffset? Opens,
    DateTimeOffset? Closes,
    string? PurposeVersion);

public sealed record ManifestCompany(string Id, string Name);
