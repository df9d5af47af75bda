using Microsoft.Extensions.Logging;

namespace StartupHub.Forms.Notifications;

/// <summary>
/// The outbox's log lines. Mails are identified by outbox id, kind and reference (form/event/number); the
/// recipient's address, name and the mail text never appear, nor do SMTP server replies (they may echo the address).
/// </summary>
internal static partial class NotificationLog
{
    [LoggerMessage(1401, LogLevel.Information, "mail.sent at={AtUtc:o} id={Id} kind={Kind} ref={Reference} attempts={Attempts}")]
    public static partial void Sent(ILogger logger, DateTimeOffset atUtc, string id, string kind, string reference, int attempts);

    [LoggerMessage(1402, LogLevel.Warning, "mail.retry at={AtUtc:o} id={Id} kind={Kind} ref={Reference} attempt={Attempt} next={NextUtc:o} error={Error}")]
    public static partial void Retry(ILogger logger, DateTimeOffset atUtc, string id, string kind, string reference, int attempt, DateTimeOffset nextUtc, string error);

    [LoggerMessage(1403, LogLevel.Error, "mail.failed at={AtUtc:o} id={Id} kind={Kind} ref={Reference} attempts={Attempts} error={Error} (moved to outbox/failed/)")]
    public static partial void Failed(ILogger logger, DateTimeOffset atUtc, string id, string kind, string reference, int attempts, string error);

    [LoggerMessage(1404, LogLevel.Warning, "mail.not_configured at={AtUtc:o} id={Id} reason={Reason} (the mail stays queued)")]
    public static partial void NotConfigured(ILogger logger, DateTimeOffset atUtc, string id, string reason);

    [LoggerMessage(1405, LogLevel.Error, "mail.unreadable at={AtUtc:o} id={Id} error={Error} (left in outbox/pending/)")]
    public static partial void Unreadable(ILogger logger, DateTimeOffset atUtc, string id, string error);

    [LoggerMessage(1406, LogLevel.Error, "mail.enqueue_failed at={AtUtc:o} kind={Kind} ref={Reference} error={Error} (the registration or submission itself is stored)")]
    public static partial void EnqueueFailed(ILogger logger, DateTimeOffset atUtc, string kind, string reference, string error);

    [LoggerMessage(1407, LogLevel.Warning, "mail.skipped at={AtUtc:o} kind={Kind} ref={Reference} reason={Reason}")]
    public static partial void Skipped(ILogger logger, DateTimeOffset atUtc, string kind, string reference, string reason);

    [LoggerMessage(1408, LogLevel.Error, "mail.dispatch_error at={AtUtc:o} id={Id} error={Error}")]
    public static partial void DispatchError(ILogger logger, DateTimeOffset atUtc, string? id, string error);

    [LoggerMessage(1409, LogLevel.Information, "mail.queued at={AtUtc:o} id={Id} kind={Kind} ref={Reference}")]
    public static partial void Queued(ILogger logger, DateTimeOffset atUtc, string id, string kind, string reference);
}
