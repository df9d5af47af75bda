using System.Collections.Concurrent;
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
    private int _draining;
    private Tail? _tail;
    private string? _headETag;
    private long _appended;

    /// <summary>Entries this instance made durable (tests and the load test read it).</summary>
    public long Appended => Interlocked.Read(ref _appended);

    public Task AppendAsync(AuditEvent entry, CancellationToken cancellationToken)
    {
        Pending pending = new(AuditEventRules.Checked(entry));
        _pending.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        // Cancelling stops the caller waiting, not the write: a queued entry is still appended.
        return pending.Completion.Task.WaitAsync(cancellationToken);
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
        try
        {
            for (int attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                Tail tail = _tail ?? await LoadTailAsync();
                DateTimeOffset now = time.GetUtcNow();
                List<AuditEntry> entries = new(batch.Count);
                string previous = tail.LastHash;
                for (int i = 0; i < batch.Count; i++)
                {
                    AuditEntry entry = AuditEntry.Create(tail.LastSequence + 1 + i, now, batch[i].Event, previous);
                    entries.Add(entry);
                    previous = entry.Hash;
                }

                byte[] content = AuditEncoding.SegmentBytes(tail.NextSegment, entries);
                if (await store.TryCreateAsync(AuditKeys.Segment(tail.NextSegment), content, CancellationToken.None) is null)
                {
                    // Another instance took this segment number: follow its chain and try the next one.
                    StoredObject? theirs = await store.ReadAsync(AuditKeys.Segment(tail.NextSegment), CancellationToken.None);
                    _tail = theirs is null ? null : TailAfter(tail.NextSegment, AuditEncoding.ReadSegment(theirs.Content).Entries, tail);
                    Log.AuditConflict(logger, time.GetUtcNow(), tail.NextSegment, attempt);
                    continue;
                }

                AuditEntry last = entries[^1];
                _tail = new Tail(tail.NextSegment + 1, last.Sequence, last.Hash);
                Interlocked.Add(ref _appended, entries.Count);
                await AfterCommitAsync(tail.NextSegment, entries, now);
                foreach (Pending pending in batch)
                {
                    pending.Completion.TrySetResult();
                }

                return;
            }

            throw new StorageUnavailableException($"audit log stayed contended after {MaxAttempts} attempts");
        }
        catch (Exception ex)
        {
            _tail = null;
            Log.AuditFailed(logger, time.GetUtcNow(), ex.GetType().Name);
            Exception failure = ex is StorageUnavailableException ? ex : new StorageUnavailableException("audit append failed", ex);
            foreach (Pending pending in batch)
            {
                pending.Completion.TrySetException(failure);
            }
        }
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
        long? start = null;
        if (await store.ReadAsync(AuditKeys.Head, CancellationToken.None) is { } headObject && TryParseHead(headObject.Content) is { } head
            && await store.ReadAsync(AuditKeys.Segment(head.Segment), CancellationToken.None) is not null)
        {
            start = head.Segment;
        }

        if (start is null)
        {
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

            tail = TailAfter(number, AuditEncoding.ReadSegment(segment.Content).Entries, tail);
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

    private sealed class Pending(AuditEvent evt)
    {
        public AuditEvent Event { get; } = evt;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
