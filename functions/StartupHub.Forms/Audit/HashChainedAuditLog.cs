using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Audit;

/// <summary>
/// The audit log as a hash chain over <see cref="IFormStore"/>. Entries are grouped into immutable segment
/// objects (<c>audit/segments/{n}.json</c>) created with <see cref="IFormStore.TryCreateAsync"/> at the next
/// segment number: if another instance created that number first, this one reads it, re-chains its own
/// entries after it and tries the next number, so instances never overwrite each other and the chain
/// stays linear. Within one instance concurrent appends are group-committed: one writer drains the queue
/// while the others wait, so a burst costs one store write rather than one per entry. After each segment
/// the signed head pointer is advanced and every <see cref="AuditOptions.CheckpointEvery"/>-th entry gets
/// a signed checkpoint (<c>audit/checkpoints/</c>).
/// <para>
/// Registrations, cancellations and promotions reach the log through <see cref="AppendLedgerVersionAsync"/>:
/// their events are already durable in the ledger journal, and <see cref="Registration.Journal.LedgerAuditPump"/>
/// copies them here after the registrant was answered. Each such entry names its ledger version
/// (<c>ledger_event</c>, <c>ledger_version</c>), and the log appends a version only if it directly follows
/// the last version of that event already in the chain. The check runs inside the group commit, against
/// every segment this instance wrote or read while following the chain, and segment numbers are created only
/// once, so two pumps (or a pump restarted after a crash) can never append the same version twice or skip one.
/// </para>
/// </summary>
public sealed class HashChainedAuditLog(
    IFormStore store,
    AuditSigner signer,
    IOptions<FormsOptions> options,
    TimeProvider time,
    ILogger<HashChainedAuditLog> logger) : IAuditLog
{
    private const int MaxEntriesPerSegment = 500;
    private const int MaxAttempts = 50;
    private readonly ConcurrentQueue<Pending> _pending = new();
    private readonly SemaphoreSlim _chain = new(1, 1);
    private readonly Dictionary<string, long> _ledgerProgress = new(StringComparer.Ordinal);
    private int _draining;
    private Tail? _tail;

    /// <summary>Every segment from the ones this instance first loaded up to this number has been read or written
    /// by it (so <see cref="_ledgerProgress"/> misses nothing after an event's backward scan).</summary>
    private long? _observedThrough;
    private string? _headETag;
    private long _appended;

    /// <summary>Entries this instance made durable (tests and the load test read it).</summary>
    public long Appended => Interlocked.Read(ref _appended);

    public Task AppendAsync(AuditEvent entry, CancellationToken cancellationToken) =>
        Enqueue(new Pending([AuditEventRules.Checked(entry)], null), cancellationToken);

    /// <summary>
    /// Appends the journal-borne events of one ledger version, once. True when this call appended them, false
    /// when the chain already holds that version. Throws <see cref="AuditGapException"/> when the chain's last
    /// version of the event is not <see cref="LedgerAuditBatch.PreviousVersion"/> (a version in between is not
    /// appended yet: the caller retries from the chain's progress), and <see cref="StorageUnavailableException"/>
    /// on store failures.
    /// </summary>
    public Task<bool> AppendLedgerVersionAsync(LedgerAuditBatch batch, CancellationToken cancellationToken) =>
        AppendLedgerVersionsAsync([batch], cancellationToken)[0];

    /// <summary>
    /// <see cref="AppendLedgerVersionAsync"/> for several versions, queued together so that they go into one segment
    /// (one group commit: segment, head and any checkpoints) unless they exceed a segment. Queued one by one, the
    /// drain started by the first could take it alone and the rest in a second commit. Each task is its version's
    /// result, with the same exceptions as <see cref="AppendLedgerVersionAsync"/>.
    /// </summary>
    public IReadOnlyList<Task<bool>> AppendLedgerVersionsAsync(IReadOnlyList<LedgerAuditBatch> batches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        List<Pending> pendings = [.. batches.Select(LedgerPending)];
        foreach (Pending pending in pendings)
        {
            _pending.Enqueue(pending);
        }

        if (pendings.Count > 0)
        {
            StartDrain();
        }

        return [.. pendings.Select(pending => Completed(pending, cancellationToken))];

        static async Task<bool> Completed(Pending pending, CancellationToken cancellationToken)
        {
            await pending.Completion.Task.WaitAsync(cancellationToken);
            return pending.Appended;
        }
    }

    private static Pending LedgerPending(LedgerAuditBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        string version = batch.Version.ToString(CultureInfo.InvariantCulture);
        string occurredAt = AuditEncoding.FormatTime(batch.OccurredAt);
        List<AuditEvent> events = batch.Events.Select(e =>
        {
            Dictionary<string, string> details = new(e.Details ?? new Dictionary<string, string>(), StringComparer.Ordinal)
            {
                [LedgerEventKey] = batch.EventId,
                [LedgerVersionKey] = version,
            };
            details.TryAdd("occurred_at", occurredAt);
            return AuditEventRules.Checked(e with { Details = details });
        }).ToList();
        return new Pending(events, batch);
    }

    /// <summary>The last version of <paramref name="eventId"/>'s ledger whose events are in the chain (0 if none).
    /// The first call per event reads the chain backwards from its end until it finds one, or until segments are
    /// older than <paramref name="notBefore"/> (nothing of that event can be older than its first journal entry).</summary>
    public async Task<long> LedgerProgressAsync(string eventId, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        await _chain.WaitAsync(cancellationToken);
        try
        {
            _tail ??= await LoadTailAsync();
            return await ProgressOfAsync(eventId, notBefore);
        }
        finally
        {
            _chain.Release();
        }
    }

    /// <summary>The detail keys that tie an entry to the ledger version whose journal entry carried it.</summary>
    public const string LedgerEventKey = "ledger_event";

    public const string LedgerVersionKey = "ledger_version";

    private Task Enqueue(Pending pending, CancellationToken cancellationToken)
    {
        _pending.Enqueue(pending);
        StartDrain();

        // Cancelling stops the caller waiting, not the write: a queued entry is still appended.
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    private void StartDrain()
    {
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }
    }

    private async Task<long> ProgressOfAsync(string eventId, DateTimeOffset notBefore)
    {
        if (_ledgerProgress.TryGetValue(eventId, out long known))
        {
            return known;
        }

        long found = 0;
        for (long number = (_tail?.NextSegment ?? 0) - 1; number >= 0 && found == 0; number--)
        {
            StoredObject? segment = await store.ReadAsync(AuditKeys.Segment(number), CancellationToken.None);
            if (segment is null)
            {
                continue;
            }

            List<AuditEntry> entries = AuditEncoding.ReadSegment(segment.Content).Entries;
            found = entries.Select(e => VersionOf(e, eventId)).DefaultIfEmpty(0).Max();
            if (entries.Count > 0 && entries[0].At < notBefore)
            {
                break;
            }
        }

        // Segments after the scan's start are observed as this instance follows the chain, so from here on
        // the progress is kept up to date in memory.
        _ledgerProgress[eventId] = Math.Max(found, _ledgerProgress.GetValueOrDefault(eventId));
        return _ledgerProgress[eventId];
    }

    private static long VersionOf(AuditEntry entry, string eventId) =>
        entry.Details.TryGetValue(LedgerEventKey, out string? id) && id == eventId
            && entry.Details.TryGetValue(LedgerVersionKey, out string? text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long version)
            ? version
            : 0;

    /// <summary>Notes the ledger versions in a segment this instance read or wrote.</summary>
    private void Observe(long segment, IEnumerable<AuditEntry> entries)
    {
        foreach (AuditEntry entry in entries)
        {
            if (entry.Details.TryGetValue(LedgerEventKey, out string? eventId) && VersionOf(entry, eventId) is > 0 and var version
                && _ledgerProgress.TryGetValue(eventId, out long known) && version > known)
            {
                // Only events whose progress is already established are tracked; the others are found by
                // their backward scan when first asked for.
                _ledgerProgress[eventId] = version;
            }
        }

        _observedThrough = Math.Max(_observedThrough ?? segment, segment);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<Pending> batch = [];
            while (batch.Count < MaxEntriesPerSegment && _pending.TryDequeue(out Pending? next))
            {
                batch.Add(next);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch);
                continue;
            }

            Volatile.Write(ref _draining, 0);
            if (_pending.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        await _chain.WaitAsync();
        try
        {
            for (int attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                Tail tail = _tail ??= await LoadTailAsync();
                List<Pending> writing = await AdmitAsync(batch);
                if (writing.Count == 0)
                {
                    return;
                }

                DateTimeOffset now = time.GetUtcNow();
                List<AuditEntry> entries = new(writing.Sum(p => p.Events.Count));
                string previous = tail.LastHash;
                foreach (AuditEvent evt in writing.SelectMany(p => p.Events))
                {
                    AuditEntry entry = AuditEntry.Create(tail.LastSequence + 1 + entries.Count, now, evt, previous);
                    entries.Add(entry);
                    previous = entry.Hash;
                }

                byte[] content = AuditEncoding.SegmentBytes(tail.NextSegment, entries);
                if (await store.TryCreateAsync(AuditKeys.Segment(tail.NextSegment), content, CancellationToken.None) is null)
                {
                    // Another instance took this segment number: follow its chain and try the next one. Its
                    // entries may include ledger versions of this batch, which the next AdmitAsync then drops.
                    StoredObject? theirs = await store.ReadAsync(AuditKeys.Segment(tail.NextSegment), CancellationToken.None);
                    if (theirs is null)
                    {
                        _tail = null;
                    }
                    else
                    {
                        List<AuditEntry> theirEntries = AuditEncoding.ReadSegment(theirs.Content).Entries;
                        Observe(tail.NextSegment, theirEntries);
                        _tail = TailAfter(tail.NextSegment, theirEntries, tail);
                    }

                    Log.AuditConflict(logger, time.GetUtcNow(), tail.NextSegment, attempt);
                    continue;
                }

                Observe(tail.NextSegment, entries);
                AuditEntry last = entries[^1];
                _tail = new Tail(tail.NextSegment + 1, last.Sequence, last.Hash);
                Interlocked.Add(ref _appended, entries.Count);
                await AfterCommitAsync(tail.NextSegment, entries, now);
                foreach (Pending pending in writing)
                {
                    pending.Appended = true;
                    pending.Completion.TrySetResult();
                }

                return;
            }

            throw new StorageUnavailableException($"audit log stayed contended after {MaxAttempts} attempts");
        }
        catch (Exception ex)
        {
            // Not _observedThrough: the next load continues from the last segment this instance saw, so no
            // segment written meanwhile goes unobserved.
            _tail = null;
            Log.AuditFailed(logger, time.GetUtcNow(), ex.GetType().Name);
            Exception failure = ex is StorageUnavailableException ? ex : new StorageUnavailableException("audit append failed", ex);
            foreach (Pending pending in batch)
            {
                pending.Completion.TrySetException(failure);
            }
        }
        finally
        {
            _chain.Release();
        }
    }

    /// <summary>
    /// The pending appends of this attempt. A ledger version already in the chain completes at once (not
    /// appended again); one whose previous version is not the chain's last version of that event fails with
    /// <see cref="AuditGapException"/>; several versions of one event in a batch must follow each other.
    /// </summary>
    private async Task<List<Pending>> AdmitAsync(List<Pending> batch)
    {
        List<Pending> writing = new(batch.Count);
        Dictionary<string, long> progress = new(StringComparer.Ordinal);
        foreach (Pending pending in batch)
        {
            if (pending.Completion.Task.IsCompleted)
            {
                continue;
            }

            if (pending.Ledger is not { } ledger)
            {
                writing.Add(pending);
                continue;
            }

            if (!progress.TryGetValue(ledger.EventId, out long last))
            {
                last = progress[ledger.EventId] = await ProgressOfAsync(ledger.EventId, ledger.NotBefore);
            }

            if (last >= ledger.Version)
            {
                pending.Completion.TrySetResult();
            }
            else if (last != ledger.PreviousVersion)
            {
                pending.Completion.TrySetException(new AuditGapException(ledger.EventId, ledger.Version, ledger.PreviousVersion, last));
            }
            else
            {
                progress[ledger.EventId] = ledger.Version;
                writing.Add(pending);
            }
        }

        return writing;
    }

    /// <summary>Checkpoints and the head are written after the entries are durable and before the appends are
    /// acknowledged, so an acknowledged entry is always covered by the head (cutting it off is detectable).
    /// If this process dies in between, the head lags behind the chain, which the verifier accepts; the
    /// next commit moves it on. Failures here are logged, never turned into a failed append: the entries
    /// themselves are durable.</summary>
    private async Task AfterCommitAsync(long segment, List<AuditEntry> entries, DateTimeOffset now)
    {
        int every = Math.Max(1, options.Value.Audit.CheckpointEvery);
        List<Task> writes = [UpdateHeadAsync(segment, entries[^1], now)];
        foreach (AuditEntry entry in entries.Where(e => e.Sequence % every == 0))
        {
            writes.Add(WriteCheckpointAsync(entry, now));
        }

        // In parallel: a large group commit crossing several checkpoints costs one round trip, not one each.
        await Task.WhenAll(writes);
    }

    private async Task WriteCheckpointAsync(AuditEntry entry, DateTimeOffset now)
    {
        try
        {
            AuditCheckpoint checkpoint = AuditCheckpoint.Create(entry.Sequence, entry.Hash, now, signer);
            await store.TryCreateAsync(AuditKeys.Checkpoint(entry.Sequence), checkpoint.ToBytes(), CancellationToken.None);
            // The log line is a second, independent copy of the checkpoint (log retention keeps it).
            Log.AuditCheckpoint(logger, now, entry.Sequence, entry.Hash);
        }
        catch (Exception ex) when (ex is StorageUnavailableException or IOException)
        {
            Log.AuditFailed(logger, time.GetUtcNow(), "checkpoint:" + ex.GetType().Name);
        }
    }

    private async Task UpdateHeadAsync(long segment, AuditEntry last, DateTimeOffset now)
    {
        try
        {
            AuditHead head = AuditHead.Create(segment, last.Sequence, last.Hash, now, signer);
            // Usually this instance wrote the head last: replace it by its known ETag without reading it.
            if (_headETag is { } known && await store.TryReplaceAsync(AuditKeys.Head, head.ToBytes(), known, CancellationToken.None) is { } replaced)
            {
                _headETag = replaced;
                return;
            }

            for (int attempt = 0; attempt < 5; attempt++)
            {
                StoredObject? current = await store.ReadAsync(AuditKeys.Head, CancellationToken.None);
                if (current is null)
                {
                    if (await store.TryCreateAsync(AuditKeys.Head, head.ToBytes(), CancellationToken.None) is { } created)
                    {
                        _headETag = created;
                        return;
                    }

                    continue;
                }

                // Never move the head backwards: another instance may already have committed a later segment.
                if (TryParseHead(current.Content) is { } existing && existing.Sequence >= last.Sequence)
                {
                    _headETag = current.ETag;
                    return;
                }

                if (await store.TryReplaceAsync(AuditKeys.Head, head.ToBytes(), current.ETag, CancellationToken.None) is { } etag)
                {
                    _headETag = etag;
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is StorageUnavailableException or IOException)
        {
            Log.AuditFailed(logger, time.GetUtcNow(), "head:" + ex.GetType().Name);
        }
    }

    /// <summary>Finds the end of the chain: start at the head's segment (a hint; it may lag) and probe forward
    /// until a segment number is free. Without a head, the segment listing gives the last number.</summary>
    private async Task<Tail> LoadTailAsync()
    {
        long? start = _observedThrough;
        if (start is null && await store.ReadAsync(AuditKeys.Head, CancellationToken.None) is { } headObject && TryParseHead(headObject.Content) is { } head
            && await store.ReadAsync(AuditKeys.Segment(head.Segment), CancellationToken.None) is not null)
        {
            start = head.Segment;
        }

        if (start is null)
        {
            // Without a head, and before this instance saw any segment, the listing gives the last number.
            await foreach (string key in store.ListAsync(AuditKeys.SegmentPrefix, CancellationToken.None))
            {
                if (AuditKeys.NumberOf(key, AuditKeys.SegmentPrefix) is long n)
                {
                    start = Math.Max(start ?? 0, n);
                }
            }
        }

        Tail tail = new(0, 0, AuditEntry.GenesisHash);
        if (start is null)
        {
            return tail;
        }

        for (long number = start.Value; ; number++)
        {
            StoredObject? segment = await store.ReadAsync(AuditKeys.Segment(number), CancellationToken.None);
            if (segment is null)
            {
                return tail with { NextSegment = number };
            }

            List<AuditEntry> entries = AuditEncoding.ReadSegment(segment.Content).Entries;
            Observe(number, entries);
            tail = TailAfter(number, entries, tail);
        }
    }

    private static Tail TailAfter(long segment, List<AuditEntry> entries, Tail before) =>
        entries.Count == 0 ? before with { NextSegment = segment + 1 } : new Tail(segment + 1, entries[^1].Sequence, entries[^1].Hash);

    private static AuditHead? TryParseHead(ReadOnlyMemory<byte> content)
    {
        try
        {
            return AuditHead.Parse(content);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed record Tail(long NextSegment, long LastSequence, string LastHash);

    private sealed class Pending(IReadOnlyList<AuditEvent> events, LedgerAuditBatch? ledger)
    {
        public IReadOnlyList<AuditEvent> Events { get; } = events;

        public LedgerAuditBatch? Ledger { get; } = ledger;

        /// <summary>Set before completion when this append wrote the events (false: already in the chain).</summary>
        public bool Appended { get; set; }

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>The audit events one ledger version carried in its journal entry. <see cref="PreviousVersion"/> is
/// the event's last earlier version that carried any (0 for none); <see cref="NotBefore"/> bounds the backward
/// scan for the event's progress (its first journal entry's time, less a margin for clock skew).</summary>
public sealed record LedgerAuditBatch(
    string EventId,
    long Version,
    long PreviousVersion,
    DateTimeOffset OccurredAt,
    DateTimeOffset NotBefore,
    IReadOnlyList<AuditEvent> Events);

/// <summary>A ledger version was offered before the version preceding it was in the chain.</summary>
public sealed class AuditGapException(string eventId, long version, long previous, long chain)
    : Exception($"audit of {eventId} v{version} expects v{previous} last in the chain, which holds v{chain}");
