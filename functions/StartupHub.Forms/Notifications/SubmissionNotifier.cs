using Microsoft.Extensions.Logging;
using StartupHub.Forms.Applications;
using StartupHub.Forms.Manifest;

namespace StartupHub.Forms.Notifications;

/// <summary>
/// Queues the receipt to the applicant and the notice (without personal data) to the staff mailbox, after
/// the submission is durably stored. Never throws, for the same reason as <see cref="RegistrationNotifier"/>:
/// the submission is stored and acknowledged; a lost mail is logged with its receipt number.
/// </summary>
public sealed class SubmissionNotifier(
    INotificationOutbox outbox,
    IFormsManifestProvider manifests,
    TimeProvider time,
    ILogger<SubmissionNotifier> logger)
{
    private static readonly TimeSpan EnqueueTimeout = TimeSpan.FromSeconds(15);

    public async Task ReceivedAsync(SubmissionRecord record)
    {
        string reference = $"{record.FormId}/{record.Number}";
        FormsManifest manifest;
        try
        {
            manifest = manifests.GetManifest();
        }
        catch (ManifestUnavailableException)
        {
            NotificationLog.Skipped(logger, time.GetUtcNow(), MailKinds.SubmissionReceived, reference, "manifest-unavailable");
            return;
        }

        if (manifest.Site is not { } site)
        {
            NotificationLog.Skipped(logger, time.GetUtcNow(), MailKinds.SubmissionReceived, reference, "manifest-without-site");
            return;
        }

        await EnqueueAsync(MailKinds.SubmissionReceived, reference, () => SubmissionMails.Receipt(site, manifest, record));
        await EnqueueAsync(MailKinds.StaffNotice, reference, () => SubmissionMails.StaffNotice(site, manifest, record));
    }

    private async Task EnqueueAsync(string kind, string reference, Func<OutgoingMail?> compose)
    {
        try
        {
            if (compose() is not { } mail)
            {
                return;
            }

            using CancellationTokenSource timeout = new(EnqueueTimeout);
            await outbox.EnqueueAsync(mail, timeout.Token);
        }
        catch (Exception ex)
        {
            NotificationLog.EnqueueFailed(logger, time.GetUtcNow(), kind, reference, ex.GetType().Name);
        }
    }
}
