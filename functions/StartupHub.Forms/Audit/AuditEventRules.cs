using System.Buffers;

namespace StartupHub.Forms.Audit;

/// <summary>
/// What an audit event may contain. The log is kept after personal data is purged, so it must never hold
/// any: ids, codes and counts only. Malformed events are a programming error (ArgumentException); values
/// that look like an e-mail address are replaced rather than stored, as a last line of defence.
/// </summary>
public static class AuditEventRules
{
    public static readonly IReadOnlySet<string> Actions = new HashSet<string>(StringComparer.Ordinal)
    {
        "create", "cancel", "promote", "view", "export", "download", "status-change", "purge", "shed",
    };

    public const string Redacted = "[redacted]";
    private const int MaxValueLength = 200;
    private const int MaxDetails = 20;
    private static readonly SearchValues<char> KeyChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_-");

    public static AuditEvent Checked(AuditEvent evt)
    {
        if (!Actions.Contains(evt.Action))
        {
            throw new ArgumentException($"unknown audit action '{evt.Action}'", nameof(evt));
        }

        if (evt.Form.Length is 0 or > 100 || evt.Actor.Length is 0 or > MaxValueLength)
        {
            throw new ArgumentException("audit form and actor must be 1-100/200 characters", nameof(evt));
        }

        if (evt.Details is { Count: > MaxDetails })
        {
            throw new ArgumentException($"audit details hold at most {MaxDetails} values", nameof(evt));
        }

        Dictionary<string, string>? details = null;
        if (evt.Details is not null)
        {
            details = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach ((string key, string value) in evt.Details)
            {
                if (key.Length is 0 or > 40 || key.AsSpan().ContainsAnyExcept(KeyChars))
                {
                    throw new ArgumentException($"audit detail key '{key}' must be 1-40 of [a-z0-9_-]", nameof(evt));
                }

                details[key] = Clean(value) ?? "";
            }
        }

        return evt with { Form = Clean(evt.Form)!, Subject = Clean(evt.Subject), Actor = Clean(evt.Actor)!, Details = details };
    }

    private static string? Clean(string? value) =>
        value is null ? null
        : value.Contains('@', StringComparison.Ordinal) ? Redacted
        : value.Length > MaxValueLength ? value[..MaxValueLength]
        : value;
}
