using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Tests.Audit;

/// <summary>An in-memory store with the same conditional-write rules, for tests that copy and tamper with a
/// whole store thousands of times (the file and blob stores pass the same contract elsewhere).</summary>
public sealed class MemoryFormStore : IFormStore
{
    private readonly ConcurrentDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public MemoryFormStore()
    {
    }

    public MemoryFormStore(IReadOnlyDictionary<string, byte[]> objects)
    {
        foreach ((string key, byte[] value) in objects)
        {
            _objects[key] = value.ToArray();
        }
    }

    public Dictionary<string, byte[]> Snapshot() => _objects.ToDictionary(o => o.Key, o => o.Value.ToArray(), StringComparer.Ordinal);

    public Task<StoredObject?> ReadAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_objects.TryGetValue(key, out byte[]? value) ? new StoredObject(value.ToArray(), ETag(value)) : null);

    public Task<string?> TryCreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        byte[] copy = content.ToArray();
        return Task.FromResult(_objects.TryAdd(key, copy) ? ETag(copy) : null);
    }

    public Task<string?> TryReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue(key, out byte[]? current) || ETag(current) != ifMatch)
            {
                return Task.FromResult<string?>(null);
            }

            byte[] copy = content.ToArray();
            _objects[key] = copy;
            return Task.FromResult<string?>(ETag(copy));
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        _objects.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask; // synchronous on purpose: thousands of verifications, no thread hops
        foreach (string key in _objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            yield return key;
        }
    }

    private static string ETag(byte[] content) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content));
}
