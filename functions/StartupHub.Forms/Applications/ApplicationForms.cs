using StartupHub.Forms.Manifest;

namespace StartupHub.Forms.Applications;

/// <summary>What the validators get besides the posted fields: facts from the manifest and the clock.</summary>
/// <param name="CurrentYear">The year (JST) of the submission, for founded_year.</param>
public sealed record SubmissionContext(string PurposeVersion, IReadOnlyList<ManifestCompany> Companies, int CurrentYear);

/// <param name="Id">The form id (content/forms/{id}.md, manifest forms[].id).</param>
/// <param name="NumberPrefix">Receipt numbers look like <c>{prefix}-0001</c>.</param>
/// <param name="AttachmentField">The multipart file part this form requires, or null.</param>
public sealed record ApplicationForm(
    string Id,
    string NumberPrefix,
    string Title,
    string? AttachmentField,
    Func<IReadOnlyDictionary<string, string>, SubmissionContext, SubmissionValidation> Validate);

/// <summary>The application forms the submissions endpoint accepts. Event registration has its own endpoint.</summary>
public static class ApplicationForms
{
    public const string OipApplication = "oip-application";
    public const string MenteeApplication = "mentee-application";
    public const string PartnershipInquiry = "partnership-inquiry";
    public const string PitchDeckField = "pitch_deck";

    public static readonly IReadOnlyList<ApplicationForm> All =
    [
        new(OipApplication, "OIP", "オープンイノベーションプログラム応募", PitchDeckField, OipApplicationValidator.Validate),
        new(MenteeApplication, "MEN", "メンティ応募", null, MenteeApplicationValidator.Validate),
        new(PartnershipInquiry, "INQ", "連携のご相談", null, PartnershipInquiryValidator.Validate),
    ];

    public static ApplicationForm? Find(string formId) =>
        All.FirstOrDefault(f => string.Equals(f.Id, formId, StringComparison.Ordinal));
}
