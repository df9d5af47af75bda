using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StartupHub.Forms.Audit;
using StartupHub.Forms.Storage;
using StartupHub.Forms.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StartupHub.Forms.Tests.Audit;

public sealed class AuditLogTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Concurrent_appends_are_group_committed_into_one_valid_chain_with_checkpoints_and_head()
    {
        MemoryFormStore store = new();
        // An in-memory write finishes before the next append arrives, so nothing would ever queue behind it;
        // a store write that takes a while (as a real one does) is what lets concurrent appends share a commit.
        HashChainedAuditLog log = AuditTestLog.Create(new SlowWrites(store), checkpointEvery: 10);

        await Task.WhenAll(Enumerable.Range(1, 300).Select(i => Task.Run(() => log.AppendAsync(AuditTestLog.Event(i), CancellationToken.None))));

        AuditVerification result = await AuditTestLog.VerifyAsync(store);
        Assert.True(result.Valid, result.FirstProblem?.ToString());
        Assert.Equal(300, result.Entries);
        Assert.Equal(30, result.Checkpoints);
        Assert.Equal(300, result.Head!.Sequence);
        Assert.Equal(result.LastHash, result.Head.Hash);
        Assert.True(result.Segments < 300, $"{result.Segments} segments for 300 concurrent appends: no group commit");
    }

    [Fact]
    public async Task A_new_instance_continues_the_chain_where_the_last_one_stopped()
    {
        LocalFolderFormStore store = new(_folder.Path);
        for (int i = 1; i <= 3; i++)
        {
            await AuditTestLog.Create(store).AppendAsync(AuditTestLog.Event(i), CancellationToken.None);
        }

        AuditVerification result = await AuditTestLog.VerifyAsync(store);
        Assert.True(result.Valid, result.FirstProblem?.ToString());
        Assert.Equal(3, result.Entries);
    }

    [Fact]
    public async Task Entries_never_hold_values_that_look_like_an_email_and_unknown_actions_are_refused()
    {
        MemoryFormStore store = new();
        HashChainedAuditLog log = AuditTestLog.Create(store);
        await log.AppendAsync(new AuditEvent("view", "oip-application", "taro@example.jp", "staff:abc",
            new Dictionary<string, string> { ["note"] = "mail hanako@example.jp" }), CancellationToken.None);
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(new AuditEvent("peek", "x", null, "system"), CancellationToken.None));

        string all = string.Join("\n", store.Snapshot().Values.Select(v => Encoding.UTF8.GetString(v)));
        Assert.DoesNotContain("example.jp", all, StringComparison.Ordinal);
        Assert.Contains(AuditEventRules.Redacted, all, StringComparison.Ordinal);
        Assert.True((await AuditTestLog.VerifyAsync(store)).Valid);
    }

    [Fact]
    public async Task The_recorder_buffers_entries_while_the_store_is_down_and_appends_them_later()
    {
        SwitchableStore store = new(new MemoryFormStore()) { Down = true };
        HashChainedAuditLog log = AuditTestLog.Create(store);
        AuditRecorder recorder = new(log, Options.Create(new FormsOptions()), TimeProvider.System, NullLogger<AuditRecorder>.Instance);

        await recorder.RecordAsync(AuditTestLog.Event(1)); // must not throw
        Assert.Equal(1, recorder.Buffered);
        store.Down = false;
        for (DateTime deadline = DateTime.UtcNow.AddSeconds(20); recorder.Buffered > 0; await Task.Delay(50))
        {
            Assert.True(DateTime.UtcNow < deadline, "the buffered entry was never appended");
        }

        AuditVerification result = await AuditTestLog.VerifyAsync(store);
        Assert.True(result.Valid, result.FirstProblem?.ToString());
        Assert.Equal(1, result.Entries);
    }

    [Fact]
    public async Task Concurrent_appends_share_writes_and_a_single_append_costs_a_couple_of_store_writes()
    {
        CountingStore store = new(new LocalFolderFormStore(_folder.Path));
        HashChainedAuditLog log = AuditTestLog.Create(store, checkpointEvery: 100);
        await log.AppendAsync(AuditTestLog.Event(0), CancellationToken.None);

        int before = store.Writes;
        Stopwatch sequential = Stopwatch.StartNew();
        for (int i = 1; i <= 100; i++)
        {
            await log.AppendAsync(AuditTestLog.Event(i), CancellationToken.None);
        }

        sequential.Stop();
        int sequentialWrites = store.Writes - before;
        before = store.Writes;
        Stopwatch burst = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(() => log.AppendAsync(AuditTestLog.Event(i), CancellationToken.None))));
        burst.Stop();
        int burstWrites = store.Writes - before;

        output.WriteLine($"audit append (local store): sequential {sequential.Elapsed.TotalMilliseconds / 100:F2} ms/entry, {sequentialWrites} writes for 100; 500 concurrent in {burst.Elapsed.TotalMilliseconds:F0} ms, {burstWrites} writes");
        // Counted in store writes, not in time (a busy CI machine made a timed comparison flaky): one append alone is
        // a segment and the head (plus a checkpoint every 100 entries), and 500 at once share a few group commits.
        Assert.InRange(sequentialWrites, 200, 210);
        Assert.True(burstWrites < sequentialWrites / 2, $"500 concurrent appends took {burstWrites} store writes, 100 sequential {sequentialWrites}");
        Assert.True((await AuditTestLog.VerifyAsync(store)).Valid);
    }

    /// <summary>Counts the writes (creates and replaces) that reach the store, each taking a few milliseconds as a
    /// real store's do: appends that arrive while a commit is in flight then join the next one, whatever the
    /// machine's speed (with instant writes, the burst sometimes committed almost one by one).</summary>
    private sealed class CountingStore(IFormStore inner) : IFormStore
    {
        private int _writes;

        public int Writes => Volatile.Read(ref _writes);

        public Task<StoredObject?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

        public async Task<string?> TryCreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _writes);
            await Task.Delay(3, cancellationToken);
            return await inner.TryCreateAsync(key, content, cancellationToken);
        }

        public async Task<string?> TryReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _writes);
            await Task.Delay(3, cancellationToken);
            return await inner.TryReplaceAsync(key, content, ifMatch, cancellationToken);
        }

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
    }
}

[Collection(AzuriteCollection.Name)]
public sealed class AuditLogAzuriteTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_instances_appending_at_once_re_chain_on_conflict_and_the_log_verifies()
    {
        string container = "audit-" + Guid.NewGuid().ToString("N")[..12];
        HashChainedAuditLog a = AuditTestLog.Create(new AzureBlobFormStore(azurite.ConnectionString, container));
        HashChainedAuditLog b = AuditTestLog.Create(new AzureBlobFormStore(azurite.ConnectionString, container));

        Stopwatch watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(async () =>
        {
            await Task.Delay(i % 20);
            await (i % 2 == 0 ? a : b).AppendAsync(AuditTestLog.Event(i), CancellationToken.None);
        })));
        watch.Stop();

        AuditVerification result = await AuditTestLog.VerifyAsync(new AzureBlobFormStore(azurite.ConnectionString, container));
        output.WriteLine($"400 appends from two instances on Azurite: {watch.Elapsed.TotalMilliseconds:F0} ms, {result.Segments} segments");
        Assert.True(result.Valid, result.FirstProblem?.ToString());
        Assert.Equal(400, result.Entries);
        Assert.Equal(400, a.Appended + b.Appended);
        Assert.Equal(40, result.Checkpoints);
    }
}

/// <summary>A store that can be switched off, as if the storage account were unreachable.</summary>
internal sealed class SwitchableStore(IFormStore inner) : IFormStore
{
    public volatile bool Down;

    public Task<StoredObject?> ReadAsync(string key, CancellationToken cancellationToken) => Down ? throw Unavailable() : inner.ReadAsync(key, cancellationToken);

    public Task<string?> TryCreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        Down ? throw Unavailable() : inner.TryCreateAsync(key, content, cancellationToken);

    public Task<string?> TryReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken) =>
        Down ? throw Unavailable() : inner.TryReplaceAsync(key, content, ifMatch, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => Down ? throw Unavailable() : inner.DeleteAsync(key, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => Down ? throw Unavailable() : inner.ListAsync(prefix, cancellationToken);

    private static StorageUnavailableException Unavailable() => new("switched off");
}

/// <summary>Every write takes 20 ms, like a store across a network.</summary>
internal sealed class SlowWrites(IFormStore inner) : IFormStore
{
    public Task<StoredObject?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

    public async Task<string?> TryCreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await Task.Delay(20, cancellationToken);
        return await inner.TryCreateAsync(key, content, cancellationToken);
    }

    public async Task<string?> TryReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken)
    {
        await Task.Delay(20, cancellationToken);
        return await inner.TryReplaceAsync(key, content, ifMatch, cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
}

