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

    /// <summary>Changes waiting for the next write of this event (tests use it to build a known batch).</summary>
    internal int QueuedCount(string eventId) => _queues.TryGetValue(eventId, out EventQueue? queue) ? queue.Pending.Count : 0;

    /// <summary>Applies <paramref name="apply"/> to the event's ledger and returns its result once the change is durable.
    /// If the change registers <paramref name="record"/>'s id in the ledger, the record is stored first, in
    /// the batch's records object, and the result is returned only after both writes succeeded.</summary>
    /// <exception cref="StorageUnavailableException">The store failed or contention outlasted the retry budget; nothing was acknowledged.</exception>
    public Task<T> ExecuteAsync<T>(ManifestEvent evt, Func<EventLedger, DateTimeOffset, T> apply, PendingRecord? record = null)
        where T : class
    {
        EventQueue queue = _queues.GetOrAdd(evt.Id, _ => new EventQueue());
        PendingCommand command = new((ledger, now) => apply(ledger, now), record);
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
        // Records stored by earlier attempts of this batch (record id → batch id): a retry after a conflict
        // reuses them instead of storing the same personal data again.
        Dictionary<string, string> storedRecords = new(StringComparer.Ordinal);
        List<string> batchesWritten = [];
        EventLedger? committed = null;
        bool retried = false;
        Exception? failure = null;
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
                EventLedger ledger = snapshot is null ? EventLedger.New(evt.Id) : snapshot.Parsed.Value.Clone();
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
                // Group commit of the personal records: one object for every registration this copy newly
                // holds, written (and durable) before the ledger write that acknowledges them.
                // The ledger is serialised while the records write is in flight (it already names the batch);
                // it is written only once the records are durable.
                Task recordsWrite = StoreRecordsAsync(evt.Id, ledger, batch, storedRecords, batchesWritten, now);
                byte[] content;
                try
                {
                    content = JsonSerializer.SerializeToUtf8Bytes(ledger, FormsJson.Options);
                }
                finally
                {
                    await recordsWrite;
                }

                string? etag = snapshot is null
                    ? await store.TryCreateAsync(key, content, CancellationToken.None)
                    : await store.TryReplaceAsync(key, content, snapshot.ETag, CancellationToken.None);
                if (etag is not null)
                {
                    ledger.Dirty = false;
                    queue.Latest = new Snapshot(content, etag, time.GetUtcNow(), ledger);
                    Interlocked.Increment(ref _writes);
                    Log.LedgerWritten(logger, time.GetUtcNow(), evt.Id, ledger.Version, batch.Count);
                    committed = ledger;
                    Complete(batch, results);
                    return;
                }

                Interlocked.Increment(ref _conflicts);
                retried = true;
                queue.Latest = null;
                Log.LedgerConflict(logger, time.GetUtcNow(), evt.Id, readVersion, attempt);
                // Full jitter on an exponential ceiling keeps competing instances from retrying in lockstep.
                int ceilingMs = Math.Min(250, 10 << Math.Min(attempt, 5));
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, ceilingMs)), time);
            }

            Log.LedgerGaveUp(logger, time.GetUtcNow(), evt.Id, maxAttempts);
            failure = new StorageUnavailableException($"ledger for {evt.Id} stayed contended after {maxAttempts} attempts");
        }
        catch (Exception ex)
        {
            queue.Latest = null;
            Log.LedgerFailed(logger, time.GetUtcNow(), evt.Id, ex.GetType().Name);
            failure = ex is StorageUnavailableException ? ex : new StorageUnavailableException($"ledger write for {evt.Id} failed", ex);
        }
        finally
        {
            try
            {
                // Records objects nobody points to hold only unacknowledged people: after a failure (nobody in the
                // batch was acknowledged) or a conflict retry (which may have changed who got in) they are removed,
                // unless the stored ledger references them after all (a write whose response was lost).
                if (batchesWritten.Count > 0 && (committed is null || retried))
                {
                    await RemoveUnreferencedBatchesAsync(evt.Id, committed, batchesWritten);
                }
            }
            finally
            {
                // Callers hear of a failure only after the clean-up, so a 503 never races the removal of the
                // records it refused (a retry or a staff export sees a consistent store); and always, even if
                // the clean-up itself threw.
                if (failure is not null)
                {
                    Fail(batch, failure);
                }
            }
        }
    }

    private async Task StoreRecordsAsync(string eventId, EventLedger ledger, List<PendingCommand> batch, Dictionary<string, string> storedRecords, List<string> batchesWritten, DateTimeOffset now)
    {
        List<(PendingRecord Record, LedgerRegistration Entry)> unstored = [];
        foreach (PendingCommand command in batch)
        {
            // Only registrations this copy took without a record location yet; one already holding a batch
            // was written by an earlier, successful write of ours (lost response) and keeps its record.
            if (command.Record is { } record && ledger.Registrations.TryGetValue(record.RecordId, out LedgerRegistration? entry) && entry.RecordBatch is null)
            {
                if (storedRecords.TryGetValue(record.RecordId, out string? earlier))
                {
                    entry.RecordBatch = earlier;
                }
                else
                {
                    unstored.Add((record, entry));
                }
            }
        }

        if (unstored.Count == 0)
        {
            return;
        }

        string batchId = Guid.CreateVersion7().ToString("N");
        string key = StorageKeys.EventRegistrationRecordBatch(eventId, batchId);
        byte[] content = RegistrationRecords.BuildBatch(eventId, batchId, now, unstored.Select(u => u.Record).ToList());
        batchesWritten.Add(batchId);
        // Named before the write so the caller can serialise the ledger meanwhile. If the write fails, the
        // whole commit fails and this ledger copy is discarded unwritten.
        foreach ((PendingRecord record, LedgerRegistration entry) in unstored)
        {
            entry.RecordBatch = batchId;
            storedRecords[record.RecordId] = batchId;
        }

        if (await store.TryCreateAsync(key, content, CancellationToken.None) is null)
        {
            // "Already exists" for a fresh UUIDv7 means the client retried a create that had succeeded.
            StoredObject? existing = await store.ReadAsync(key, CancellationToken.None);
            if (existing is null || !existing.Content.Span.SequenceEqual(content))
            {
                throw new InvalidOperationException("record batch id collision");
            }
        }
    }

    /// <summary>Best effort: deletes records objects no registration in the ledger points to. Such records were
    /// never acknowledged; anything this misses (the store being down) is equally unreferenced and can be swept.</summary>
    private async Task RemoveUnreferencedBatchesAsync(string eventId, EventLedger? ledger, List<string> batchesWritten)
    {
        try
        {
            if (ledger is null)
            {
                StoredObject? current = await store.ReadAsync(StorageKeys.EventLedger(eventId), CancellationToken.None);
                ledger = current is null ? EventLedger.New(eventId) : Deserialize(current.Content);
            }

            HashSet<string> referenced = ledger.Registrations.Values.Select(r => r.RecordBatch).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (string batchId in batchesWritten.Where(b => !referenced.Contains(b)))
            {
                await store.DeleteAsync(StorageKeys.EventRegistrationRecordBatch(eventId, batchId), CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is StorageUnavailableException or JsonException)
        {
            Log.LedgerFailed(logger, time.GetUtcNow(), eventId, "record-batch-cleanup:" + ex.GetType().Name);
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
        /// <summary>A version this instance wrote itself: the object it serialised, so nobody parses it again.
        /// From here on it is shared and read-only; the next batch applies to a <see cref="EventLedger.Clone"/>.</summary>
        public Snapshot(ReadOnlyMemory<byte> content, string etag, DateTimeOffset readAt, EventLedger written)
            : this(content, etag, readAt) => Parsed = new Lazy<EventLedger>(written);

        /// <summary>Parsed on first use and shared by all readers of this version.</summary>
        public Lazy<EventLedger> Parsed { get; } = new(() => Deserialize(Content));
    }

    private sealed class PendingCommand(Func<EventLedger, DateTimeOffset, object> apply, PendingRecord? record)
    {
        public Func<EventLedger, DateTimeOffset, object> Apply { get; } = apply;

        public PendingRecord? Record { get; } = record;

        public TaskCompletionSource<object> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
