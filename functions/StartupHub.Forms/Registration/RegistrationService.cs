using System.Text.Json;
using Microsoft.Extensions.Logging;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Registration;

/// <summary>
/// Registers and cancels. "Nothing acknowledged is lost" holds because the sealed personal record travels in
/// the same journal entry as the seat it is given (group-committed with the other registrations of the same
/// write, see <see cref="LedgerCoordinator"/>), and the registrant is answered only once that entry is
/// durable: there is never a seat without its person, a person without a seat, or an answer without both.
/// </summary>
public sealed class RegistrationService(
    LedgerCoordinator ledgers,
    FormSecrets secrets,
    RecordSealer sealer,
    TimeProvider time,
    ILogger<RegistrationService> logger,
    Notifications.RegistrationNotifier? notifier = null,
    Audit.AuditRecorder? audit = null)
{
    public async Task<RegisterOutcome> RegisterAsync(
        ManifestEvent evt,
        ValidRegistration registration,
        string? idempotencyKey,
        ReadOnlyMemory<byte> requestBody,
        CancellationToken cancellationToken,
        string actor = "public")
    {
        string emailFingerprint = secrets.EmailFingerprint(registration.Registrant.Email);
        string requestFingerprint = secrets.Fingerprint("request", requestBody.Span);
        string? keyFingerprint = idempotencyKey is null ? null : secrets.Fingerprint("idempotency-key", System.Text.Encoding.UTF8.GetBytes(idempotencyKey));

        // Cheap pre-check against a recent copy: retries and double clicks should not store personal data
        // a second time. The ledger write below is still the authority.
        EventLedger? recent = await ledgers.ReadRecentAsync(evt, cancellationToken);
        if (recent is not null && LedgerRules.FindExisting(recent, emailFingerprint, keyFingerprint, requestFingerprint) is not null)
        {
            Lookup lookup = await ledgers.ExecuteAsync(evt, (ledger, _) =>
                new Lookup(LedgerRules.FindExisting(ledger, emailFingerprint, keyFingerprint, requestFingerprint)));
            if (lookup.Outcome is { } existing)
            {
                LogOutcome(evt, existing);
                return existing;
            }
        }

        string recordId = NewRecordId();
        DateTimeOffset now = time.GetUtcNow();
        EventRegistrationRecord record = new(1, recordId, evt.Id, registration.Sessions, now,
            new Consent(registration.PurposeVersion, now), registration.Registrant);
        PendingRecord pending = RegistrationRecords.Seal(sealer, evt.Id, recordId, JsonSerializer.SerializeToUtf8Bytes(record, FormsJson.Options));
        // The coordinator stores the sealed record in the journal entry of the version that takes this
        // registration (and only if it does), and answers only once that entry is durable. The "create"
        // audit event travels in the same entry (durable before the answer) and reaches the audit log
        // through the pump afterwards, so the registrant does not wait for a second group commit.
        bool journalAudit = audit is not null && ledgers.AuditsThroughJournal;
        RegisterOutcome result = await ledgers.ExecuteAsync(
            evt,
            (ledger, at) => LedgerRules.Register(ledger, recordId, emailFingerprint, registration.Sessions, keyFingerprint, requestFingerprint, at),
            pending,
            journalAudit ? (outcome, before) => outcome is RegisterOutcome.Created c && !before.Registrations.ContainsKey(recordId)
                ? [CreatedEvent(evt, recordId, c.View, actor)]
                : [] : null);
        LogOutcome(evt, result);
        // Without the journal path (no pump, or a test's audit log): after the durable write, overlapped with
        // the mail enqueue below and awaited before answering. RecordAsync never throws: the registration
        // already holds its seat, so an audit-store failure is logged and retried, never an error for the registrant.
        Task audited = !journalAudit && result is RegisterOutcome.Created forAudit && audit is not null
            ? audit.RecordAsync(CreatedEvent(evt, recordId, forAudit.View, actor))
            : Task.CompletedTask;

        if (result is RegisterOutcome.Created created && notifier is not null)
        {
            // After the durable ledger write; never throws (a lost mail is logged, the seat is kept).
            await notifier.RegisteredAsync(evt, created.View, registration.Registrant);
        }

        await audited;

        return result;
    }

    public async Task<CancelOutcome> CancelAsync(ManifestEvent evt, string registrationId, string actor = "public")
    {
        bool journalAudit = audit is not null && ledgers.AuditsThroughJournal;
        CancelOutcome outcome = await ledgers.ExecuteAsync(
            evt,
            (ledger, at) => LedgerRules.Cancel(ledger, registrationId, at),
            audit: journalAudit ? (o, _) => o is CancelOutcome.Cancelled c ? CancelledEvents(evt, registrationId, c, actor) : [] : null);
        if (outcome is CancelOutcome.Cancelled cancelled)
        {
            DateTimeOffset now = time.GetUtcNow();
            Log.Cancelled(logger, now, evt.Id, registrationId, cancelled.Promoted.Count);
            foreach ((string promotedId, string sessionId) in cancelled.Promoted)
            {
                Log.Promoted(logger, now, evt.Id, promotedId, sessionId);
            }

            if (audit is not null && !journalAudit)
            {
                // As for creates: after the durable write, and never a reason to fail the cancellation.
                foreach (Audit.AuditEvent auditEvent in CancelledEvents(evt, registrationId, cancelled, actor))
                {
                    await audit.RecordAsync(auditEvent);
                }
            }

            if (notifier is not null)
            {
                await notifier.CancelledAsync(evt, registrationId, cancelled.Promoted);
            }
        }

        return outcome;
    }

    public async Task<IReadOnlyList<SessionAvailability>> AvailabilityAsync(ManifestEvent evt, CancellationToken cancellationToken) =>
        LedgerRules.Availability(await ledgers.ReadRecentAsync(evt, cancellationToken), evt);

    private static Audit.AuditEvent CreatedEvent(ManifestEvent evt, string recordId, RegistrationView view, string actor) =>
        new("create", StorageKeys.EventRegistrationForm, $"{evt.Id}/{recordId}", actor,
            new Dictionary<string, string> { ["status"] = view.OverallStatus, ["number"] = view.Number });

    /// <summary>The cancellation, then one "promote" per seat it freed (by the system, naming the cancellation).</summary>
    private static List<Audit.AuditEvent> CancelledEvents(ManifestEvent evt, string registrationId, CancelOutcome.Cancelled cancelled, string actor)
    {
        List<Audit.AuditEvent> events =
        [
            new("cancel", StorageKeys.EventRegistrationForm, $"{evt.Id}/{registrationId}", actor,
                new Dictionary<string, string> { ["promoted"] = cancelled.Promoted.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        ];
        foreach ((string promotedId, string sessionId) in cancelled.Promoted)
        {
            events.Add(new("promote", StorageKeys.EventRegistrationForm, $"{evt.Id}/{promotedId}", "system",
                new Dictionary<string, string> { ["session"] = sessionId, ["after_cancel"] = registrationId }));
        }

        return events;
    }

    /// <summary>128 random bits in a sortable-by-time form (UUIDv7), safe as a path segment and unguessable
    /// enough that the id alone grants nothing; cancelling also needs the HMAC token.</summary>
    private static string NewRecordId() => Guid.CreateVersion7().ToString("N");

    private void LogOutcome(ManifestEvent evt, RegisterOutcome outcome)
    {
        DateTimeOffset now = time.GetUtcNow();
        switch (outcome)
        {
            case RegisterOutcome.Created c:
                Log.Registered(logger, now, "created", evt.Id, c.View.RegistrationId, c.View.Number, c.View.OverallStatus);
                break;
            case RegisterOutcome.DuplicateEmail d:
                Log.Registered(logger, now, "duplicate_email", evt.Id, d.View.RegistrationId, d.View.Number, d.View.OverallStatus);
                break;
            case RegisterOutcome.Replayed r:
                Log.Registered(logger, now, "idempotent_replay", evt.Id, r.View.RegistrationId, r.View.Number, r.View.OverallStatus);
                break;
            default:
                break;
        }
    }

    private sealed record Lookup(RegisterOutcome? Outcome);
}
