using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StartupHub.Forms.Registration.Journal;

/// <summary>
/// Runs <see cref="LedgerAuditPump.CatchUpAllAsync"/> at start-up and then every few minutes. A process that
/// stopped after a journal write but before the audit append, or another instance that went away, leaves
/// events in the journal that no new registration of that event may ever trigger; this picks them up. The
/// chain refuses duplicates, so running it next to the per-event pumps is harmless.
/// </summary>
public sealed class LedgerAuditCatchUpService(LedgerAuditPump pump, TimeProvider time, ILogger<LedgerAuditCatchUpService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!pump.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pump.CatchUpAllAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The store may be briefly unavailable; the events wait in the journal for the next round.
                Log.AuditPumpFailed(logger, time.GetUtcNow(), "*", ex.GetType().Name);
            }

            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
