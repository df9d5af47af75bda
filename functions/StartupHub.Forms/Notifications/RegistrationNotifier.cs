using Microsoft.Extensions.Logging;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Registration;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Notifications;

/// <summary>
/// Queues the mails about registrations. Called by <see cref="RegistrationService"/> after the ledger write
/// is durable, and never throws: the registration (or cancellation) is already stored and the registrant
/// already has, or is about to get, the answer with the number and cancellation link on screen. A lost mail
/// is logged (mail.enqueue_failed, with the receipt number) so staff can follow up; failing the request
/// instead would make the registrant retry something that already succeeded.
/// </summary>
public sealed class RegistrationNotifier(
    INotificationOutbox outbox,
    IFormsManifestProvider manifests,
    LedgerCoordinator ledgers,
    IFormStore store,
    RecordSealer sealer,
    FormSecrets secrets,
    TimeProvider time,
    ILogger<RegistrationNotifier> logger)
{
    /// <summary>Long enough for a slow store, short enough not to hold the registrant's answer for long.</summary>
    private static readonly TimeSpan EnqueueTimeout = TimeSpan.FromSeconds(15);

    public async Task RegisteredAsync(ManifestEvent evt, RegistrationView view, Registrant person)
    {
        string reference = $"{StorageKeys.EventRegistrationForm}/{evt.Id}/{view.Number}";
        if (Site(MailKinds.RegistrationReceived, reference) is not { } site)
        {
            return;
        }

        await EnqueueAsync(MailKinds.RegistrationReceived, reference, () =>
            RegistrationMails.Received(site, evt, view, person, secrets.CancellationToken(evt.Id, view.RegistrationId)));
    }

    /// <summary>The cancellation mail to the person who cancelled, and a promotion mail to each person the
    /// cancellation moved off the waitlist. Both need the people's addresses, read from their sealed records.</summary>
    public async Task CancelledAsync(ManifestEvent evt, string registrationId, IReadOnlyList<(string RegistrationId, string SessionId)> promoted)
    {
        string reference = $"{StorageKeys.EventRegistrationForm}/{evt.Id}/{registrationId}";
        if (Site(MailKinds.RegistrationCancelled, reference) is not { } site)
        {
            return;
        }

        EventLedger? ledger;
        try
        {
            using CancellationTokenSource timeout = new(EnqueueTimeout);
            // The coordinator keeps the ledger it has just written as the recent copy, so this is at least as new as the cancellation.
            ledger = await ledgers.ReadRecentAsync(evt, timeout.Token);
        }
        catch (Exception ex)
        {
            NotificationLog.EnqueueFailed(logger, time.GetUtcNow(), MailKinds.RegistrationCancelled, reference, ex.GetType().Name);
            return;
        }

        if (ledger is null)
        {
            return;
        }

        await EnqueueForAsync(ledger, registrationId, MailKinds.RegistrationCancelled, (view, person) =>
            RegistrationMails.Cancelled(site, evt, view, person));
        foreach (IGrouping<string, (string RegistrationId, string SessionId)> person in promoted.GroupBy(p => p.RegistrationId))
        {
            string[] sessions = person.Select(p => p.SessionId).ToArray();
            await EnqueueForAsync(ledger, person.Key, MailKinds.RegistrationPromoted, (view, record) =>
                RegistrationMails.Promoted(site, evt, view, record, sessions, secrets.CancellationToken(evt.Id, view.RegistrationId)));
        }
    }

    private async Task EnqueueForAsync(EventLedger ledger, string registrationId, string kind, Func<RegistrationView, Registrant, OutgoingMail> compose)
    {
        if (!ledger.Registrations.ContainsKey(registrationId))
        {
            return;
        }

        RegistrationView view = LedgerRules.ViewOf(ledger, registrationId);
        string reference = $"{StorageKeys.EventRegistrationForm}/{ledger.EventId}/{view.Number}";
        EventRegistrationRecord? record;
        try
        {
            using CancellationTokenSource timeout = new(EnqueueTimeout);
            record = await RegistrationRecords.ReadAsync(store, sealer, ledger, registrationId, timeout.Token);
        }
        catch (Exception ex)
        {
            NotificationLog.EnqueueFailed(logger, time.GetUtcNow(), kind, reference, ex.GetType().Name);
            return;
        }

        if (record is null)
        {
            NotificationLog.Skipped(logger, time.GetUtcNow(), kind, reference, "record-missing");
            return;
        }

        await EnqueueAsync(kind, reference, () => compose(view, record.Personal));
    }

    private ManifestSite? Site(string kind, string reference)
    {
        try
        {
            if (manifests.GetManifest().Site is { } site)
            {
                return site;
            }
        }
        catch (ManifestUnavailableException)
        {
        }

        NotificationLog.Skipped(logger, time.GetUtcNow(), kind, reference, "manifest-without-site");
        return null;
    }

    private async Task EnqueueAsync(string kind, string reference, Func<OutgoingMail> compose)
    {
        try
        {
            using CancellationTokenSource timeout = new(EnqueueTimeout);
            // Not the request's token: a registrant who closes the tab after the seat was taken still gets the mail.
            await outbox.EnqueueAsync(compose(), timeout.Token);
        }
        catch (Exception ex)
        {
            NotificationLog.EnqueueFailed(logger, time.GetUtcNow(), kind, reference, ex.GetType().Name);
        }
    }
}
