using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Tests.Infrastructure;

/// <summary>Runs <see cref="BeforeReplace"/> once, between a ledger read and its conditional write (the
/// create of the next journal version).</summary>
public sealed class InterferingStore(IFormStore inner) : IFormStore
{
    private int _armed = 1;

    public Func<Task>? BeforeReplace { get; set; }

    public int Replaces;

    public Task<StoredObject?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

    public async Task<string?> TryCreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (key.Contains("/journal/", StringComparison.Ordinal) && BeforeReplace is not null && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            await BeforeReplace();
        }

        return await inner.TryCreateAsync(key, content, cancellationToken);
    }

    public Task<string?> TryReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Replaces);
        return inner.TryReplaceAsync(key, content, ifMatch, cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
}

/// <summary>A store that is down: every call fails the way a storage outage does.</summary>
public sealed class UnavailableStore : IFormStore
{
    private static StorageUnavailableException Down() => new("simulated outage");

    public Task<StoredObject?> ReadAsync(string key, CancellationToken cancellationToken) => throw Down();

    public Task<string?> TryCreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => throw Down();

    public Task<string?> TryReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken) => throw Down();

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => throw Down();

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => throw Down();
}

/// <summary>Healthy for records, but the ledger write fails: the registration must not be acknowledged.</summary>
public sealed class LedgerWriteFailsStore(IFormStore inner) : IFormStore
{
    public Task<StoredObject?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

    public Task<string?> TryCreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        key.StartsWith("ledgers/", StringComparison.Ordinal) ? throw new StorageUnavailableException("ledger down") : inner.TryCreateAsync(key, content, cancellationToken);

    public Task<string?> TryReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken) =>
        throw new StorageUnavailableException("ledger down");

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
}

/// <summary>Holds the first journal write until <see cref="Release"/>, so a test can queue others behind it.</summary>
public sealed class GatedBatchStore(IFormStore inner) : IFormStore
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    /// <summary>How many records the held write carries (0 until it arrives).</summary>
    public int HeldRecords => Volatile.Read(ref _held);

    public void Release() => _gate.TrySetResult();

    public Task<StoredObject?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

    public async Task<string?> TryCreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (key.Contains("/journal/", StringComparison.Ordinal) && !_gate.Task.IsCompleted)
        {
            using System.Text.Json.JsonDocument entry = System.Text.Json.JsonDocument.Parse(content);
            Volatile.Write(ref _held, entry.RootElement.GetProperty("records").EnumerateObject().Count());
            await _gate.Task;
        }

        return await inner.TryCreateAsync(key, content, cancellationToken);
    }

    public Task<string?> TryReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken) =>
        inner.TryReplaceAsync(key, content, ifMatch, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
}

/// <summary>Every journal write reaches the store, but its answer is lost on the way back (the caller sees an
/// outage). With <see cref="ReadsFailToo"/>, the store stays unreachable for the read-back as well.</summary>
public sealed class LedgerResponseLostStore(IFormStore inner) : IFormStore
{
    public bool ReadsFailToo { get; init; }

    private bool _wrote;

    public Task<StoredObject?> ReadAsync(string key, CancellationToken cancellationToken) =>
        ReadsFailToo && _wrote ? throw new StorageUnavailableException("still unreachable") : inner.ReadAsync(key, cancellationToken);

    public async Task<string?> TryCreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        string? etag = await inner.TryCreateAsync(key, content, cancellationToken);
        if (!key.Contains("/journal/", StringComparison.Ordinal))
        {
            return etag;
        }

        _wrote = true;
        throw etag is null ? new StorageUnavailableException("conflict and lost response") : new StorageUnavailableException("response lost after the write landed");
    }

    public Task<string?> TryReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken) =>
        inner.TryReplaceAsync(key, content, ifMatch, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
}
