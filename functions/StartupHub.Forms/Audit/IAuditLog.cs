namespace StartupHub.Forms.Audit;

/// <summary>
/// The tamper-evident audit log: every create, cancel, promotion, view, export, download and deletion is
/// appended here. Entries carry ids, never personal data. Appending is durable when the task completes.
/// </summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEvent entry, CancellationToken cancellationToken);
}

/// <param name="Action">create | cancel | promote | view | export | download | status-change | purge | shed</param>
/// <param name="Form">The form id (event-registration, oip-application, ...) or "system".</param>
/// <param name="Subject">The record, event or export the action is about; null when none.</param>
/// <param name="Actor">"public:{client hash}", "staff:{user id}" or "system".</param>
/// <param name="Details">Small non-personal facts (status, counts, format).</param>
public sealed record AuditEvent(
    string Action,
    string Form,
    string? Subject,
    string Actor,
    IReadOnlyDictionary<string, string>? Details = null);
