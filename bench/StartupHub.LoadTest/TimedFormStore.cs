using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using StartupHub.Forms.Storage;

namespace StartupHub.LoadTest;

/// <summary>
/// Wraps the real store to count storage calls and time them with a Stopwatch, per operation and key kind
/// (ledger vs records). The load test prints the figures per phase, which shows where a registration's
/// time goes and how many Azurite requests one registration costs.
/// </summary>
internal sealed class TimedFormStore(IFormStore inner) : IFormStore
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    public Task<StoredObject?> ReadAsync(string key, CancellationToken cancellationToken) =>
        TimeAsync("read", key, () => inner.ReadAsync(key, cancellationToken), r => r?.Content.Length ?? 0);

    public Task<string?> TryCreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        TimeAsync("create", key, () => inner.TryCreateAsync(key, content, cancellationToken), _ => content.Length);

    public Task<string?> TryReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken) =>
        TimeAsync("replace", key, () => inner.TryReplaceAsync(key, content, ifMatch, cancellationToken), _ => content.Length);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        TimeAsync("delete", key, async () => { await inner.DeleteAsync(key, cancellationToken); return 0; }, _ => 0);

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    /// <summary>Total storage calls so far (for "calls per registration").</summary>
    public long TotalCalls => _counters.Values.Sum(c => Interlocked.Read(ref c.Calls));

    public void Reset() => _counters.Clear();

    public IEnumerable<string> Lines() =>
        _counters.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Key,-16} calls {c.Value.Calls,6}  mean {c.Value.TotalTicks * 1000.0 / Stopwatch.Frequency / Math.Max(1, c.Value.Calls),8:F1} ms  max {c.Value.MaxTicks * 1000.0 / Stopwatch.Frequency,8:F1} ms  mean size {c.Value.Bytes / Math.Max(1, c.Value.Calls),8} B"));

    private async Task<T> TimeAsync<T>(string op, string key, Func<Task<T>> call, Func<T, int> size)
    {
        long started = Stopwatch.GetTimestamp();
        T result = await call();
        long elapsed = Stopwatch.GetTimestamp() - started;
        Counter counter = _counters.GetOrAdd(op + " " + (key.StartsWith("ledgers/", StringComparison.Ordinal) ? "ledger" : "record"), _ => new Counter());
        Interlocked.Increment(ref counter.Calls);
        Interlocked.Add(ref counter.TotalTicks, elapsed);
        Interlocked.Add(ref counter.Bytes, size(result));
        long max;
        while (elapsed > (max = Interlocked.Read(ref counter.MaxTicks)) && Interlocked.CompareExchange(ref counter.MaxTicks, elapsed, max) != max)
        {
        }

        return result;
    }

    private sealed class Counter
    {
        public long Calls;
        public long TotalTicks;
        public long MaxTicks;
        public long Bytes;
    }
}
