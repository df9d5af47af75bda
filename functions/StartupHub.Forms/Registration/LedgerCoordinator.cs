using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Registration.Journal;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Registration;

/// <summary>
/// Serialises changes to each event's ledger. Across instances, safety comes from optimistic concurrency
/// on the store: the ledger is a journal (<see cref="LedgerJournal"/>) and version N+1 can be created only
/// once, so of two writers that both read version N exactly one wins; the other catches up and re-applies
/// its batch (bounded attempts with jittered back-off). Within one instance, concurrent requests for the
/// same event are grouped into one batch per write ("group commit"): one request drains the queue while the
/// others wait for its result. Each request is answered only after the journal entry holding its change
/// (and its sealed personal record) is durable. The audit events of the changes travel in the same entry and
/// are handed to <see cref="LedgerAuditPump"/>, which appends them to the audit log after the answer.
/// </summary>
public sealed class LedgerCoordinator(
    IFormStore store,
    IOptions<FormsOptions> options,
    TimeProvider time,
    ILogger<LedgerCoordinator> logger,
    LedgerAuditPump? auditPump = null)
{
    private static readonly TimeSpan SnapshotFreshness = TimeSpan.FromSeconds(2);

    /// <summary>How often a snapshot waiting for a pause looks again (it must also notice the bound on versions behind).</summary>
    private static readonly TimeSpan SnapshotPoll = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<string, EventQueue> _queues = new(StringComparer.Ordinal);
    private readonly LedgerJournal _journal = new(store);
    private long _conflicts;
    private long _writes;

    /// <summary>Writes that lost a race for the next version and were retried (exposed for tests and the load test).</summary>
    public long ConflictRetries => Interlocked.Read(ref _conflicts);

    public long SuccessfulWrites => Interlocked.Read(ref _writes);

    /// <summary>True when audit events given to <see cref="ExecuteAsync"/> reach the audit log through the journal
    /// and the pump; false when the caller must record them itself (no pump, or the log is not the hash chain).</summary>
    public bool AuditsThroughJournal => auditPump is { Enabled: true };

    /// <summary>Changes waiting for the next write of this event (tests use it to build a known batch).</summary>
    internal int QueuedCount(string eventId) => _queues.TryGetValue(eventId, out EventQueue? queue) ? queue.Pending.Count : 0;

    /// <summary>Applies <paramref name="apply"/> to the event's ledger and returns its result once the change is durable.
    /// If the change registers <paramref name="record"/>'s id in the ledger, the record is stored in the same
    /// journal entry, so the answer means both the seat and the person's record are durable.</summary>
    /// <remarks><paramref name="audit"/> maps the result (and the ledger as it was before the batch) to the audit
    /// events of the change; they are stored in the same journal entry, so they are durable with it.</remarks>
    /// <exception cref="StorageUnavailableException">The store failed or contention outlasted the retry budget; nothing was acknowledged.</exception>
    public Task<T> ExecuteAsync<T>(
        ManifestEvent evt,
        Func<EventLedger, DateTimeOffset, T> apply,
        PendingRecord? record = null,
        Func<T, EventLedger, IReadOnlyList<Audit.AuditEvent>>? audit = null)
        where T : class
    {
        EventQueue queue = _queues.GetOrAdd(evt.Id, _ => new EventQueue());
        PendingCommand command = new((ledger, now) => apply(ledger, now), record,
            audit is null ? null : (result, before) => audit((T)result, before));
        queue.Pending.Enqueue(command);
        if (Interlocked.CompareExchange(ref queue.Draining, 1, 0) == 0)
        {
            _ = Task.Run(() => DrainAsync(queue, evt));
        }

        return AwaitTyped<T>(command.Completion.Task);
    }

    /// <summary>
    /// A recent copy of the ledger for reads that may be a few seconds stale (availability, pre-checks).
    /// The copy is shared, so it must be treated as read-only; and only one refresh per event is in flight
    /// at a time, so a burst of requests does not read the journal a thousand times.
    /// </summary>
    public async Task<EventLedger?> ReadRecentAsync(ManifestEvent evt, CancellationToken cancellationToken)
    {
        EventQueue queue = _queues.GetOrAdd(evt.Id, _ => new EventQueue());
        Committed? committed = queue.Latest;
        if (committed is null || time.GetUtcNow() - committed.ReadAt > SnapshotFreshness)
        {
            Task<Committed?> refresh;
            lock (queue)
            {
                refresh = queue.Refresh ??= RefreshAsync(queue, evt);
            }

            committed = await refresh.WaitAsync(cancellationToken);
        }

        return committed?.Ledger;
    }

    /// <summary>The newest durable state, read through (not cached): staff views, exports, verification.</summary>
    public Task<EventLedger?> ReadCurrentAsync(string eventId, CancellationToken cancellationToken) =>
        _journal.LoadAsync(eventId, cancellationToken);

    private async Task<Committed?> RefreshAsync(EventQueue queue, ManifestEvent evt)
    {
        await Task.Yield();
        try
        {
            Committed? known = queue.Latest;
            EventLedger? ledger = known is null
                ? await _journal.LoadAsync(evt.Id, CancellationToken.None)
                : await _journal.CatchUpAsync(evt.Id, known.Ledger, CancellationToken.None);
            if (ledger is null)
            {
                return null;
            }

            Committed fresh = new(ledger, time.GetUtcNow());
            Publish(queue, fresh);
            return fresh;
        }
        finally
        {
            lock (queue)
            {
                queue.Refresh = null;
            }
        }
    }

    /// <summary>Readers and the writer may both publish; the newer version wins.</summary>
    private static void Publish(EventQueue queue, Committed fresh)
    {
        lock (queue)
        {
            if (queue.Latest is null || queue.Latest.Ledger.Version <= fresh.Ledger.Version)
            {
                queue.Latest = fresh;
            }
        }
    }

    private static async Task<T> AwaitTyped<T>(Task<object> task) => (T)await task;

    private async Task DrainAsync(EventQueue queue, ManifestEvent evt)
    {
        long lastStart = 0;
        int lastSize = 0;
        while (true)
        {
            // Under load (the last batch held more than one change), commits start at most every
            // Forms:Ledger:CommitPacingMilliseconds: the batch grows meanwhile, so there are fewer, larger
            // writes, and each write costs the store (and, on one machine, the CPU) far more than its bytes.
            // A lone request (tests, a quiet site) never waits.
            int pacing = options.Value.Ledger.CommitPacingMilliseconds;
            if (lastSize > 1 && pacing > 0)
            {
                TimeSpan wait = TimeSpan.FromMilliseconds(pacing) - time.GetElapsedTime(lastStart);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, time);
                }
            }

            List<PendingCommand> batch = [];
            while (batch.Count < Math.Max(1, options.Value.Ledger.MaxBatch) && queue.Pending.TryDequeue(out PendingCommand? next))
            {
                batch.Add(next);
            }

            if (batch.Count > 0)
            {
                lastStart = time.GetTimestamp();
                lastSize = batch.Count;
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
        int maxAttempts = Math.Max(1, options.Value.Ledger.MaxAttempts);
        try
        {
            EventLedger? known = queue.Latest?.Ledger;
            bool loaded = known is not null;
            for (int attempt = 1; attempt <= maxAttempts; attempt++)
            {
                // The first attempt trusts what this instance last committed or read; a retry (or a cold
                // start) reads what other instances wrote since.
                if (!loaded || attempt > 1)
                {
                    known = loaded
                        ? await _journal.CatchUpAsync(evt.Id, known, CancellationToken.None)
                        : await _journal.LoadAsync(evt.Id, CancellationToken.None);
                    loaded = true;
                }

                EventLedger before = known ?? EventLedger.New(evt.Id);
                DateTimeOffset now = time.GetUtcNow();
                EventLedger ledger = before.CloneForChange();
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
                Dictionary<string, byte[]> records = AttachRecords(before, ledger, batch);
                List<Audit.AuditEvent> audit = AuditEventsOf(before, batch, results);
                LedgerDelta delta = LedgerDelta.Tracked(before, ledger);
                if (await _journal.TryAppendAsync(evt.Id, delta, records, now, audit))
                {
                    auditPump?.Written(evt.Id, ledger.Version, now, audit);
                    ledger.Dirty = false;
                    Publish(queue, new Committed(ledger, time.GetUtcNow()));
                    Interlocked.Increment(ref _writes);
                    Log.LedgerWritten(logger, time.GetUtcNow(), evt.Id, ledger.Version, batch.Count);
                    Complete(batch, results);
                    MaybeSnapshot(queue, ledger);
                    return;
                }

                Interlocked.Increment(ref _conflicts);
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

    /// <summary>
    /// The personal records of the registrations this version newly holds, to be stored in its journal entry,
    /// and each such registration marked with the version that holds its record. A command whose registration
    /// did not make it into the ledger (a duplicate, a replay) contributes nothing: its record is never stored.
    /// </summary>
    private static Dictionary<string, byte[]> AttachRecords(EventLedger before, EventLedger ledger, List<PendingCommand> batch)
    {
        Dictionary<string, byte[]> records = new(StringComparer.Ordinal);
        foreach (PendingCommand command in batch)
        {
            if (command.Record is { } record
                && ledger.Registrations.TryGetValue(record.RecordId, out LedgerRegistration? entry)
                && !before.Registrations.ContainsKey(record.RecordId))
            {
                entry.RecordVersion = ledger.Version;
                records[record.RecordId] = record.Content.ToArray();
            }
        }

        return records;
    }

    /// <summary>The audit events of this version's changes, checked now: a malformed event is a programming error
    /// that must fail the write, not block the pump later.</summary>
    private static List<Audit.AuditEvent> AuditEventsOf(EventLedger before, List<PendingCommand> batch, object[] results)
    {
        List<Audit.AuditEvent> events = [];
        for (int i = 0; i < batch.Count; i++)
        {
            if (batch[i].Audit is { } audit)
            {
                events.AddRange(audit(results[i], before).Select(Audit.AuditEventRules.Checked));
            }
        }

        return events;
    }

    /// <summary>
    /// Every so many versions, a snapshot of the whole ledger is written in the background so that loading reads
    /// one object plus a few entries instead of the whole journal. It is never on a request's path, but it is
    /// megabytes of JSON for both this process and the store: during a rush it waits for the event's writes to
    /// pause (<see cref="LedgerOptions.SnapshotQuietMilliseconds"/>), up to 8 × <see cref="LedgerOptions.SnapshotEvery"/>
    /// versions behind, and then snapshots the newest committed state.
    /// </summary>
    private void MaybeSnapshot(EventQueue queue, EventLedger ledger)
    {
        LedgerOptions settings = options.Value.Ledger;
        int every = Math.Max(1, settings.SnapshotEvery);
        long maxBehind = every * 8L;
        TimeSpan quiet = TimeSpan.FromMilliseconds(Math.Max(0, settings.SnapshotQuietMilliseconds));
        Interlocked.Exchange(ref queue.LastWriteTicks, time.GetUtcNow().UtcTicks);
        if (ledger.Version - Interlocked.Read(ref queue.SnapshotVersion) < every || Interlocked.CompareExchange(ref queue.Snapshotting, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                EventLedger newest = ledger;
                while (quiet > TimeSpan.Zero && newest.Version - Interlocked.Read(ref queue.SnapshotVersion) < maxBehind)
                {
                    TimeSpan since = time.GetUtcNow() - new DateTimeOffset(Interlocked.Read(ref queue.LastWriteTicks), TimeSpan.Zero);
                    if (since >= quiet)
                    {
                        break;
                    }

                    // Short steps: the bound on versions behind must be noticed during a long quiet period too.
                    await Task.Delay(TimeSpan.FromTicks(Math.Min((quiet - since).Ticks, SnapshotPoll.Ticks)), time);
                    newest = queue.Latest?.Ledger is { } latest && latest.Version > newest.Version ? latest : newest;
                }

                await _journal.WriteSnapshotAsync(newest, CancellationToken.None);
                AtomicMax.Raise(ref queue.SnapshotVersion, newest.Version);
            }
            catch (Exception ex) when (ex is StorageUnavailableException or JsonException)
            {
                Log.LedgerFailed(logger, time.GetUtcNow(), ledger.EventId, "snapshot:" + ex.GetType().Name);
            }
            finally
            {
                Volatile.Write(ref queue.Snapshotting, 0);
            }
        });
    }

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
        public int Snapshotting;
        public long SnapshotVersion;
        public long LastWriteTicks;
        public volatile Committed? Latest;
        public Task<Committed?>? Refresh;
    }

    /// <summary>A durable version of the ledger, shared read-only by readers; the next batch applies to a
    /// <see cref="EventLedger.Clone"/>.</summary>
    private sealed record Committed(EventLedger Ledger, DateTimeOffset ReadAt);

    private sealed class PendingCommand(
        Func<EventLedger, DateTimeOffset, object> apply,
        PendingRecord? record,
        Func<object, EventLedger, IReadOnlyList<Audit.AuditEvent>>? audit)
    {
        public Func<EventLedger, DateTimeOffset, object> Apply { get; } = apply;

        public PendingRecord? Record { get; } = record;

        public Func<object, EventLedger, IReadOnlyList<Audit.AuditEvent>>? Audit { get; } = audit;

        public TaskCompletionSource<object> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
