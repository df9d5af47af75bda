namespace StartupHub.Forms.Staff;

/// <summary>
/// One submission as staff see it, whatever form it came from: an event registration (from its event's
/// ledger and personal record) or an application (from the submission store). Lists, details, searches and
/// exports are all built from this one shape.
/// </summary>
public sealed record StaffRecord(
    string FormId,
    string Id,
    string Number,
    DateTimeOffset SubmittedAt,
    string Status,
    string? EventId,
    string? CompanyId,
    string Name,
    string? Kana,
    string Organization,
    string Email,
    string Summary,
    IReadOnlyList<StaffField> Fields,
    IReadOnlyList<StaffRecordAttachment> Attachments,
    string? PurposeVersion,
    DateTimeOffset? ConsentedAt,
    IReadOnlyList<StaffSessionStatus>? Sessions);

/// <summary>One answered field; the label is the Japanese question as the form shows it.</summary>
public sealed record StaffField(string Name, string Label, string Value);

public sealed record StaffRecordAttachment(string Id, string FileName, long Length);

public sealed record StaffSessionStatus(string SessionId, string Title, string Status, int? WaitlistPosition);

/// <summary>The status words the staff API answers with, and their Japanese labels for exports.</summary>
public static class StaffStatuses
{
    public const string Partial = "partial";

    /// <summary>Statuses staff may set on an application (<c>SubmissionRecord.Status</c>).</summary>
    public static readonly IReadOnlyList<string> Application = ["received", "reviewing", "accepted", "declined", "closed"];

    public static string Label(string status) => status switch
    {
        "confirmed" => "参加確定",
        "waitlisted" => "キャンセル待ち",
        Partial => "一部キャンセル待ち",
        "cancelled" => "キャンセル済み",
        "received" => "受付",
        "reviewing" => "審査中",
        "accepted" => "採択",
        "declined" => "不採択",
        "closed" => "対応終了",
        _ => status,
    };
}
