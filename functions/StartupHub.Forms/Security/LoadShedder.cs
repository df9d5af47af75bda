using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StartupHub.Forms.Audit;

namespace StartupHub.Forms.Security;

/// <summary>
/// Overload protection for this instance (spec 5.1(エ): when load passes a threshold, limit the work taken
/// on so the service keeps running). A global <see cref="ConcurrencyLimiter"/>: up to
/// <see cref="SheddingOptions.MaxConcurrent"/> requests run, up to <see cref="SheddingOptions.QueueLimit"/>
/// more wait (at most <see cref="SheddingOptions.QueueTimeoutSeconds"/>), and anything beyond is answered
/// 503 "overloaded" with Retry-After at once, without touching storage. Shed requests are counted; the log
/// gets one line when shedding starts in a minute and a summary per minute, and the audit log one "shed"
/// entry per minute with the count (not one per request, which would let an overload flood the log).
/// </summary>
public sealed class LoadShedder : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrencyLimiter? _limiter;
    private readonly SheddingOptions _options;
    private readonly AuditRecorder _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<LoadShedder> _logger;
    private readonly ITimer _flushTimer;
    private readonly Lock _gate = new();
    private long _shedTotal;
    private long _shedInWindow;
    private DateTimeOffset _windowStart;

    public LoadShedder(IOptions<FormsOptions> options, AuditRecorder audit, TimeProvider time, ILogger<LoadShedder> logger)
    {
        _options = options.Value.Shedding;
        _audit = audit;
        _time = time;
        _logger = logger;
        if (_options.MaxConcurrent > 0)
        {
            _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = _options.MaxConcurrent,
                QueueLimit = Math.Max(0, _options.QueueLimit),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        }

        _windowStart = time.GetUtcNow();
        _flushTimer = time.CreateTimer(_ => _ = FlushAsync(), null, Window, Window);
    }

    /// <summary>Requests refused since start (the load test and tests read it).</summary>
    public long ShedCount => Interlocked.Read(ref _shedTotal);

    /// <summary>Free slots right now (long.MaxValue when shedding is off).</summary>
    public long AvailableSlots => _limiter?.GetStatistics()?.CurrentAvailablePermits ?? long.MaxValue;

    public TimeSpan RetryAfter => TimeSpan.FromSeconds(Math.Max(1, _options.RetryAfterSeconds));

    /// <summary>A lease to hold while the request runs, or null when the request must be shed.</summary>
    public async ValueTask<IDisposable?> TryEnterAsync(string endpoint, CancellationToken cancellationToken)
    {
        if (_limiter is null)
        {
            return NoLimit.Instance;
        }

        RateLimitLease lease = _limiter.AttemptAcquire();
        if (!lease.IsAcquired && _options.QueueLimit > 0)
        {
            lease.Dispose();
            using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(0.1, _options.QueueTimeoutSeconds)));
            try
            {
                // Fails at once (no waiting) when the queue is full; otherwise waits its turn, bounded.
                lease = await _limiter.AcquireAsync(1, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Shed(endpoint);
            }
        }

        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return Shed(endpoint);
    }

    /// <summary>Writes the current window's count to the audit log (if any) and starts a new window.</summary>
    internal async Task FlushAsync()
    {
        long count;
        DateTimeOffset start;
        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            count = _shedInWindow;
            start = _windowStart;
            _shedInWindow = 0;
            _windowStart = now;
        }

        if (count == 0)
        {
            return;
        }

        Log.SheddingSummary(_logger, now, count, start);
        await _audit.RecordAsync(new AuditEvent("shed", "system", null, "system", new Dictionary<string, string>
        {
            ["count"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["from"] = AuditEncoding.FormatTime(start),
            ["to"] = AuditEncoding.FormatTime(now),
        }));
    }

    public void Dispose()
    {
        _flushTimer.Dispose();
        _limiter?.Dispose();
    }

    private IDisposable? Shed(string endpoint)
    {
        Interlocked.Increment(ref _shedTotal);
        bool first;
        lock (_gate)
        {
            first = _shedInWindow++ == 0;
        }

        if (first)
        {
            Log.Shed(_logger, _time.GetUtcNow(), endpoint, _options.MaxConcurrent, (int)RetryAfter.TotalSeconds);
        }

        return null;
    }

    private sealed class NoLimit : IDisposable
    {
        public static readonly NoLimit Instance = new();

        public void Dispose()
        {
        }
    }
}

/// <summary>Configuration section "Forms:Shedding".</summary>
public sealed class SheddingOptions
{
    /// <summary>Forms:Shedding:MaxConcurrent — requests this instance works on at once; 0 turns shedding off.</summary>
    public int MaxConcurrent { get; set; } = 200;

    /// <summary>Forms:Shedding:QueueLimit — requests that may wait for a slot; beyond it, 503 at once.</summary>
    public int QueueLimit { get; set; } = 200;

    /// <summary>Forms:Shedding:QueueTimeoutSeconds — the longest a queued request waits before it is shed.</summary>
    public double QueueTimeoutSeconds { get; set; } = 10;

    /// <summary>Forms:Shedding:RetryAfterSeconds — the Retry-After sent with "overloaded".</summary>
    public int RetryAfterSeconds { get; set; } = 5;
}
