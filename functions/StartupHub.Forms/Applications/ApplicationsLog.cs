using Microsoft.Extensions.Logging;

namespace StartupHub.Forms.Applications;

/// <summary>Log lines of the application forms. Ids and receipt numbers only, never personal data.</summary>
internal static partial class ApplicationsLog
{
    [LoggerMessage(1301, LogLevel.Information, "submission.received at={AtUtc:o} form={FormId} submission={SubmissionId} number={Number} attachments={Attachments}")]
    public static partial void Received(ILogger logger, DateTimeOffset atUtc, string formId, string submissionId, string number, int attachments);

    [LoggerMessage(1302, LogLevel.Error, "submission.audit_failed at={AtUtc:o} form={FormId} submission={SubmissionId} error={ErrorType}")]
    public static partial void AuditFailed(ILogger logger, DateTimeOffset atUtc, string formId, string submissionId, string errorType);
}
