using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StartupHub.Forms.Audit;

/// <summary>
/// For callers that record something which has already happened (a registration that is durable and will
/// be acknowledged): the audit append must not turn a success into a failure. <see cref="RecordAsync"/>
/// waits for the append as usual, but if the store fails it logs the event's ids, keeps the event in a
/// bounded in-memory buffer and retries in the background with back-off. The entry then carries
/// <c>occurred_at</c> with the original time. The limit of this: a process that dies with a non-empty
/// buffer loses those entries; the log line written when they were deferred (and the ledger's own change
/// history for registrations) is what remains.
/// </summary>
public sealed class AuditRecorder(IAuditLog log, IOptions<FormsOptions> options, TimeProvider time, ILogger<AuditRecorder> logger)
{
    private readonly ConcurrentQueue<AuditEvent> _buffer = new();
    private int _retrying;

    /// <summary>Events waiting for a retry.</summary>
    public int Buffered => _buffer.Count;

    /// <summary>Appends, or defers on failure. Never throws.</summary>
    public async Task RecordAsync(AuditEvent evt)
    {
        try
        {
            await log.AppendAsync(evt, CancellationToken.None);
        }
        catch (ArgumentException)
        {
            // A malformed event is a programming error; retrying cannot fix it, and failing the caller's
            // already-completed action would be worse. Logged by ids, never silently.
            Log.AuditDropped(logger, time.GetUtcNow(), evt.Action, evt.Form, evt.Subject);
        }
        catch (Exception ex)
        {
            Defer(evt, ex);
        }
    }

    private void Defer(AuditEvent evt, Exception ex)
    {
        Dictionary<string, string> details = new(evt.Details ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        details.TryAdd("occurred_at", Audit.AuditEncoding.FormatTime(time.GetUtcNow()));
        _buffer.Enqueue(evt with { Details = details });
        while (_buffer.Count > Math.Max(1, options.Value.Audit.RetryBufferLimit) && _buffer.TryDequeue(out AuditEvent? dropped))
        {
            Log.AuditDropped(logger, time.GetUtcNow(), dropped.Action, dropped.Form, dropped.Subject);
        }

        Log.AuditDeferred(logger, time.GetUtcNow(), evt.Action, evt.Form, evt.Subject, _buffer.Count, ex.GetType().Name);
        if (Interlocked.CompareExchange(ref _retrying, 1, 0) == 0)
        {
            _ = Task.Run(RetryAsync, CancellationToken.None);
        }
    }

    private async Task RetryAsync()
    {
        TimeSpan delay = TimeSpan.FromSeconds(1);
        try
        {
            while (!_buffer.IsEmpty)
            {
                await Task.Delay(delay, time);
                int recovered = 0;
                while (_buffer.TryPeek(out AuditEvent? next))
                {
                    try
                    {
                        await log.AppendAsync(next, CancellationToken.None);
                    }
                    catch (Exception ex) when (ex is not ArgumentException)
                    {
                        break;
                    }

                    _buffer.TryDequeue(out _);
                    recovered++;
                }

                if (recovered > 0)
                {
                    Log.AuditRecovered(logger, time.GetUtcNow(), recovered);
                    delay = TimeSpan.FromSeconds(1);
                }
                else
                {
                    delay = TimeSpan.FromSeconds(Math.Min(60, delay.TotalSeconds * 2));
                }
            }
        }
        finally
        {
            Volatile.Write(ref _retrying, 0);
            if (!_buffer.IsEmpty && Interlocked.CompareExchange(ref _retrying, 1, 0) == 0)
            {
                _ = Task.Run(RetryAsync, CancellationToken.None);
            }
        }
    }
}
