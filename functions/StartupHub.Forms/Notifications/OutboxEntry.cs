using System.Text.Json;
using StartupHub.Forms.Security;

namespace StartupHub.Forms.Notifications;

/// <summary>
/// One queued mail with its delivery state, stored sealed under its key (the key is the associated data,
/// so a pending object copied to another key does not open). The state lives inside the sealed object:
/// every state change is a conditional replace, which is also what makes claiming a mail exclusive.
/// </summary>
public sealed record OutboxEntry(
    int Schema,
    string Id,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? LeasedUntil,
    string? LastError,
    OutgoingMail Mail)
{
    public byte[] Seal(RecordSealer sealer, string key) =>
        sealer.Seal(key, JsonSerializer.SerializeToUtf8Bytes(this, FormsJson.Options));

    /// <exception cref="RecordSealException">The object does not open (wrong key, changed bytes).</exception>
    /// <exception cref="JsonException">The object opened but is not an outbox entry.</exception>
    public static OutboxEntry Open(RecordSealer sealer, string key, ReadOnlySpan<byte> content) =>
        JsonSerializer.Deserialize<OutboxEntry>(sealer.Open(key, content), FormsJson.Options)
        ?? throw new JsonException("empty outbox entry");
}

/// <summary>What remains of a sent mail: no address, no body, only what identifies it to an operator.</summary>
public sealed record SentReceipt(string Id, string Kind, string Reference, DateTimeOffset CreatedAt, DateTimeOffset SentAt, int Attempts, string MessageId);

/// <summary>The outbox's storage layout.</summary>
public static class OutboxKeys
{
    public const string PendingPrefix = "outbox/pending/";
    public const string FailedPrefix = "outbox/failed/";
    public const string SentPrefix = "outbox/sent/";

    public static string Pending(string id) => PendingPrefix + Checked(id);

    public static string Failed(string id) => FailedPrefix + Checked(id);

    public static string Sent(string id) => SentPrefix + Checked(id) + ".json";

    /// <summary>Ids are UUIDv7 in "N" form: listing the prefix returns mails oldest first.</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");

    public static string IdOf(string key) => key[(key.LastIndexOf('/') + 1)..];

    private static string Checked(string id) =>
        Storage.StorageKeys.IsSafeSegment(id) ? id : throw new ArgumentException($"unsafe outbox id '{id}'", nameof(id));
}
