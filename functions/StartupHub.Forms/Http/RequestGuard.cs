using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Http;

/// <summary>
/// What every public endpoint does before and around its own work, in one place: the per-client rate
/// limit, loading the manifest, the site-wide forms switch, and turning storage or manifest outages into
/// 503 (never a 500). Handlers pass their work as a delegate; everything host-wide (limits, shedding)
/// belongs here so that all endpoints get it at once.
/// </summary>
public sealed class RequestGuard(
    IFormsManifestProvider manifests,
    FormSecrets secrets,
    ClientAddressResolver clients,
    ClientRateLimiter rateLimiter,
    LoadShedder shedder,
    TimeProvider time,
    ILogger<RequestGuard> logger)
{
    /// <param name="endpoint">A short endpoint name for logs ("register", "submit", ...).</param>
    /// <param name="subject">The event or form id for logs, when there is one.</param>
    /// <param name="limit">Whether the per-client rate limit applies (false for cacheable reads).</param>
    public async Task<IResult> RunAsync(HttpRequest request, string endpoint, string? subject, bool limit, Func<FormsManifest, Task<IResult>> handle)
    {
        try
        {
            // Overload shedding first: it is the cheapest check and protects everything after it. A shed
            // request is refused at once (logged and counted by the shedder, not once per request here).
            using IDisposable? slot = await shedder.TryEnterAsync(endpoint, request.HttpContext.RequestAborted);
            if (slot is null)
            {
                return Problems.Create(503, "overloaded", "ただいまアクセスが集中しています。",
                    "しばらく待ってから、もう一度お試しください。入力した内容は送信されていません。", retryAfter: shedder.RetryAfter);
            }

            if (limit && rateLimiter.TryAcquire(clients.Resolve(request)) is { } retryAfter)
            {
                return Reject(request, endpoint, "rate-limited", subject, Problems.RateLimited(retryAfter));
            }

            FormsManifest manifest = manifests.GetManifest();
            if (!manifest.FormsOpen)
            {
                return Reject(request, endpoint, "forms-closed", subject, Problems.FormsClosed());
            }

            return await handle(manifest);
        }
        catch (StorageUnavailableException ex)
        {
            Log.StorageUnavailable(logger, time.GetUtcNow(), endpoint, ex.InnerException?.GetType().Name ?? ex.GetType().Name);
            return Problems.StorageUnavailable();
        }
        catch (ManifestUnavailableException ex)
        {
            Log.ManifestUnavailable(logger, time.GetUtcNow(), ex.Message);
            return Problems.Create(503, "manifest-unavailable", "ただいまフォームを準備中です。", "しばらくしてから、もう一度お試しください。", retryAfter: TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException) when (request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is listening for an answer.
            return Results.Empty;
        }
    }

    /// <summary>Logs a refusal (reason, status, subject id and a keyed client hash; never personal data) and returns the problem.</summary>
    public JsonBodyResult Reject(HttpRequest request, string endpoint, string reason, string? subject, JsonBodyResult problem)
    {
        Log.Rejected(logger, time.GetUtcNow(), endpoint, reason, problem.StatusCode ?? 0,
            subject is not null && StorageKeys.IsSafeSegment(subject) ? subject : null, ClientHash(request));
        return problem;
    }

    /// <summary>The keyed hash that identifies the client in logs and audit entries.</summary>
    public string ClientHash(HttpRequest request) => secrets.ClientHash(clients.Resolve(request));

    /// <summary>The rate-limit partition of the client (its address, or /64 for IPv6).</summary>
    public string ClientAddress(HttpRequest request) => clients.Resolve(request);
}
