using StartupHub.Forms.Registration;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Staff;

/// <summary>Turns one ledger entry and its personal record into the staff view of a submission.</summary>
public static class RegistrationRecordMapper
{
    public static IEnumerable<StaffRecord> All(LoadedEvent evt) =>
        evt.Ledger.Registrations.Keys.Select(id => Map(evt, id))
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Number, StringComparer.Ordinal);

    public static StaffRecord Map(LoadedEvent evt, string registrationId)
    {
        RegistrationView view = LedgerRules.ViewOf(evt.Ledger, registrationId);
        evt.Records.TryGetValue(registrationId, out EventRegistrationRecord? record);
        Registrant? person = record?.Personal;
        List<StaffSessionStatus> sessions = [.. view.Sessions.Select(s => new StaffSessionStatus(s.SessionId, evt.SessionTitle(s.SessionId), s.Status, s.WaitlistPosition))];
        string sessionTitles = string.Join("、", sessions.Select(s => s.Title));
        return new StaffRecord(
            StorageKeys.EventRegistrationForm,
            registrationId,
            view.Number,
            view.RegisteredAt,
            StatusOf(view),
            evt.EventId,
            null,
            person?.Name ?? "",
            person?.Furigana,
            person?.Organization ?? "",
            person?.Email ?? "",
            $"{evt.Title}（{sessionTitles}）",
            person is null ? [] : Fields(person, sessionTitles),
            [],
            record?.Consent.PurposeVersion,
            record?.Consent.AgreedAt,
            sessions);
    }

    /// <summary>The registration form's questions, in the order the form asks them.</summary>
    public static IReadOnlyList<StaffField> Fields(Registrant person, string sessionTitles) =>
    [
        new("sessions", "参加枠", sessionTitles),
        new("name", "氏名", person.Name),
        new("furigana", "ふりがな", person.Furigana),
        new("email", "メールアドレス", person.Email),
        new("organization", "所属", person.Organization ?? ""),
        new("organization_type", "所属区分", OrganizationTypeLabel(person.OrganizationType)),
        new("job_title", "役職", person.JobTitle ?? ""),
        new("referral", "本イベントを知ったきっかけ", person.Referral ?? ""),
        new("comment", "ご意見・ご質問", person.Comment ?? ""),
    ];

    public static string OrganizationTypeLabel(string slug) =>
        OrganizationTypes.All.FirstOrDefault(t => string.Equals(t.Slug, slug, StringComparison.Ordinal)).Label ?? slug;

    /// <summary>confirmed | waitlisted | partial | cancelled.</summary>
    public static string StatusOf(RegistrationView view) =>
        view.OverallStatus == "partially_confirmed" ? StaffStatuses.Partial : view.OverallStatus;
}
