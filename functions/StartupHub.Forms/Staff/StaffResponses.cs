namespace StartupHub.Forms.Staff;

// The staff API's JSON bodies (snake_case through FormsJson; null members are left out).
public sealed record StaffListResponse(IReadOnlyList<StaffListItem> Items, int Total);

public sealed record StaffListItem(
    string FormId,
    string Id,
    string Number,
    DateTimeOffset SubmittedAt,
    string Status,
    string? EventId,
    string? CompanyId,
    string Name,
    string Organization,
    string Email,
    string Summary)
{
    public static StaffListItem From(StaffRecord r) =>
        new(r.FormId, r.Id, r.Number, r.SubmittedAt, r.Status, r.EventId, r.CompanyId, r.Name, r.Organization, r.Email, r.Summary);
}

public sealed record StaffDetailResponse(
    string FormId,
    string Id,
    string Number,
    DateTimeOffset SubmittedAt,
    string Status,
    string? EventId,
    string? CompanyId,
    IReadOnlyList<StaffDetailField> Fields,
    IReadOnlyList<StaffDetailAttachment> Attachments,
    StaffDetailConsent Consent,
    IReadOnlyList<StaffDetailSession>? Sessions)
{
    public static StaffDetailResponse From(StaffRecord r) => new(
        r.FormId, r.Id, r.Number, r.SubmittedAt, r.Status, r.EventId, r.CompanyId,
        [.. r.Fields.Select(f => new StaffDetailField(f.Name, f.Label, f.Value))],
        [.. r.Attachments.Select(a => new StaffDetailAttachment(a.Id, a.FileName, a.Length,
            $"/api/staff/submissions/{Uri.EscapeDataString(r.FormId)}/{Uri.EscapeDataString(r.Id)}/attachments/{Uri.EscapeDataString(a.Id)}"))],
        new StaffDetailConsent(r.PurposeVersion, r.ConsentedAt),
        r.Sessions?.Select(s => new StaffDetailSession(s.SessionId, s.Title, s.Status, s.WaitlistPosition)).ToList());
}

public sealed record StaffDetailField(string Name, string Label, string Value);

public sealed record StaffDetailAttachment(string Id, string FileName, long Length, string Url);

public sealed record StaffDetailConsent(string? PurposeVersion, DateTimeOffset? ConsentedAt);

public sealed record StaffDetailSession(string SessionId, string Title, string Status, int? WaitlistPosition);

/// <summary>Body of POST /api/staff/submissions/{formId}/{id}/status.</summary>
public sealed class StaffStatusRequest
{
    public string? Status { get; set; }
}

public sealed record StaffStatusResponse(string FormId, string Id, string Number, string Status, string Message);

public sealed record RosterResponse(RosterEvent Event, IReadOnlyList<RosterSession> Sessions);

public sealed record RosterEvent(string Id, string Title, DateTimeOffset? Start, string? Venue);

public sealed record RosterSession(string SessionId, string Title, int Capacity, IReadOnlyList<RosterEntry> Confirmed, IReadOnlyList<RosterEntry> Waitlisted);

public sealed record RosterEntry(string Number, string Name, string Kana, string Organization, string OrganizationType, string Status);

public sealed record SummaryResponse(DateTimeOffset GeneratedAt, IReadOnlyList<SummaryForm> Forms, IReadOnlyList<SummaryEvent> Events);

public sealed record SummaryForm(string FormId, string Title, int Total, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyList<SummaryDay> ByDay);

/// <summary>A day in Japan time (yyyy-MM-dd) and the submissions received that day.</summary>
public sealed record SummaryDay(string Date, int Count);

public sealed record SummaryEvent(string EventId, string Title, DateTimeOffset? Start, IReadOnlyList<SummarySession> Sessions);

public sealed record SummarySession(string SessionId, string Title, int Capacity, int Confirmed, int Waitlisted, int Cancelled);
