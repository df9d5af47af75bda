using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace StartupHub.Forms.Security;

/// <summary>
/// Per-client token buckets from System.Threading.RateLimiting. Lives in the library, not in ASP.NET Core
/// middleware, so the Functions app and the local host enforce exactly the same limits.
/// </summary>
public sealed class ClientRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ClientRateLimiter(IOptions<FormsOptions> options)
    {
        FormsRateLimitOptions config = options.Value.RateLimit;
        int burst = Math.Max(1, config.Burst);
        int perMinute = Math.Max(1, config.PermitsPerMinute);
        // Replenish in small steps so a client that waits the Retry-After gets a permit, not a minute's cliff.
        TimeSpan period = TimeSpan.FromMilliseconds(Math.Max(1, 60_000.0 / perMinute));
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
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
            : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter.Dispose();
}
