using Microsoft.Extensions.Options;
using StartupHub.Forms.Security;

namespace StartupHub.Forms.Http;

/// <summary>
/// The stricter per-client limit for no-JS form posts that come without a form_token (Forms:FormPosts).
/// Such a post skips the "filled in too fast" check, so it gets far fewer permits than the general limit;
/// together with the honeypot this keeps the no-JS path usable by people and costly for bots.
/// </summary>
public sealed class FormPostRateLimiter(IOptions<FormsOptions> options) : IDisposable
{
    private readonly ClientTokenBuckets _buckets = new(
        options.Value.FormPosts.TokenlessBurst, options.Value.FormPosts.TokenlessPermitsPerMinute, TimeSpan.FromSeconds(30));

    /// <summary>Returns null when allowed, or how long the client should wait.</summary>
    public TimeSpan? TryAcquire(string client) => _buckets.TryAcquire(client);

    public void Dispose() => _buckets.Dispose();
}
