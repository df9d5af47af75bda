using StartupHub.Forms.Registration;

namespace StartupHub.Forms.Http;

/// <summary>
/// Maps a no-JS event registration form to the JSON request the registration handler validates. Field
/// names are the JSON names of <see cref="RegistrationRequest"/>; the chosen sessions are repeated
/// <c>sessions</c> fields; consent is the checkbox <c>consent</c> plus the hidden <c>purpose_version</c>.
/// </summary>
public static class RegistrationFormPost
{
    public static RegistrationRequest ToRequest(PostedForm form) => new()
    {
        Sessions = form.Fields.TryGetValue("sessions", out IReadOnlyList<string>? sessions) ? [.. sessions] : null,
        Name = form.First("name"),
        Furigana = form.First("furigana"),
        Email = form.First("email"),
        Organization = form.First("organization"),
        OrganizationType = form.First("organization_type"),
        JobTitle = form.First("job_title"),
        Referral = form.First("referral"),
        Comment = form.First("comment"),
        Consent = new ConsentRequest
        {
            Agreed = form.First("consent")?.Trim() is "on" or "true",
            PurposeVersion = form.First("purpose_version"),
        },
        FormToken = form.First("form_token"),
        Website = form.First("website"),
    };
}
