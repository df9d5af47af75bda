using System.Diagnostics;
using System.Globalization;
using StartupHub.Forms.Storage;

namespace StartupHub.LoadTest;

/// <summary>
/// Measures the storage alone: conditional creates of registration-sized blobs with a fixed number in
/// flight, through the same AzureBlobFormStore the API uses. The figure is the ceiling for any design that
/// writes one blob per registration on this machine.
/// </summary>
internal static class AzuriteProbe
{
    public static async Task RunAsync(IFormStore store, int writes, int concurrency)
    {
        byte[] small = new byte[600];
        Random.Shared.NextBytes(small);
        await store.TryCreateAsync("probe/warm.json", small, CancellationToken.None);
        foreach (int size in new[] { 600, 64 * 1024, 1024 * 1024 })
        {
            byte[] content = new byte[size];
            Random.Shared.NextBytes(content);
            int count = size >= 1024 * 1024 ? Math.Min(writes, 100) : writes;
            int next = -1;
            List<double> latencies = new(count);
            Stopwatch clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, count)).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) < count)
                {
                    long started = Stopwatch.GetTimestamp();
                    await store.TryCreateAsync($"probe/{size}/{Guid.NewGuid():N}.json", content, CancellationToken.None);
                    double ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    lock (latencies)
                    {
                        latencies.Add(ms);
                    }
                }
            }));
            double seconds = clock.Elapsed.TotalSeconds;
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[probe] {count} blob creates of {size} B, {Math.Min(concurrency, count)} in flight: {count / seconds:F0}/s, p50 {latencies[latencies.Count / 2]:F1} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F1} ms"));
        }

        // The same sizes one at a time: the latency floor of a single write.
        for (int i = 0; i < 50; i++)
        {
            await store.TryCreateAsync($"probe/serial/{Guid.NewGuid():N}.json", new byte[600], CancellationToken.None);
        }

        Stopwatch serial = Stopwatch.StartNew();
        for (int i = 0; i < 200; i++)
        {
            await store.TryCreateAsync($"probe/serial/{Guid.NewGuid():N}.json", new byte[600], CancellationToken.None);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[probe] 200 sequential creates of 600 B: {serial.Elapsed.TotalMilliseconds / 200:F2} ms each"));
    }
}
