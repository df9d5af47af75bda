using System.Buffers;
using System.Text.Json;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Registration;

/// <summary>A personal record waiting to be stored together with the ledger change that registers it.
/// <see cref="Content"/> is already sealed (<see cref="RegistrationRecords.Seal"/>): personal data never
/// reaches the ledger coordinator, let alone storage, in plaintext.</summary>
public sealed record PendingRecord(string RecordId, ReadOnlyMemory<byte> Content);

/// <summary>
/// The records-batch object format and how to find a record by id. A batch holds the records of exactly
/// the registrations one ledger write took; each record is its own value under its id, so
/// each one is sealed separately (<see cref="Seal"/>), and a record is found through its ledger entry
/// (<see cref="LedgerRegistration.RecordBatch"/>) without listing anything.
/// </summary>
public static class RegistrationRecords
{
    /// <summary>What each record is sealed to: a sealed record copied to another event or id does not open.</summary>
    public static string AssociatedData(string eventId, string recordId) => $"{StorageKeys.EventRegistrationForm}/{eventId}/{recordId}";

    /// <summary>Seals one record's JSON for <see cref="BuildBatch"/>. Done by the request (in parallel), not by the
    /// ledger's single writer, so encryption adds no time to the serialised part of a commit.</summary>
    public static PendingRecord Seal(RecordSealer sealer, string eventId, string recordId, ReadOnlySpan<byte> json) =>
        new(recordId, sealer.Seal(AssociatedData(eventId, recordId), json));

    /// <summary>Schema 2: each record is a base64 string of its sealed bytes. (Schema 1 held plaintext JSON
    /// objects; <see cref="ReadAsync"/> still opens those so data written before encryption stays readable.)</summary>
    public static byte[] BuildBatch(string eventId, string batchId, DateTimeOffset writtenAt, IReadOnlyList<PendingRecord> records)
    {
        ArrayBufferWriter<byte> buffer = new(256 + records.Sum(r => r.Content.Length + 40));
        using (Utf8JsonWriter writer = new(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schema", 2);
            writer.WriteString("event_id", eventId);
            writer.WriteString("batch_id", batchId);
            writer.WriteString("written_at", writtenAt);
            writer.WriteStartObject("records");
            foreach (PendingRecord record in records)
            {
                if (!RecordSealer.IsSealed(record.Content.Span))
                {
                    throw new InvalidOperationException("registration records must be sealed before they are stored");
                }

                writer.WriteBase64String(record.RecordId, record.Content.Span);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The record ids a batch object holds, with each record's stored value (sealed: a base64 string).</summary>
    public static Dictionary<string, JsonElement> ParseBatch(ReadOnlyMemory<byte> content)
    {
        using JsonDocument document = JsonDocument.Parse(content);
        return document.RootElement.GetProperty("records").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }

    /// <summary>The personal record of one registration the ledger holds, or null if it is not in the ledger
    /// or its record is missing.</summary>
    /// <exception cref="RecordSealException">A record does not open (changed, moved, or its key is gone).</exception>
    public static async Task<EventRegistrationRecord?> ReadAsync(IFormStore store, RecordSealer sealer, EventLedger ledger, string recordId, CancellationToken cancellationToken)
    {
        if (!ledger.Registrations.TryGetValue(recordId, out LedgerRegistration? entry))
        {
            return null;
        }

        if (entry.RecordBatch is null)
        {
            StoredObject? single = await store.ReadAsync(StorageKeys.EventRegistrationRecord(ledger.EventId, recordId), cancellationToken);
            return single is null ? null
                : JsonSerializer.Deserialize<EventRegistrationRecord>(
                    RecordSealer.IsSealed(single.Content.Span) ? sealer.Open(AssociatedData(ledger.EventId, recordId), single.Content.Span) : single.Content.Span,
                    FormsJson.Options);
        }

        StoredObject? batch = await store.ReadAsync(StorageKeys.EventRegistrationRecordBatch(ledger.EventId, entry.RecordBatch), cancellationToken);
        return batch is not null && ParseBatch(batch.Content).TryGetValue(recordId, out JsonElement record)
            ? Open(sealer, ledger.EventId, recordId, record)
            : null;
    }

    /// <summary>Every registration's personal record, reading each batch once (exports, verification).
    /// Registrations whose record is missing are absent from the answer.</summary>
    public static async Task<Dictionary<string, EventRegistrationRecord>> ReadAllAsync(IFormStore store, RecordSealer sealer, EventLedger ledger, CancellationToken cancellationToken)
    {
        Dictionary<string, EventRegistrationRecord> found = new(StringComparer.Ordinal);
        foreach (IGrouping<string?, KeyValuePair<string, LedgerRegistration>> group in ledger.Registrations.GroupBy(r => r.Value.RecordBatch))
        {
            if (group.Key is null)
            {
                foreach ((string id, _) in group)
                {
                    if (await ReadAsync(store, sealer, ledger, id, cancellationToken) is { } record)
                    {
                        found[id] = record;
                    }
                }

                continue;
            }

            StoredObject? batch = await store.ReadAsync(StorageKeys.EventRegistrationRecordBatch(ledger.EventId, group.Key), cancellationToken);
            Dictionary<string, JsonElement> records = batch is null ? [] : ParseBatch(batch.Content);
            foreach ((string id, _) in group)
            {
                if (records.TryGetValue(id, out JsonElement record) && Open(sealer, ledger.EventId, id, record) is { } parsed)
                {
                    found[id] = parsed;
                }
            }
        }

        return found;
    }

    /// <summary>A stored record value: sealed (schema 2, a base64 string) or plaintext JSON (schema 1).</summary>
    private static EventRegistrationRecord? Open(RecordSealer sealer, string eventId, string recordId, JsonElement value) =>
        value.ValueKind == JsonValueKind.String
            ? JsonSerializer.Deserialize<EventRegistrationRecord>(sealer.Open(AssociatedData(eventId, recordId), value.GetBytesFromBase64()), FormsJson.Options)
            : value.Deserialize<EventRegistrationRecord>(FormsJson.Options);
}
