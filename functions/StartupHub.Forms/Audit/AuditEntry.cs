using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace StartupHub.Forms.Audit;

/// <summary>
/// One link of the hash chain. <see cref="Hash"/> is SHA-256 over <see cref="AuditEncoding.WriteEntry"/>'s
/// canonical JSON of every other field (including <see cref="PreviousHash"/>), so changing, removing or
/// reordering any entry breaks the link of the entry after it.
/// </summary>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset At,
    string Action,
    string Form,
    string? Subject,
    string Actor,
    IReadOnlyDictionary<string, string> Details,
    string PreviousHash,
    string Hash)
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>Builds the next link after <paramref name="previousHash"/>, computing its hash.</summary>
    public static AuditEntry Create(long sequence, DateTimeOffset at, AuditEvent evt, string previousHash)
    {
        SortedDictionary<string, string> details = new(StringComparer.Ordinal);
        foreach ((string key, string value) in evt.Details ?? new Dictionary<string, string>())
        {
            details[key] = value;
        }

        AuditEntry entry = new(sequence, at.ToUniversalTime(), evt.Action, evt.Form, evt.Subject, evt.Actor, details, previousHash, "");
        return entry with { Hash = entry.ComputeHash() };
    }

    /// <summary>SHA-256 (lower-case hex) of the canonical encoding without the hash field.</summary>
    public string ComputeHash() => AuditEncoding.EntryHash(this);
}

/// <summary>
/// The one canonical encoding of entries, segments, checkpoints and the head: compact JSON, fixed property
/// order, details sorted by key (ordinal), times as <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>. The verifier
/// re-encodes what it parsed and compares bytes, so even a change that parses to the same values is seen.
/// </summary>
public static class AuditEncoding
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string FormatTime(DateTimeOffset at) => at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        new(DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    // One buffer and writer per thread for hashing: every audited change hashes its entry (thousands a second under
    // load), and a stream, a writer and their growing arrays per entry were a visible share of the load test's
    // allocations (the collector's pauses land on the answers being written at the time).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_hashBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_hashWriter;

    /// <summary>SHA-256 (lower-case hex) of <see cref="EntryBytes"/> without the hash field, without allocating them.</summary>
    public static string EntryHash(AuditEntry entry)
    {
        ArrayBufferWriter<byte> buffer = t_hashBuffer ??= new ArrayBufferWriter<byte>(1024);
        Utf8JsonWriter writer = t_hashWriter ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        WriteEntry(writer, entry, includeHash: false);
        writer.Flush();
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    public static byte[] EntryBytes(AuditEntry entry, bool includeHash)
    {
        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream))
        {
            WriteEntry(writer, entry, includeHash);
        }

        return stream.ToArray();
    }

    public static void WriteEntry(Utf8JsonWriter writer, AuditEntry entry, bool includeHash)
    {
        writer.WriteStartObject();
        writer.WriteNumber("seq", entry.Sequence);
        writer.WriteString("at", FormatTime(entry.At));
        writer.WriteString("action", entry.Action);
        writer.WriteString("form", entry.Form);
        if (entry.Subject is null)
        {
            writer.WriteNull("subject");
        }
        else
        {
            writer.WriteString("subject", entry.Subject);
        }

        writer.WriteString("actor", entry.Actor);
        writer.WriteStartObject("details");
        foreach ((string key, string value) in entry.Details.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.WriteString("prev", entry.PreviousHash);
        if (includeHash)
        {
            writer.WriteString("hash", entry.Hash);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads an entry as stored (with its hash). Throws <see cref="FormatException"/> on anything unexpected.</summary>
    public static AuditEntry ReadEntry(JsonElement element)
    {
        try
        {
            SortedDictionary<string, string> details = new(StringComparer.Ordinal);
            foreach (JsonProperty detail in element.GetProperty("details").EnumerateObject())
            {
                details[detail.Name] = detail.Value.GetString() ?? throw new FormatException("detail value is null");
            }

            JsonElement subject = element.GetProperty("subject");
            return new AuditEntry(
                element.GetProperty("seq").GetInt64(),
                ParseTime(element.GetProperty("at").GetString() ?? ""),
                Required(element, "action"),
                Required(element, "form"),
                subject.ValueKind == JsonValueKind.Null ? null : subject.GetString(),
                Required(element, "actor"),
                details,
                Required(element, "prev"),
                Required(element, "hash"));
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException("audit entry is malformed: " + ex.Message, ex);
        }
    }

    public static byte[] SegmentBytes(long segment, IReadOnlyList<AuditEntry> entries)
    {
        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("segment", segment);
            writer.WriteStartArray("entries");
            foreach (AuditEntry entry in entries)
            {
                WriteEntry(writer, entry, includeHash: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Parses a segment object. Throws <see cref="FormatException"/> when it is not one.</summary>
    public static (long Segment, List<AuditEntry> Entries) ReadSegment(ReadOnlyMemory<byte> content)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(content);
            JsonElement root = document.RootElement;
            long segment = root.GetProperty("segment").GetInt64();
            List<AuditEntry> entries = root.GetProperty("entries").EnumerateArray().Select(ReadEntry).ToList();
            return (segment, entries);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException("audit segment is malformed: " + ex.Message, ex);
        }
    }

    internal static string Required(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new FormatException($"{name} is null");
}
