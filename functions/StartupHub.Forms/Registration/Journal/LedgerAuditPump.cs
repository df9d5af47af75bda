using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StartupHub.Forms.Audit;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Registration.Journal;

/// <summary>
/// Copies the audit events that ledger versions carry in their journal entries into the hash-chained audit
/// log, in version order, after the registrants were answered. The events are durable before the answer
/// (they are in the same immutable journal entry as the seats and records), so moving the append off the
/// request path loses nothing; this pump only decides when they reach the chain.
/// <para>
/// Where to resume is read from the chain itself (<see cref="HashChainedAuditLog.LedgerProgressAsync"/>), not
/// from a cursor of its own, and the chain refuses a version twice or out of order, so a pump that crashed,
/// a new process, or two instances pumping the same event at once all end with each version's events in the
/// chain exactly once. The coordinator hands over the events of the versions it writes (no journal read);
/// versions written by other instances, or before a restart, are read back from the journal.
/// </para>
/// </summary>
public sealed class LedgerAuditPump(IFormStore store, IAuditLog log, TimeProvider time, ILogger<LedgerAuditPump> logger)
{
    /// <summary>Audit entries are stamped with the pump's clock and journal entries with the writer's; segments older
    /// than the event's first journal entry by more than this cannot hold its events.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromHours(1);

    /// <summary>Under load, passes are at most this often per event, so the audit log takes one group commit
    /// (segment + head) per interval instead of one per ledger write; audit lag is not seen by anybody.</summary>
    private static readonly TimeSpan PassInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Versions handed over but not yet appended, per event; beyond this they are read back from the journal.</summary>
    private const int MaxHandedOver = 20_000;

    private readonly LedgerJournal _journal = new(store);
    private readonly ConcurrentDictionary<string, EventPump> _events = new(StringComparer.Ordinal);

    /// <summary>False when the audit log is not the hash chain (some tests replace it): then callers record their
    /// audit events directly, as before.</summary>
    public bool Enabled => log is HashChainedAuditLog;

    /// <summary>Called by the coordinator once version <paramref name="version"/> is durable; starts a background pass.</summary>
    public void Written(string eventId, long version, DateTimeOffset writtenAt, IReadOnlyList<AuditEvent> events)
    {
        if (log is not HashChainedAuditLog)
        {
            return;
        }

        EventPump pump = _events.GetOrAdd(eventId, _ => new EventPump());
        if (pump.HandedOver.Count < MaxHandedOver)
        {
            pump.HandedOver[version] = new Carried(writtenAt, events);
        }

        AtomicMax.Raise(ref pump.Newest, version);
        Kick(eventId, pump);
    }

    /// <summary>Appends everything the event's journal holds that the chain lacks, and returns when it is in the
    /// chain. Used before anything that reads the whole audit trail or deletes the journal (purge), and by tests.</summary>
    public async Task CatchUpAsync(string eventId, CancellationToken cancellationToken)
    {
        if (log is HashChainedAuditLog chain)
        {
            await PassAsync(chain, eventId, _events.GetOrAdd(eventId, _ => new EventPump()), untilJournalEnd: true, cancellationToken);
        }
    }

    /// <summary><see cref="CatchUpAsync"/> for every event that has a ledger (at start-up: a process that stopped
    /// between a journal write and its audit append leaves work that nothing else would trigger).</summary>
    public async Task CatchUpAllAsync(CancellationToken cancellationToken)
    {
        foreach (string eventId in await _journal.ListEventIdsAsync(cancellationToken))
        {
            await CatchUpAsync(eventId, cancellationToken);
        }
    }

    private void Kick(string eventId, EventPump pump)
    {
        Interlocked.Exchange(ref pump.Requested, 1);
        if (Interlocked.CompareExchange(ref pump.Running, 1, 0) != 0 || log is not HashChainedAuditLog chain)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            TimeSpan delay = TimeSpan.FromSeconds(1);
            try
            {
                while (Interlocked.Exchange(ref pump.Requested, 0) == 1)
                {
                    try
                    {
                        // At most one pass per interval, also when the last pass ended the loop and a new write
                        // kicked it again at once (that restarted passes at the ledger's commit rate under load).
                        long lastStart = Interlocked.Read(ref pump.LastPassStart);
                        TimeSpan since = lastStart == 0 ? PassInterval : time.GetElapsedTime(lastStart);
                        if (since < PassInterval)
                        {
                            await Task.Delay(PassInterval - since, time);
                        }

                        Interlocked.Exchange(ref pump.LastPassStart, time.GetTimestamp());
                        await PassAsync(chain, eventId, pump, untilJournalEnd: false, CancellationToken.None);
                        delay = TimeSpan.FromSeconds(1);
                    }
                    catch (Exception ex) when (ex is StorageUnavailableException or AuditGapException or IOException or System.Text.Json.JsonException or FormatException)
                    {
                        // Nothing is lost: the events stay in the journal. Try again after a pause.
                        Log.AuditPumpFailed(logger, time.GetUtcNow(), eventId, ex.GetType().Name);
                        await Task.Delay(delay, time);
                        delay = TimeSpan.FromSeconds(Math.Min(60, delay.TotalSeconds * 2));
                        Interlocked.Exchange(ref pump.Requested, 1);
                    }
                }
            }
            finally
            {
                Volatile.Write(ref pump.Running, 0);
                if (Volatile.Read(ref pump.Requested) == 1)
                {
                    Kick(eventId, pump);
                }
            }
        });
    }

    /// <summary>One pass: from the chain's progress for the event, every later version in order, up to the newest
    /// version handed over (or the end of the journal). Versions without events are skipped; the others are
    /// offered to the chain together, so a busy event costs one audit group commit per pass, not one per version.</summary>
    private async Task PassAsync(HashChainedAuditLog chain, string eventId, EventPump pump, bool untilJournalEnd, CancellationToken cancellationToken)
    {
        await pump.Gate.WaitAsync(cancellationToken);
        try
        {
            pump.NotBefore ??= (await _journal.ReadEntryAsync(eventId, 1, cancellationToken))?.WrittenAt - ClockSkew ?? DateTimeOffset.MinValue;
            long progress = await chain.LedgerProgressAsync(eventId, pump.NotBefore.Value, cancellationToken);
            long newest = Interlocked.Read(ref pump.Newest);
            long previous = progress;
            List<LedgerAuditBatch> batches = [];
            for (long version = progress + 1; untilJournalEnd || version <= newest; version++)
            {
                if (!pump.HandedOver.TryGetValue(version, out Carried? carried))
                {
                    JournalEntry? entry = await _journal.ReadEntryAsync(eventId, version, cancellationToken);
                    if (entry is null)
                    {
                        break;
                    }

                    carried = new Carried(entry.WrittenAt, entry.Audit ?? []);
                }

                if (carried.Events.Count > 0)
                {
                    batches.Add(new LedgerAuditBatch(eventId, version, previous, carried.WrittenAt, pump.NotBefore.Value, carried.Events));
                    previous = version;
                }
            }

            try
            {
                // Offered together: one audit group commit per pass.
                await Task.WhenAll(chain.AppendLedgerVersionsAsync(batches, cancellationToken));
            }
            finally
            {
                // Whatever reached the chain no longer needs its copy; the rest is read back from the journal if evicted.
                long reached = await chain.LedgerProgressAsync(eventId, pump.NotBefore.Value, CancellationToken.None);
                foreach (long version in pump.HandedOver.Keys.Where(v => v <= Math.Max(reached, progress)))
                {
                    pump.HandedOver.TryRemove(version, out _);
                }
            }
        }
        finally
        {
            pump.Gate.Release();
        }
    }

    private sealed record Carried(DateTimeOffset WrittenAt, IReadOnlyList<AuditEvent> Events);

    private sealed class EventPump
    {
        public readonly ConcurrentDictionary<long, Carried> HandedOver = new();
        public readonly SemaphoreSlim Gate = new(1, 1);
        public long Newest;
        public int Running;
        public int Requested;
        public long LastPassStart;
        public DateTimeOffset? NotBefore;
    }
}
