using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Notifications;

/// <summary>
/// Queues mails in the form store under outbox/pending/{id}, sealed (they contain an e-mail address), and
/// then nudges the dispatcher so the mail usually leaves within seconds. If the nudge does not get to
/// send it (the process stops, SMTP is down), the timer or the `serve` drain service does later.
/// </summary>
public sealed class StoreNotificationOutbox(
    IFormStore store,
    RecordSealer sealer,
    OutboxDispatcher dispatcher,
    IOptions<FormsOptions> options,
    TimeProvider time,
    ILogger<StoreNotificationOutbox> logger) : INotificationOutbox
{
    public async Task EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        string id = OutboxKeys.NewId();
        string key = OutboxKeys.Pending(id);
        DateTimeOffset now = time.GetUtcNow();
        OutboxEntry entry = new(1, id, now, 0, now, null, null, mail);
        if (await store.TryCreateAsync(key, entry.Seal(sealer, key), cancellationToken) is null)
        {
            // A fresh UUIDv7 never collides; if it ever did, storing nothing would lose the mail silently.
            throw new StorageUnavailableException($"outbox entry {id} already exists");
        }

        NotificationLog.Queued(logger, now, id, mail.Kind, mail.Reference);
        if (options.Value.Mail.SendImmediately)
        {
            dispatcher.Wake(id);
        }
    }
}
