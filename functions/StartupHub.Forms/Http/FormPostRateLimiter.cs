using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace StartupHub.Forms.Http;

/// <summary>
/// The stricter per-client limit for no-JS form posts that come without a form_token (Forms:FormPosts).
/// Such a post skips the "filled in too fast" check, so it gets far fewer permits than the general limit;
/// together with the honeypot this keeps the no-JS path usable by people and costly for bots.
/// </summary>
public sealed class FormPostRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public FormPostRateLimiter(IOptions<FormsOptions> options)
    {
        FormPostOptions config = options.Value.FormPosts;
        int burst = Math.Max(1, config.TokenlessBurst);
        TimeSpan period = TimeSpan.FromMilliseconds(Math.Max(1, 60_000.0 / Math.Max(1, config.TokenlessPermitsPerMinute)));
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
            : TimeSpan.FromSeconds(30);
    }

    public void Dispose() => _limiter.Dispose();
}
