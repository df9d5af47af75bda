using Microsoft.Extensions.Logging;

namespace StartupHub.Forms;

/// <summary>
/// Every structured log line the forms API writes. Each carries the UTC time it describes. None takes
/// personal data: registrations are identified by record id and number, clients by a keyed hash.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "form.rejected at={AtUtc:o} endpoint={Endpoint} reason={Reason} status={Status} event={EventId} client={ClientHash}")]
    public static partial void Rejected(ILogger logger, DateTimeOffset atUtc, string endpoint, string reason, int status, string? eventId, string clientHash);

    [LoggerMessage(1002, LogLevel.Information, "registration.{Outcome} at={AtUtc:o} event={EventId} registration={RegistrationId} number={Number} status={Status}")]
    public static partial void Registered(ILogger logger, DateTimeOffset atUtc, string outcome, string eventId, string registrationId, string number, string status);

    [LoggerMessage(1003, LogLevel.Information, "registration.cancelled at={AtUtc:o} event={EventId} registration={RegistrationId} promoted={PromotedCount}")]
    public static partial void Cancelled(ILogger logger, DateTimeOffset atUtc, string eventId, string registrationId, int promotedCount);

    [LoggerMessage(1004, LogLevel.Information, "registration.promoted at={AtUtc:o} event={EventId} registration={RegistrationId} session={SessionId}")]
    public static partial void Promoted(ILogger logger, DateTimeOffset atUtc, string eventId, string registrationId, string sessionId);

    [LoggerMessage(1101, LogLevel.Debug, "ledger.written at={AtUtc:o} event={EventId} version={Version} batch={BatchSize}")]
    public static partial void LedgerWritten(ILogger logger, DateTimeOffset atUtc, string eventId, long version, int batchSize);

    [LoggerMessage(1102, LogLevel.Information, "ledger.conflict at={AtUtc:o} event={EventId} read_version={ReadVersion} attempt={Attempt}")]
    public static partial void LedgerConflict(ILogger logger, DateTimeOffset atUtc, string eventId, long readVersion, int attempt);

    [LoggerMessage(1103, LogLevel.Warning, "ledger.gave_up at={AtUtc:o} event={EventId} attempts={Attempts}")]
    public static partial void LedgerGaveUp(ILogger logger, DateTimeOffset atUtc, string eventId, int attempts);

    [LoggerMessage(1104, LogLevel.Error, "ledger.failed at={AtUtc:o} event={EventId} error={ErrorType}")]
    public static partial void LedgerFailed(ILogger logger, DateTimeOffset atUtc, string eventId, string errorType);

    [LoggerMessage(1201, LogLevel.Error, "storage.unavailable at={AtUtc:o} endpoint={Endpoint} error={ErrorType}")]
    public static partial void StorageUnavailable(ILogger logger, DateTimeOffset atUtc, string endpoint, string errorType);

    [LoggerMessage(1202, LogLevel.Error, "manifest.unavailable at={AtUtc:o} reason={Reason}")]
    public static partial void ManifestUnavailable(ILogger logger, DateTimeOffset atUtc, string reason);

    [LoggerMessage(1203, LogLevel.Warning, "secret.generated at={AtUtc:o} path={Path} (local development only)")]
    public static partial void SecretGenerated(ILogger logger, DateTimeOffset atUtc, string path);
}
