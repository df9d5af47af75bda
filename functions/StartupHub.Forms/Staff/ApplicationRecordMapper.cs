using StartupHub.Forms.Applications;

namespace StartupHub.Forms.Staff;

/// <summary>Turns a stored application or inquiry into the staff view of a submission.</summary>
public static class ApplicationRecordMapper
{
    /// <summary>Field names, by form, that hold the person's kana and organisation (the contract's field lists).</summary>
    private static readonly string[] KanaFields = ["contact_kana", "kana"];
    private static readonly string[] OrganizationFields = ["company_name", "organization"];

    public static StaffRecord Map(SubmissionRecord r, string formTitle)
    {
        string organization = Value(r, OrganizationFields) ?? "";
        return new StaffRecord(
            r.FormId,
            r.Id,
            r.Number,
            r.SubmittedAt,
            r.Status,
            null,
            r.CompanyId,
            r.ContactName,
            Value(r, KanaFields),
            organization,
            r.ContactEmail,
            organization.Length == 0 ? formTitle : $"{formTitle}（{organization}）",
            [.. r.Fields.Select(f => new StaffField(f.Name, f.Label, f.Value))],
            [.. r.Attachments.Select(a => new StaffRecordAttachment(a.Id, a.FileName, a.Length))],
            r.PurposeVersion,
            r.ConsentedAt,
            null);
    }

    private static string? Value(SubmissionRecord r, string[] names) =>
        names.Select(n => r.Fields.FirstOrDefault(f => f.Name == n)?.Value).FirstOrDefault(v => !string.IsNullOrEmpty(v));
}
