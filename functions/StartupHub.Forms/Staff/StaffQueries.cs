using StartupHub.Forms.Applications;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Staff;

/// <summary>The list filters of GET /api/staff/submissions; each one is optional.</summary>
public sealed record StaffFilter(string? FormId, string? EventId, string? Status, string? Query);

/// <summary>
/// Reads submissions of every form for staff: event registrations from the event ledgers and their records,
/// applications and inquiries from the <see cref="SubmissionStore"/>. Always read fresh from storage.
/// </summary>
public sealed class StaffQueries(EventRegistrationReader registrations, SubmissionStore submissions)
{
    /// <summary>Forms whose submissions staff can see: event registration and the application forms.</summary>
    public static bool IsSubmissionForm(string formId) =>
        formId == StorageKeys.EventRegistrationForm || ApplicationForms.Find(formId) is not null;

    public Task<IReadOnlyList<LoadedEvent>> LoadEventsAsync(FormsManifest manifest, string? eventId, CancellationToken cancellationToken) =>
        registrations.LoadAsync(manifest, eventId, cancellationToken);

    public async Task<IReadOnlyList<StaffRecord>> ListAsync(FormsManifest manifest, StaffFilter filter, CancellationToken cancellationToken)
    {
        List<StaffRecord> found = [];
        if (filter.FormId is null || filter.FormId == StorageKeys.EventRegistrationForm || filter.EventId is not null)
        {
            foreach (LoadedEvent evt in await LoadEventsAsync(manifest, filter.EventId, cancellationToken))
            {
                found.AddRange(RegistrationRecordMapper.All(evt));
            }
        }

        // Applications belong to no event, so an event filter leaves them out.
        if (filter.EventId is null)
        {
            foreach (ApplicationForm form in ApplicationForms.All.Where(f => filter.FormId is null || f.Id == filter.FormId))
            {
                found.AddRange(await ApplicationRecordsAsync(manifest, form.Id, cancellationToken));
            }
        }

        return [.. found
            .Where(r => filter.FormId is null || r.FormId == filter.FormId)
            .Where(r => filter.Status is null || r.Status == filter.Status)
            .Where(r => StaffSearch.Matches(r, filter.Query))
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Number, StringComparer.Ordinal)];
    }

    /// <summary>All records of one form, oldest first (exports and the summary).</summary>
    public async Task<IReadOnlyList<StaffRecord>> FormRecordsAsync(FormsManifest manifest, string formId, string? eventId, CancellationToken cancellationToken) =>
        formId == StorageKeys.EventRegistrationForm
            ? [.. (await LoadEventsAsync(manifest, eventId, cancellationToken)).SelectMany(RegistrationRecordMapper.All)]
            : await ApplicationRecordsAsync(manifest, formId, cancellationToken);

    public async Task<StaffRecord?> FindAsync(FormsManifest manifest, string formId, string id, CancellationToken cancellationToken)
    {
        if (formId != StorageKeys.EventRegistrationForm)
        {
            return await submissions.GetAsync(formId, id, cancellationToken) is { } record ? ApplicationRecordMapper.Map(record, FormTitle(manifest, formId)) : null;
        }

        // A registration id does not say which event it belongs to; the ledgers are few, so ask each.
        foreach (LoadedEvent evt in await LoadEventsAsync(manifest, null, cancellationToken))
        {
            if (evt.Ledger.Registrations.ContainsKey(id))
            {
                return RegistrationRecordMapper.Map(evt, id);
            }
        }

        return null;
    }

    /// <summary>Registrations carry no attachments; applications' PDFs come from the submission store.</summary>
    public Task<AttachmentContent?> OpenAttachmentAsync(string formId, string id, string attachmentId, CancellationToken cancellationToken) =>
        formId == StorageKeys.EventRegistrationForm
            ? Task.FromResult<AttachmentContent?>(null)
            : submissions.OpenAttachmentAsync(formId, id, attachmentId, cancellationToken);

    public Task<SubmissionRecord?> SetStatusAsync(string formId, string id, string status, CancellationToken cancellationToken) =>
        submissions.SetStatusAsync(formId, id, status, cancellationToken);

    public static string FormTitle(FormsManifest manifest, string formId) =>
        manifest.FindForm(formId)?.Title ?? ApplicationForms.Find(formId)?.Title ?? formId;

    private async Task<IReadOnlyList<StaffRecord>> ApplicationRecordsAsync(FormsManifest manifest, string formId, CancellationToken cancellationToken)
    {
        string title = FormTitle(manifest, formId);
        List<StaffRecord> records = [];
        await foreach (SubmissionRecord record in submissions.ListAsync(formId, cancellationToken))
        {
            records.Add(ApplicationRecordMapper.Map(record, title));
        }

        return [.. records.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Number, StringComparer.Ordinal)];
    }
}
