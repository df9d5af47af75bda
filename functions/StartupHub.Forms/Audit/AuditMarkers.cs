using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StartupHub.Forms.Security;

namespace StartupHub.Forms.Audit;

/// <summary>
/// A checkpoint: "entry <see cref="Sequence"/> had hash <see cref="Hash"/>", written every N entries to its
/// own object and signed with a key derived from the forms HMAC secret. Someone who can write to storage
/// but does not hold the secret can recompute the hash chain after editing it, but cannot re-sign the
/// checkpoints, so such an edit is still found.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTimeOffset At, string Mac)
{
    public byte[] SignedBytes() => Encode(this, includeMac: false);

    public byte[] ToBytes() => Encode(this, includeMac: true);

    public static AuditCheckpoint Create(long sequence, string hash, DateTimeOffset at, AuditSigner signer)
    {
        AuditCheckpoint unsigned = new(sequence, hash, at, "");
        return unsigned with { Mac = signer.Sign("checkpoint", unsigned.SignedBytes()) };
    }

    public static AuditCheckpoint Parse(ReadOnlyMemory<byte> content)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(content);
            JsonElement root = document.RootElement;
            return new AuditCheckpoint(
                root.GetProperty("seq").GetInt64(),
                AuditEncoding.Required(root, "hash"),
                AuditEncoding.ParseTime(AuditEncoding.Required(root, "at")),
                AuditEncoding.Required(root, "mac"));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException("audit checkpoint is malformed: " + ex.Message, ex);
        }
    }

    private static byte[] Encode(AuditCheckpoint checkpoint, bool includeMac)
    {
        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("seq", checkpoint.Sequence);
            writer.WriteString("hash", checkpoint.Hash);
            writer.WriteString("at", AuditEncoding.FormatTime(checkpoint.At));
            if (includeMac)
            {
                writer.WriteString("mac", checkpoint.Mac);
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}

/// <summary>
/// The head pointer: the newest segment, sequence and hash, signed like a checkpoint and replaced after
/// every commit. It lets an appender find the end without listing, and lets the verifier see a tail that
/// was cut off after the last checkpoint.
/// </summary>
public sealed record AuditHead(long Segment, long Sequence, string Hash, DateTimeOffset At, string Mac)
{
    public byte[] SignedBytes() => Encode(this, includeMac: false);

    public byte[] ToBytes() => Encode(this, includeMac: true);

    public static AuditHead Create(long segment, long sequence, string hash, DateTimeOffset at, AuditSigner signer)
    {
        AuditHead unsigned = new(segment, sequence, hash, at, "");
        return unsigned with { Mac = signer.Sign("head", unsigned.SignedBytes()) };
    }

    public static AuditHead Parse(ReadOnlyMemory<byte> content)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(content);
            JsonElement root = document.RootElement;
            return new AuditHead(
                root.GetProperty("segment").GetInt64(),
                root.GetProperty("seq").GetInt64(),
                AuditEncoding.Required(root, "hash"),
                AuditEncoding.ParseTime(AuditEncoding.Required(root, "at")),
                AuditEncoding.Required(root, "mac"));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException("audit head is malformed: " + ex.Message, ex);
        }
    }

    private static byte[] Encode(AuditHead head, bool includeMac)
    {
        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("segment", head.Segment);
            writer.WriteNumber("seq", head.Sequence);
            writer.WriteString("hash", head.Hash);
            writer.WriteString("at", AuditEncoding.FormatTime(head.At));
            if (includeMac)
            {
                writer.WriteString("mac", head.Mac);
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}

/// <summary>Signs checkpoints and the head with a purpose-separated key derived from the forms HMAC secret.</summary>
public sealed class AuditSigner(FormSecrets secrets)
{
    public string Sign(string purpose, byte[] canonical) => secrets.Fingerprint("audit-" + purpose, canonical);

    public bool Verify(string purpose, byte[] canonical, string mac) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(purpose, canonical)), Encoding.UTF8.GetBytes(mac));
}

/// <summary>Where the audit log lives. Sequence and segment numbers are zero-padded so listing order is numeric order.</summary>
public static class AuditKeys
{
    public const string SegmentPrefix = "audit/segments/";
    public const string CheckpointPrefix = "audit/checkpoints/";
    public const string Head = "audit/head.json";

    public static string Segment(long number) => $"{SegmentPrefix}{number:D12}.json";

    public static string Checkpoint(long sequence) => $"{CheckpointPrefix}{sequence:D12}.json";

    /// <summary>The number in a segment or checkpoint key, or null when the name is not one of ours.</summary>
    public static long? NumberOf(string key, string prefix) =>
        key.StartsWith(prefix, StringComparison.Ordinal) && key.EndsWith(".json", StringComparison.Ordinal)
        && key.Length == prefix.Length + 12 + 5
        && long.TryParse(key.AsSpan(prefix.Length, 12), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n)
            ? n : null;
}
