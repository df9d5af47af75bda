using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Registration;

/// <summary>
/// Serialises changes to each event's ledger. Across instances, safety comes from optimistic concurrency
/// on the store (read with ETag → apply → write with If-Match → on conflict re-read and re-apply, bounded
/// attempts with jittered back-off). Within one instance, concurrent requests for the same event are
/// grouped into one batch per write ("group commit"): one request drains the queue while the others wait
/// for its result. That keeps the conflict rate low and lets hundreds of registrations share a write
/// without weakening anything: each request is answered only after the write that contains it succeeded.
/// </summary>
public sealed class LedgerCoordinator(IFormStore store, IOptions<FormsOptions> options, TimeProvider time, ILogger<LedgerCoordinator> logger)
{
    private static readonly TimeSpan SnapshotFreshness = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, EventQueue> _queues = new(StringComparer.Ordinal);
    private long _conflicts;
    private long _writes;

    /// <summary>Writes that lost an If-Match race and were retried (exposed for tests and the load test).</summary>
    public long ConflictRetries => Interlocked.Read(ref _conflicts);

    public long SuccessfulWrites => Interlocked.Read(ref _writes);

    /// <summary>Applies <paramref name="apply"/> to the event's ledger and returns its result once the change is durable.</summary>
    /// <exception cref="StorageUnavailableException">The store failed or contention outlasted the retry budget; nothing was acknowledged.</exception>
    public Task<T> ExecuteAsync<T>(ManifestEvent evt, Func<EventLedger, DateTimeOffset, T> apply)
        where T : class
    {
        EventQueue queue = _queues.GetOrAdd(evt.Id, _ => new EventQueue());
        PendingCommand command = new((ledger, now) => apply(ledger, now));
        queue.Pending.Enqueue(command);
        if (Interlocked.CompareExchange(ref queue.Draining, 1, 0) == 0)
        {
            _ = Task.Run(() => DrainAsync(queue, evt));
        }

        return AwaitTyped<T>(command.Completion.Task);
    }

    /// <summary>
    /// A recent copy of the ledger for reads that may be a few seconds stale (availability, pre-checks).
    /// The copy is parsed once and shared, so it must be treated as read-only; and only one store read per
    /// event is in flight at a time, so a burst of requests does not download the ledger a thousand times.
    /// </summary>
    public async Task<EventLedger?> ReadRecentAsync(ManifestEvent evt, CancellationToken cancellationToken)
    {
        EventQueue queue = _queues.GetOrAdd(evt.Id, _ => new EventQueue());
        Snapshot? snapshot = queue.Latest;
        if (snapshot is null || time.GetUtcNow() - snapshot.ReadAt > SnapshotFreshness)
        {
            Task<Snapshot?> refresh;
            lock (queue)
            {
                refresh = queue.Refresh ??= RefreshAsync(queue, evt);
            }

            snapshot = await refresh.WaitAsync(cancellationToken);
        }

        return snapshot?.Parsed.Value;
    }

    private async Task<Snapshot?> RefreshAsync(EventQueue queue, ManifestEvent evt)
    {
        await Task.Yield();
        try
        {
            StoredObject? stored = await store.ReadAsync(StorageKeys.EventLedger(evt.Id), CancellationToken.None);
            Snapshot? snapshot = stored is null ? null : new Snapshot(stored.Content, stored.ETag, time.GetUtcNow());
            if (snapshot is not null)
            {
                queue.Latest = snapshot;
            }

            return snapshot;
        }
        finally
        {
            lock (queue)
            {
                queue.Refresh = null;
            }
        }
    }

    private static async Task<T> AwaitTyped<T>(Task<object> task) => (T)await task;

    private async Task DrainAsync(EventQueue queue, ManifestEvent evt)
    {
        while (true)
        {
            List<PendingCommand> batch = [];
            while (batch.Count < Math.Max(1, options.Value.Ledger.MaxBatch) && queue.Pending.TryDequeue(out PendingCommand? next))
            {
                batch.Add(next);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(queue, evt, batch);
                continue;
            }

            Volatile.Write(ref queue.Draining, 0);
            // A request may have enqueued after our last TryDequeue but before we released the flag.
            if (queue.Pending.IsEmpty || Interlocked.CompareExchange(ref queue.Draining, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task CommitAsync(EventQueue queue, ManifestEvent evt, List<PendingCommand> batch)
    {
        string key = StorageKeys.EventLedger(evt.Id);
        int maxAttempts = Math.Max(1, options.Value.Ledger.MaxAttempts);
        try
        {
            for (int attempt = 1; attempt <= maxAttempts; attempt++)
            {
                Snapshot? snapshot = queue.Latest;
                if (snapshot is null || attempt > 1)
                {
                    StoredObject? stored = await store.ReadAsync(key, CancellationToken.None);
                    snapshot = stored is null ? null : new Snapshot(stored.Content, stored.ETag, time.GetUtcNow());
                }

                DateTimeOffset now = time.GetUtcNow();
                EventLedger ledger = snapshot is null ? EventLedger.New(evt.Id) : Deserialize(snapshot.Content);
                Dictionary<string, int> confirmedBefore = ledger.Sessions.ToDictionary(s => s.Key, s => s.Value.Confirmed.Count);
                long readVersion = ledger.Version;
                ledger.Version = readVersion + 1;
                LedgerRules.SyncCapacities(ledger, evt, now);
                object[] results = new object[batch.Count];
                for (int i = 0; i < batch.Count; i++)
                {
                    results[i] = batch[i].Apply(ledger, now);
                }

                if (!ledger.Dirty)
                {
                    Complete(batch, results);
                    return;
                }

                LedgerRules.CheckInvariants(ledger, confirmedBefore);
                byte[] content = JsonSerializer.SerializeToUtf8Bytes(ledger, FormsJson.Options);
                string? etag = snapshot is null
                    ? await store.TryCreateAsync(key, content, CancellationToken.None)
                    : await store.TryReplaceAsync(key, content, snapshot.ETag, CancellationToken.None);
                if (etag is not null)
                {
                    queue.Latest = new Snapshot(content, etag, time.GetUtcNow());
                    Interlocked.Increment(ref _writes);
                    Log.LedgerWritten(logger, time.GetUtcNow(), evt.Id, ledger.Version, batch.Count);
                    Complete(batch, results);
                    return;
                }

                Interlocked.Increment(ref _conflicts);
                queue.Latest = null;
                Log.LedgerConflict(logger, time.GetUtcNow(), evt.Id, readVersion, attempt);
                // Full jitter on an exponential ceiling keeps competing instances from retrying in lockstep.
                int ceilingMs = Math.Min(250, 10 << Math.Min(attempt, 5));
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, ceilingMs)), time);
            }

            Log.LedgerGaveUp(logger, time.GetUtcNow(), evt.Id, maxAttempts);
            Fail(batch, new StorageUnavailableException($"ledger for {evt.Id} stayed contended after {maxAttempts} attempts"));
        }
        catch (Exception ex)
        {
            queue.Latest = null;
            Log.LedgerFailed(logger, time.GetUtcNow(), evt.Id, ex.GetType().Name);
            Fail(batch, ex is StorageUnavailableException ? ex : new StorageUnavailableException($"ledger write for {evt.Id} failed", ex));
        }
    }

    private static EventLedger Deserialize(ReadOnlyMemory<byte> content) =>
        JsonSerializer.Deserialize<EventLedger>(content.Span, FormsJson.Options) ?? throw new JsonException("empty ledger");

    private static void Complete(List<PendingCommand> batch, object[] results)
    {
        for (int i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(results[i]);
        }
    }

    private static void Fail(List<PendingCommand> batch, Exception ex)
    {
        foreach (PendingCommand command in batch)
        {
            command.Completion.TrySetException(ex);
        }
    }

    private sealed class EventQueue
    {
        public readonly ConcurrentQueue<PendingCommand> Pending = new();
        public int Draining;
        public volatile Snapshot? Latest;
        public Task<Snapshot?>? Refresh;
    }

    private sealed record Snapshot(ReadOnlyMemory<byte> Content, string ETag, DateTimeOffset ReadAt)
    {
        /// <summary>Parsed on first use and shared by all readers of this version.</summary>
        public Lazy<EventLedger> Parsed { get; } = new(() => Deserialize(Content));
    }

    private sealed class PendingCommand(Func<EventLedger, DateTimeOffset, object> apply)
    {
        public Func<EventLedger, DateTimeOffset, object> Apply { get; } = apply;

        public TaskCompletionSource<object> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
