using System.Collections.Concurrent;
using System.Text.Json;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Notifications;

/// <summary>What one dispatch attempt did with one queued mail.</summary>
public enum DispatchResult
{
    Sent,
    RetryLater,
    Failed,
    NotDue,
    Busy,
    Gone,
    NotConfigured,
    Unreadable,
}

/// <summary>
/// Sends queued mails. Every state change is a conditional replace of the sealed pending object, so the
/// timer, the in-process wake-up and other instances can all run at once: whoever claims a mail (attempts + 1,
/// a lease) sends it; the others see it busy. A sent mail leaves a receipt without personal data under
/// outbox/sent/ and its pending object is deleted; after <see cref="FormsMailOptions.MaxAttempts"/> failures
/// (or a permanent refusal) it moves, still sealed, to outbox/failed/ for an operator to look at.
/// Delivery is at least once: a crash between the SMTP hand-over and the receipt resends after the lease;
/// the Message-ID stays the same so receivers can drop the duplicate.
/// </summary>
public sealed class OutboxDispatcher(
    IFormStore store,
    RecordSealer sealer,
    IMailSender sender,
    IOptions<FormsOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    private readonly ConcurrentDictionary<Task, byte> _woken = new();

    private FormsMailOptions Mail => options.Value.Mail;

    /// <summary>Tries every queued mail that is due, oldest first. Returns how each one went.</summary>
    public async Task<IReadOnlyList<DispatchResult>> DispatchDueAsync(CancellationToken cancellationToken)
    {
        List<string> ids = [];
        await foreach (string key in store.ListAsync(OutboxKeys.PendingPrefix, cancellationToken))
        {
            ids.Add(OutboxKeys.IdOf(key));
        }

        List<DispatchResult> results = [];
        foreach (string id in ids)
        {
            DispatchResult result = await DispatchAsync(id, cancellationToken);
            results.Add(result);
            if (result == DispatchResult.NotConfigured)
            {
                break; // the same for every mail; one log line per run is enough
            }
        }

        return results;
    }

    /// <summary>Sends one mail in the background right after it was queued (errors are logged, never thrown).</summary>
    public void Wake(string id)
    {
        if (sender is UnconfiguredMailSender)
        {
            return; // nothing can be sent; the timer reports it once a minute
        }

        Task task = Task.Run(async () =>
        {
            try
            {
                await DispatchAsync(id, CancellationToken.None);
            }
            catch (Exception ex)
            {
                NotificationLog.DispatchError(logger, time.GetUtcNow(), id, ex.GetType().Name);
            }
        });
        _woken.TryAdd(task, 0);
        _ = task.ContinueWith(t => _woken.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Completes when every background send started so far has finished (shutdown, tests).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_woken.Keys);

    public async Task<DispatchResult> DispatchAsync(string id, CancellationToken cancellationToken)
    {
        if (sender is UnconfiguredMailSender)
        {
            // Not the mail's fault and the same for every mail: no store writes, one log line per run.
            NotificationLog.NotConfigured(logger, time.GetUtcNow(), id, "Forms:Mail:Smtp:Host is not set (Azure storage, no pickup folder)");
            return DispatchResult.NotConfigured;
        }

        string key = OutboxKeys.Pending(id);
        StoredObject? stored = await store.ReadAsync(key, cancellationToken);
        if (stored is null)
        {
            return DispatchResult.Gone;
        }

        OutboxEntry entry;
        try
        {
            entry = OutboxEntry.Open(sealer, key, stored.Content.Span);
        }
        catch (Exception ex) when (ex is RecordSealException or JsonException)
        {
            // Most likely a retired encryption key: leave it for an operator rather than destroy it.
            NotificationLog.Unreadable(logger, time.GetUtcNow(), id, ex.GetType().Name);
            return DispatchResult.Unreadable;
        }

        DateTimeOffset now = time.GetUtcNow();
        if (entry.LeasedUntil is { } lease && lease > now)
        {
            return DispatchResult.Busy;
        }

        if (entry.NextAttemptAt > now)
        {
            return DispatchResult.NotDue;
        }

        if (entry.Attempts > 0 && await store.ReadAsync(OutboxKeys.Sent(id), cancellationToken) is not null)
        {
            // Sent by an earlier attempt that stopped before deleting the pending object.
            await store.DeleteAsync(key, cancellationToken);
            return DispatchResult.Sent;
        }

        OutboxEntry claimed = entry with { Attempts = entry.Attempts + 1, LeasedUntil = now.AddSeconds(Math.Max(1, Mail.LeaseSeconds)) };
        string? etag = await store.TryReplaceAsync(key, claimed.Seal(sealer, key), stored.ETag, cancellationToken);
        if (etag is null)
        {
            return DispatchResult.Busy;
        }

        MimeMessage message;
        try
        {
            message = MimeMessages.Build(claimed, Mail);
            await sender.SendAsync(message, cancellationToken);
        }
        catch (MailNotConfiguredException ex)
        {
            // Not the mail's fault: do not count the attempt, look again after the base delay.
            await store.TryReplaceAsync(key, (entry with { NextAttemptAt = now.AddSeconds(Math.Max(1, Mail.RetryBaseSeconds)) }).Seal(sealer, key), etag, cancellationToken);
            NotificationLog.NotConfigured(logger, now, id, ex.Message);
            return DispatchResult.NotConfigured;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            string error = Describe(ex);
            if (ex is MailRejectedException or ParseException or ArgumentException || claimed.Attempts >= Math.Max(1, Mail.MaxAttempts))
            {
                await MoveToFailedAsync(claimed with { LeasedUntil = null, LastError = error }, cancellationToken);
                NotificationLog.Failed(logger, time.GetUtcNow(), id, entry.Mail.Kind, entry.Mail.Reference, claimed.Attempts, error);
                return DispatchResult.Failed;
            }

            DateTimeOffset next = time.GetUtcNow() + Backoff(claimed.Attempts);
            await store.TryReplaceAsync(key, (claimed with { LeasedUntil = null, NextAttemptAt = next, LastError = error }).Seal(sealer, key), etag, cancellationToken);
            NotificationLog.Retry(logger, time.GetUtcNow(), id, entry.Mail.Kind, entry.Mail.Reference, claimed.Attempts, next, error);
            return DispatchResult.RetryLater;
        }

        DateTimeOffset sentAt = time.GetUtcNow();
        SentReceipt receipt = new(id, entry.Mail.Kind, entry.Mail.Reference, entry.CreatedAt, sentAt, claimed.Attempts, message.MessageId ?? "");
        await store.TryCreateAsync(OutboxKeys.Sent(id), JsonSerializer.SerializeToUtf8Bytes(receipt, FormsJson.Options), cancellationToken);
        await store.DeleteAsync(key, cancellationToken);
        NotificationLog.Sent(logger, sentAt, id, entry.Mail.Kind, entry.Mail.Reference, claimed.Attempts);
        return DispatchResult.Sent;
    }

    /// <summary>base × 2^(attempt − 1), capped: 1 min, 2, 4, 8, … up to an hour with the defaults.</summary>
    public TimeSpan Backoff(int attempt)
    {
        double seconds = Math.Max(0, Mail.RetryBaseSeconds) * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, Math.Max(Mail.RetryBaseSeconds, Mail.RetryMaxSeconds)));
    }

    private async Task MoveToFailedAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        string failedKey = OutboxKeys.Failed(entry.Id);
        // Re-sealed under its new key: the key is the associated data, so the old bytes would not open there.
        await store.TryCreateAsync(failedKey, entry.Seal(sealer, failedKey), cancellationToken);
        await store.DeleteAsync(OutboxKeys.Pending(entry.Id), cancellationToken);
    }

    /// <summary>An error description safe for logs and storage: type and SMTP status only, never the server's text.</summary>
    private static string Describe(Exception ex) => ex switch
    {
        MailRejectedException rejected => rejected.Message,
        SmtpCommandException smtp => $"smtp-{(int)smtp.StatusCode}-{smtp.ErrorCode}",
        SmtpProtocolException => "smtp-protocol",
        ServiceNotConnectedException => "smtp-not-connected",
        System.Net.Sockets.SocketException socket => $"socket-{socket.SocketErrorCode}",
        _ => ex.GetType().Name,
    };
}
