using Microsoft.Azure.Functions.Worker;
using StartupHub.Forms.Notifications;

namespace StartupHub.Functions;

/// <summary>
/// Sends queued confirmation e-mails every minute: retries after SMTP failures, and mails whose in-process
/// wake-up did not get to run (the instance was recycled right after answering). Most mails are already
/// gone by then: the outbox tries to send each one in the background as soon as it is queued.
/// </summary>
public sealed class NotificationFunctions(OutboxDispatcher dispatcher)
{
    [Function("DispatchOutbox")]
    public async Task DispatchOutbox([TimerTrigger("0 */1 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        _ = timer;
        await dispatcher.DispatchDueAsync(cancellationToken);
        // Sends this instance started in the background finish before the function reports done.
        await dispatcher.WhenIdleAsync();
    }
}
