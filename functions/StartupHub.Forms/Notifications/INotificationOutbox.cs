namespace StartupHub.Forms.Notifications;

/// <summary>
/// The durable queue of e-mails. <see cref="EnqueueAsync"/> returns once the mail is stored (sealed); a
/// dispatcher sends it later (within seconds in-process, at the latest on the next timer run) and retries
/// with back-off. Callers enqueue only after their own durable write, so a mail never announces something
/// that was not stored.
/// </summary>
public interface INotificationOutbox
{
    /// <exception cref="Storage.StorageUnavailableException">The mail could not be stored.</exception>
    Task EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
