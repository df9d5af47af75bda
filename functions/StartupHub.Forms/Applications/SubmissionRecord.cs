namespace StartupHub.Forms.Applications;

/// <summary>
/// One application or inquiry as stored (sealed) at <c>submissions/{formId}/{id}.json</c>. Holds personal
/// data, so it only ever exists in storage in sealed form.
/// </summary>
public sealed record SubmissionRecord(
    string Id,
    string FormId,
    string Number,
    DateTimeOffset SubmittedAt,
    string Status,
    string? CompanyId,
    string PurposeVersion,
    DateTimeOffset ConsentedAt,
    IReadOnlyList<SubmissionField> Fields,
    IReadOnlyList<SubmissionAttachment> Attachments,
    string ContactEmail,
    string ContactName);

/// <param name="Name">The snake_case field name (= the HTML input name).</param>
/// <param name="Label">What staff see, in Japanese.</param>
/// <param name="Value">The normalised value; choices are stored as their Japanese label.</param>
public sealed record SubmissionField(string Name, string Label, string Value);

/// <param name="Id">Server-generated; the object is <c>attachments/{formId}/{submissionId}/{Id}.pdf</c>.</param>
/// <param name="FileName">The client's file name, for display and download only — never used as a path.</param>
public sealed record SubmissionAttachment(string Id, string FileName, string ContentType, long Length, string Sha256);

public sealed record AttachmentContent(string FileName, string ContentType, byte[] Content);

/// <summary>The review states staff move a submission through.</summary>
public static class SubmissionStatuses
{
    public const string Received = "received";

    public static readonly IReadOnlyList<string> All = [Received, "reviewing", "accepted", "declined", "closed"];

    public static bool IsKnown(string status) => All.Contains(status, StringComparer.Ordinal);
}
