using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using StartupHub.Forms.Audit;

namespace StartupHub.Forms.Tests.Staff;

/// <summary>Keeps every audit entry in memory so tests can check what staff actions recorded.</summary>
public sealed class RecordingAuditLog : IAuditLog
{
    public ConcurrentQueue<AuditEvent> Entries { get; } = new();

    public Task AppendAsync(AuditEvent entry, CancellationToken cancellationToken)
    {
        Entries.Enqueue(entry);
        return Task.CompletedTask;
    }
}

public static class StaffTestSupport
{
    public const string StaffUserId = "0123456789abcdef0123456789abcdef";

    /// <summary>The header value Static Web Apps would send for a signed-in person with these roles.</summary>
    public static string Principal(params string[] roles) => PrincipalFor(StaffUserId, roles);

    public static string PrincipalFor(string userId, params string[] roles) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new { identityProvider = "aad", userId, userDetails = "staff@example.jp", userRoles = roles }));

    public static string StaffPrincipalHeader => Principal("anonymous", "authenticated", "staff");

    /// <summary>A minimal RFC 4180 reader: quoted fields with doubled quotes, CRLF or LF row ends.</summary>
    public static List<List<string>> ParseCsv(string text)
    {
        List<List<string>> rows = [];
        List<string> row = [];
        StringBuilder field = new();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.False(quoted, "unterminated quoted field");
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
