using System.Threading.RateLimiting;

namespace StartupHub.Forms.Security;

/// <summary>
/// One token bucket per client address (System.Threading.RateLimiting), the shared mechanism behind the
/// general per-client limit and the stricter limit for no-JS posts without a form token.
/// </summary>
public sealed class ClientTokenBuckets : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _fallbackRetryAfter;

    public ClientTokenBuckets(int burst, int permitsPerMinute, TimeSpan fallbackRetryAfter)
    {
        int tokens = Math.Max(1, burst);
        // Replenish in small steps so a client that waits the Retry-After gets a permit, not a minute's cliff.
        TimeSpan period = TimeSpan.FromMilliseconds(Math.Max(1, 60_000.0 / Math.Max(1, permitsPerMinute)));
        _fallbackRetryAfter = fallbackRetryAfter;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = tokens,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = period,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Returns null when allowed, or how long the client should wait.</summary>
    public TimeSpan? TryAcquire(string client)
    {
        using RateLimitLease lease = _limiter.AttemptAcquire(client);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter) && retryAfter > TimeSpan.Zero
            ? retryAfter
            : _fallbackRetryAfter;
    }

    public void Dispose() => _limiter.Dispose();
}
