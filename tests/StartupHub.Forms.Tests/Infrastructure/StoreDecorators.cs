using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Tests.Infrastructure;

/// <summary>Runs <see cref="BeforeReplace"/> once, between a ledger read and its conditional write.</summary>
public sealed class InterferingStore(IFormStore inner) : IFormStore
{
    private int _armed = 1;

    public Func<Task>? BeforeReplace { get; set; }

    public int Replaces;

    public Task<StoredObject?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

    public Task<string?> TryCreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        inner.TryCreateAsync(key, content, cancellationToken);

    public async Task<string?> TryReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Replaces);
        if (key.StartsWith("ledgers/", StringComparison.Ordinal) && BeforeReplace is not null && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            await BeforeReplace();
        }

        return await inner.TryReplaceAsync(key, content, ifMatch, cancellationToken);
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
