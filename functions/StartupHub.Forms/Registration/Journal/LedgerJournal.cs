using System.Text.Json;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Registration.Journal;

/// <summary>
/// An event's ledger on storage, as a journal: one immutable object per version
/// (<c>ledgers/event-registration/{event}/journal/{version}.json</c>, created only if absent) holding that
/// version's <see cref="LedgerDelta"/> and the sealed personal records of the people it registered, plus a
/// snapshot of the whole ledger written now and then off the request path.
/// <para>
/// Why: the conditional create of version N+1 is the optimistic-concurrency check (two writers that both
/// read version N cannot both create N+1), exactly like If-Match on a single ledger object, but each write
/// is a few kilobytes instead of the whole ledger, and the records travel in the same object as the seats
/// they were given, so there is no window in which one exists without the other.
/// </para>
/// </summary>
public sealed class LedgerJournal(IFormStore store)
{
    /// <summary>Loads the newest state: the snapshot (if any), then every later entry in order.</summary>
    public async Task<EventLedger?> LoadAsync(string eventId, CancellationToken cancellationToken)
    {
        StoredObject? snapshot = await store.ReadAsync(StorageKeys.EventLedger(eventId), cancellationToken);
        EventLedger? ledger = snapshot is null ? null : ParseSnapshot(snapshot.Content);
        return await CatchUpAsync(eventId, ledger, cancellationToken);
    }

    /// <summary>Applies the entries after <paramref name="known"/> (a copy; the argument is not changed).
    /// Returns <paramref name="known"/> itself when nothing newer exists, and null when the event has no ledger.</summary>
    public async Task<EventLedger?> CatchUpAsync(string eventId, EventLedger? known, CancellationToken cancellationToken)
    {
        EventLedger? ledger = known;
        bool copied = false;
        // One read while nothing newer may exist (the common refresh); while entries keep turning up, the window
        // doubles up to ReadAhead reads in parallel, so a long tail after a snapshot deferred through a rush loads
        // quickly and an instance catching up on another's one or two writes reads little past the end.
        int window = 1;
        while (true)
        {
            long next = (ledger?.Version ?? 0) + 1;
            Task<StoredObject?>[] reads = [.. Enumerable.Range(0, window).Select(i => store.ReadAsync(StorageKeys.EventLedgerJournalEntry(eventId, next + i), cancellationToken))];
            for (int i = 0; i < reads.Length; i++)
            {
                StoredObject? stored;
                JournalEntry? entry;
                try
                {
                    stored = await reads[i];
                    entry = stored is null ? null : ParseEntry(stored.Content);
                }
                catch
                {
                    Observe(reads.Skip(i + 1));
                    throw;
                }

                if (entry is null)
                {
                    Observe(reads.Skip(i + 1));
                    return ledger;
                }

                if (!copied)
                {
                    ledger = ledger?.Clone() ?? EventLedger.New(eventId);
                    copied = true;
                }

                entry.Delta.ApplyTo(ledger!);
            }

            window = Math.Min(window * 2, ReadAhead);
        }
    }

    /// <summary>Journal entries read in parallel while catching up.</summary>
    private const int ReadAhead = 16;

    /// <summary>Reads past the journal's end are not needed; their failures must not surface as unobserved exceptions.</summary>
    private static void Observe(IEnumerable<Task<StoredObject?>> reads)
    {
        foreach (Task<StoredObject?> read in reads)
        {
            _ = read.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Creates the entry for <paramref name="delta"/>'s version. False when that version already
    /// exists (another writer got there first: catch up and re-apply). A store failure whose response was
    /// lost is resolved by reading the entry back: if it holds exactly our bytes, the write happened.</summary>
    public async Task<bool> TryAppendAsync(
        string eventId,
        LedgerDelta delta,
        IReadOnlyDictionary<string, byte[]> records,
        DateTimeOffset writtenAt,
        IReadOnlyList<Audit.AuditEvent>? audit = null)
    {
        string key = StorageKeys.EventLedgerJournalEntry(eventId, delta.Version);
        JournalEntry entry = new(1, eventId, delta.Version, writtenAt, delta, records, audit is { Count: > 0 } ? audit : null);
        byte[] content = JsonSerializer.SerializeToUtf8Bytes(entry, FormsJson.Options);
        try
        {
            return await store.TryCreateAsync(key, content, CancellationToken.None) is not null;
        }
        catch (StorageUnavailableException)
        {
            // If this read fails too, its exception goes up: the outcome is unknown and the batch answers 503.
            StoredObject? existing = await store.ReadAsync(key, CancellationToken.None);
            if (existing is not null && existing.Content.Span.SequenceEqual(content))
            {
                return true;
            }

            throw;
        }
    }

    /// <summary>The entry of one version (records included), or null.</summary>
    public async Task<JournalEntry?> ReadEntryAsync(string eventId, long version, CancellationToken cancellationToken)
    {
        StoredObject? stored = await store.ReadAsync(StorageKeys.EventLedgerJournalEntry(eventId, version), cancellationToken);
        return stored is null ? null : ParseEntry(stored.Content);
    }

    /// <summary>
    /// Writes <paramref name="ledger"/> as the snapshot unless the stored one is as new or newer. Snapshots
    /// only shorten loading; any snapshot plus the entries after it gives the same state, so losing a race
    /// here is harmless and simply skipped.
    /// </summary>
    public async Task WriteSnapshotAsync(EventLedger ledger, CancellationToken cancellationToken)
    {
        string key = StorageKeys.EventLedger(ledger.EventId);
        StoredObject? current = await store.ReadAsync(key, cancellationToken);
        if (current is not null && SnapshotVersion(current.Content) >= ledger.Version)
        {
            return;
        }

        byte[] content = JsonSerializer.SerializeToUtf8Bytes(ledger, FormsJson.Options);
        _ = current is null
            ? await store.TryCreateAsync(key, content, cancellationToken)
            : await store.TryReplaceAsync(key, content, current.ETag, cancellationToken);
    }

    /// <summary>Every event that has a ledger: from snapshot keys (<c>{event}.json</c>) and journal keys
    /// (<c>{event}/journal/…</c>), since a young event may have entries but no snapshot yet. Ordinal order.</summary>
    public async Task<IReadOnlyList<string>> ListEventIdsAsync(CancellationToken cancellationToken)
    {
        SortedSet<string> ids = new(StringComparer.Ordinal);
        string prefix = $"ledgers/{StorageKeys.EventRegistrationForm}/";
        await foreach (string key in store.ListAsync(prefix, cancellationToken))
        {
            string rest = key[prefix.Length..];
            int slash = rest.IndexOf('/', StringComparison.Ordinal);
            string id = slash >= 0 ? rest[..slash] : rest.EndsWith(".json", StringComparison.Ordinal) ? rest[..^".json".Length] : "";
            if (StorageKeys.IsSafeSegment(id))
            {
                ids.Add(id);
            }
        }

        return [.. ids];
    }

    /// <summary>The version of a stored snapshot without parsing the whole ledger (megabytes for a large event;
    /// measured as a visible share of the CPU under load): the top-level <c>version</c> property.</summary>
    private static long SnapshotVersion(ReadOnlyMemory<byte> content)
    {
        Utf8JsonReader reader = new(content.Span);
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("version"u8))
                {
                    reader.Read();
                    return reader.GetInt64();
                }

                reader.Skip();
            }
        }

        throw new JsonException("ledger snapshot has no version");
    }

    private static EventLedger ParseSnapshot(ReadOnlyMemory<byte> content) =>
        JsonSerializer.Deserialize<EventLedger>(content.Span, FormsJson.Options) ?? throw new JsonException("empty ledger snapshot");

    private static JournalEntry ParseEntry(ReadOnlyMemory<byte> content) =>
        JsonSerializer.Deserialize<JournalEntry>(content.Span, FormsJson.Options) ?? throw new JsonException("empty journal entry");
}

/// <summary>One stored version: its delta, the sealed records (by record id) of the people it registered, and the
/// audit events of its changes (create, cancel, promote; ids only), which are durable here before anybody is
/// answered and are copied into the hash-chained audit log by <see cref="LedgerAuditPump"/>. Entries written
/// before the audit events moved here have none (their events went to the audit log directly).</summary>
public sealed record JournalEntry(
    int Schema,
    string EventId,
    long Version,
    DateTimeOffset WrittenAt,
    LedgerDelta Delta,
    IReadOnlyDictionary<string, byte[]> Records,
    IReadOnlyList<Audit.AuditEvent>? Audit = null);
