using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StartupHub.Forms.Notifications;

/// <summary>
/// For hosts without a timer trigger (the local `serve`): sends due mails every
/// <see cref="FormsMailOptions.DrainIntervalSeconds"/> — retries, and mails queued while the process was down.
/// The Functions app uses NotificationFunctions' timer instead.
/// </summary>
public sealed class OutboxDrainService(
    OutboxDispatcher dispatcher,
    IOptions<FormsOptions> options,
    TimeProvider time,
    ILogger<OutboxDrainService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        TimeSpan interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.Mail.DrainIntervalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The store may be briefly unavailable; the next round tries again.
                NotificationLog.DispatchError(logger, time.GetUtcNow(), null, ex.GetType().Name);
            }

            try
            {
                // The real clock on purpose: `serve --now` fixes the site's clock, not the passing of time.
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await dispatcher.WhenIdleAsync();
    }
}
