using Microsoft.Extensions.Logging;

namespace StartupHub.Forms;

/// <summary>The audit log's and load shedder's structured log lines (ids and counts only, never personal data).</summary>
internal static partial class Log
{
    [LoggerMessage(1401, LogLevel.Information, "audit.conflict at={AtUtc:o} segment={Segment} attempt={Attempt}")]
    public static partial void AuditConflict(ILogger logger, DateTimeOffset atUtc, long segment, int attempt);

    [LoggerMessage(1402, LogLevel.Error, "audit.failed at={AtUtc:o} error={ErrorType}")]
    public static partial void AuditFailed(ILogger logger, DateTimeOffset atUtc, string errorType);

    [LoggerMessage(1403, LogLevel.Information, "audit.checkpoint at={AtUtc:o} seq={Sequence} hash={Hash}")]
    public static partial void AuditCheckpoint(ILogger logger, DateTimeOffset atUtc, long sequence, string hash);

    [LoggerMessage(1404, LogLevel.Warning, "audit.deferred at={AtUtc:o} action={Action} form={Form} subject={Subject} buffered={Buffered} error={ErrorType}")]
    public static partial void AuditDeferred(ILogger logger, DateTimeOffset atUtc, string action, string form, string? subject, int buffered, string errorType);

    [LoggerMessage(1405, LogLevel.Error, "audit.dropped at={AtUtc:o} action={Action} form={Form} subject={Subject}")]
    public static partial void AuditDropped(ILogger logger, DateTimeOffset atUtc, string action, string form, string? subject);

    [LoggerMessage(1406, LogLevel.Information, "audit.recovered at={AtUtc:o} count={Count}")]
    public static partial void AuditRecovered(ILogger logger, DateTimeOffset atUtc, int count);

    [LoggerMessage(1410, LogLevel.Warning, "audit.pump_failed at={AtUtc:o} event={EventId} error={ErrorType} (the events stay in the ledger journal; retried)")]
    public static partial void AuditPumpFailed(ILogger logger, DateTimeOffset atUtc, string eventId, string errorType);

    [LoggerMessage(1501, LogLevel.Warning, "request.shed at={AtUtc:o} endpoint={Endpoint} in_flight_limit={Limit} retry_after={RetryAfterSeconds} (first in this minute; the minute's total follows in request.shed_summary)")]
    public static partial void Shed(ILogger logger, DateTimeOffset atUtc, string endpoint, int limit, int retryAfterSeconds);

    [LoggerMessage(1502, LogLevel.Warning, "request.shed_summary at={AtUtc:o} count={Count} since={SinceUtc:o}")]
    public static partial void SheddingSummary(ILogger logger, DateTimeOffset atUtc, long count, DateTimeOffset sinceUtc);
}
