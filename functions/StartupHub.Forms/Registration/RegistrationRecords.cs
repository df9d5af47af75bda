using System.Buffers;
using System.Text.Json;
using StartupHub.Forms.Registration.Journal;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Registration;

/// <summary>A personal record waiting to be stored together with the ledger change that registers it.</summary>
public sealed record PendingRecord(string RecordId, ReadOnlyMemory<byte> Content);

/// <summary>
/// The records-batch object format and how to find a record by id. A batch holds the records of exactly
/// the registrations one ledger write took; each record is its own JSON value under its id, so later
/// at-rest encryption can seal each one separately, and a record is found through its ledger entry
/// (<see cref="LedgerRegistration.RecordBatch"/>) without listing anything.
/// </summary>
public static class RegistrationRecords
{
    public static byte[] BuildBatch(string eventId, string batchId, DateTimeOffset writtenAt, IReadOnlyList<PendingRecord> records)
    {
        ArrayBufferWriter<byte> buffer = new(256 + records.Sum(r => r.Content.Length + 40));
        using (Utf8JsonWriter writer = new(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schema", 1);
            writer.WriteString("event_id", eventId);
            writer.WriteString("batch_id", batchId);
            writer.WriteString("written_at", writtenAt);
            writer.WriteStartObject("records");
            foreach (PendingRecord record in records)
            {
                writer.WritePropertyName(record.RecordId);
                writer.WriteRawValue(record.Content.Span, skipInputValidation: true);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The record ids a batch object holds, with each record's JSON.</summary>
    public static Dictionary<string, JsonElement> ParseBatch(ReadOnlyMemory<byte> content)
    {
        using JsonDocument document = JsonDocument.Parse(content);
        return document.RootElement.GetProperty("records").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }

    /// <summary>The personal record of one registration the ledger holds, or null if it is not in the ledger
    /// or its record is missing.</summary>
    public static async Task<EventRegistrationRecord?> ReadAsync(IFormStore store, EventLedger ledger, string recordId, CancellationToken cancellationToken)
    {
        if (!ledger.Registrations.TryGetValue(recordId, out LedgerRegistration? entry))
        {
            return null;
        }

        if (entry.RecordVersion is long version)
        {
            JournalEntry? journal = await new LedgerJournal(store).ReadEntryAsync(ledger.EventId, version, cancellationToken);
            return journal is not null && journal.Records.TryGetValue(recordId, out byte[]? content)
                ? JsonSerializer.Deserialize<EventRegistrationRecord>(content, FormsJson.Options)
                : null;
        }

        if (entry.RecordBatch is null)
        {
            StoredObject? single = await store.ReadAsync(StorageKeys.EventRegistrationRecord(ledger.EventId, recordId), cancellationToken);
            return single is null ? null : JsonSerializer.Deserialize<EventRegistrationRecord>(single.Content.Span, FormsJson.Options);
        }

        StoredObject? batch = await store.ReadAsync(StorageKeys.EventRegistrationRecordBatch(ledger.EventId, entry.RecordBatch), cancellationToken);
        return batch is not null && ParseBatch(batch.Content).TryGetValue(recordId, out JsonElement record)
            ? record.Deserialize<EventRegistrationRecord>(FormsJson.Options)
            : null;
    }

    /// <summary>Every registration's personal record, reading each batch once (exports, verification).
    /// Registrations whose record is missing are absent from the answer.</summary>
    public static async Task<Dictionary<string, EventRegistrationRecord>> ReadAllAsync(IFormStore store, EventLedger ledger, CancellationToken cancellationToken)
    {
        Dictionary<string, EventRegistrationRecord> found = new(StringComparer.Ordinal);
        LedgerJournal journal = new(store);
        foreach (IGrouping<long?, KeyValuePair<string, LedgerRegistration>> group in ledger.Registrations
            .Where(r => r.Value.RecordVersion is not null).GroupBy(r => r.Value.RecordVersion))
        {
            JournalEntry? entry = await journal.ReadEntryAsync(ledger.EventId, group.Key!.Value, cancellationToken);
            foreach ((string id, _) in group)
            {
                if (entry is not null && entry.Records.TryGetValue(id, out byte[]? content)
                    && JsonSerializer.Deserialize<EventRegistrationRecord>(content, FormsJson.Options) is { } parsed)
                {
                    found[id] = parsed;
                }
            }
        }

        // Records written before the journal existed: in records batches, or one object each.
        foreach (IGrouping<string?, KeyValuePair<string, LedgerRegistration>> group in ledger.Registrations
            .Where(r => r.Value.RecordVersion is null).GroupBy(r => r.Value.RecordBatch))
        {
            if (group.Key is null)
            {
                foreach ((string id, _) in group)
                {
                    if (await ReadAsync(store, ledger, id, cancellationToken) is { } record)
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
                if (records.TryGetValue(id, out JsonElement record) && record.Deserialize<EventRegistrationRecord>(FormsJson.Options) is { } parsed)
                {
                    found[id] = parsed;
                }
            }
        }

        return found;
    }
}
