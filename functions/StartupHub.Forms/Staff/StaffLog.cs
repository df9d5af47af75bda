using Microsoft.Extensions.Logging;

namespace StartupHub.Forms.Staff;

/// <summary>The staff API's log lines: UTC time, endpoint and the cause's type; never personal data or the principal.</summary>
internal static partial class StaffLog
{
    [LoggerMessage(1301, LogLevel.Information, "staff.refused at={AtUtc:o} endpoint={Endpoint} status={Status} reason={Reason}")]
    public static partial void Refused(ILogger logger, DateTimeOffset atUtc, string endpoint, int status, string reason);

    [LoggerMessage(1302, LogLevel.Error, "staff.unavailable at={AtUtc:o} endpoint={Endpoint} error={ErrorType}")]
    public static partial void Unavailable(ILogger logger, DateTimeOffset atUtc, string endpoint, string errorType);
}
