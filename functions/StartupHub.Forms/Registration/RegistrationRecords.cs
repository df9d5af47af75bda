using System.Text.Json;
using StartupHub.Forms.Registration.Journal;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Registration;

/// <summary>A personal record waiting to be stored together with the ledger change that registers it.
/// <see cref="Content"/> is already sealed (<see cref="RegistrationRecords.Seal"/>): personal data never
/// reaches the ledger coordinator, let alone storage, in plaintext.</summary>
public sealed record PendingRecord(string RecordId, ReadOnlyMemory<byte> Content);

/// <summary>
/// How a registration's personal record is sealed and found by id. New records travel in the ledger
/// journal entry of the version that registered them (<see cref="LedgerRegistration.RecordVersion"/>), each
/// sealed separately (<see cref="Seal"/>). Records written by the earlier layout — a records-batch object
/// per ledger write (<see cref="LedgerRegistration.RecordBatch"/>), or one object per record — are still read.
/// </summary>
public static class RegistrationRecords
{
    /// <summary>What each record is sealed to: a sealed record copied to another event or id does not open.</summary>
    public static string AssociatedData(string eventId, string recordId) => $"{StorageKeys.EventRegistrationForm}/{eventId}/{recordId}";

    /// <summary>Seals one record's JSON for its journal entry. Done by the request (in parallel), not by the
    /// ledger's single writer, so encryption adds no time to the serialised part of a commit.</summary>
    public static PendingRecord Seal(RecordSealer sealer, string eventId, string recordId, ReadOnlySpan<byte> json) =>
        new(recordId, sealer.Seal(AssociatedData(eventId, recordId), json));

    /// <summary>The record ids an earlier-layout batch object holds, with each record's stored value
    /// (schema 2: a sealed base64 string; schema 1: plaintext JSON).</summary>
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

        if (entry.RecordVersion is long version)
        {
            JournalEntry? journal = await new LedgerJournal(store).ReadEntryAsync(ledger.EventId, version, cancellationToken);
            return journal is not null && journal.Records.TryGetValue(recordId, out byte[]? content)
                ? OpenBytes(sealer, ledger.EventId, recordId, content)
                : null;
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
        LedgerJournal journal = new(store);
        foreach (IGrouping<long?, KeyValuePair<string, LedgerRegistration>> group in ledger.Registrations
            .Where(r => r.Value.RecordVersion is not null).GroupBy(r => r.Value.RecordVersion))
        {
            JournalEntry? entry = await journal.ReadEntryAsync(ledger.EventId, group.Key!.Value, cancellationToken);
            foreach ((string id, _) in group)
            {
                if (entry is not null && entry.Records.TryGetValue(id, out byte[]? content)
                    && OpenBytes(sealer, ledger.EventId, id, content) is { } parsed)
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

    /// <summary>A record from a journal entry: always sealed when written by this code.</summary>
    private static EventRegistrationRecord? OpenBytes(RecordSealer sealer, string eventId, string recordId, byte[] content) =>
        JsonSerializer.Deserialize<EventRegistrationRecord>(sealer.Open(AssociatedData(eventId, recordId), content), FormsJson.Options);

    /// <summary>A stored record value: sealed (schema 2, a base64 string) or plaintext JSON (schema 1).</summary>
    private static EventRegistrationRecord? Open(RecordSealer sealer, string eventId, string recordId, JsonElement value) =>
        value.ValueKind == JsonValueKind.String
            ? JsonSerializer.Deserialize<EventRegistrationRecord>(sealer.Open(AssociatedData(eventId, recordId), value.GetBytesFromBase64()), FormsJson.Options)
            : value.Deserialize<EventRegistrationRecord>(FormsJson.Options);
}
