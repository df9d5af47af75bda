using Microsoft.Extensions.Options;

namespace StartupHub.Forms.Security;

/// <summary>
/// The general per-client limit (Forms:RateLimit). Lives in the library, not in ASP.NET Core middleware, so
/// the Functions app and the local host enforce exactly the same limits.
/// </summary>
public sealed class ClientRateLimiter(IOptions<FormsOptions> options) : IDisposable
{
    private readonly ClientTokenBuckets _buckets = new(
        options.Value.RateLimit.Burst, options.Value.RateLimit.PermitsPerMinute, TimeSpan.FromSeconds(1));

    /// <summary>Returns null when allowed, or how long the client should wait.</summary>
    public TimeSpan? TryAcquire(string client) => _buckets.TryAcquire(client);

    public void Dispose() => _buckets.Dispose();
}
