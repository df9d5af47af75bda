using System.Text.Json;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Registration;
using StartupHub.Forms.Registration.Journal;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Staff;

/// <summary>One event's ledger with the personal records of its registrations (by record id).</summary>
public sealed record LoadedEvent(string EventId, ManifestEvent? Event, EventLedger Ledger, IReadOnlyDictionary<string, EventRegistrationRecord> Records)
{
    public string Title => Event?.Title ?? EventId;

    public string SessionTitle(string sessionId) => Event?.FindSession(sessionId)?.Title ?? sessionId;
}

/// <summary>
/// Reads event registrations for staff straight from the store: every stored ledger (also of events no longer
/// in the manifest, so nothing acknowledged goes missing from an export) and each ledger's journal entries,
/// each entry read once and each record opened with the <see cref="RecordSealer"/>. Staff reads are rare and
/// must be current, so the coordinator's shared few-seconds-old copy is not used.
/// </summary>
public sealed class EventRegistrationReader(IFormStore store, RecordSealer sealer)
{
    public async Task<IReadOnlyList<LoadedEvent>> LoadAsync(FormsManifest manifest, string? eventId, CancellationToken cancellationToken)
    {
        List<string> eventIds = [];
        if (eventId is not null)
        {
            eventIds.Add(eventId);
        }
        else
        {
            eventIds.AddRange(await new LedgerJournal(store).ListEventIdsAsync(cancellationToken));
        }

        List<LoadedEvent> loaded = [];
        foreach (string id in eventIds.Where(StorageKeys.IsSafeSegment))
        {
            if (await LoadOneAsync(manifest, id, cancellationToken) is { } evt)
            {
                loaded.Add(evt);
            }
        }

        // Manifest order (the site's event order) first, then events the manifest no longer lists.
        return [.. loaded.OrderBy(e => e.Event is null ? int.MaxValue : IndexOf(manifest, e.EventId)).ThenBy(e => e.EventId, StringComparer.Ordinal)];
    }

    private async Task<LoadedEvent?> LoadOneAsync(FormsManifest manifest, string eventId, CancellationToken cancellationToken)
    {
        // The journal, read through: the snapshot plus every entry after it.
        if (await new LedgerJournal(store).LoadAsync(eventId, cancellationToken) is not { } ledger)
        {
            return null;
        }

        Dictionary<string, EventRegistrationRecord> records = await RegistrationRecords.ReadAllAsync(store, sealer, ledger, cancellationToken);
        return new LoadedEvent(eventId, manifest.FindEvent(eventId), ledger, records);
    }

    private static int IndexOf(FormsManifest manifest, string eventId)
    {
        for (int i = 0; i < manifest.Events.Count; i++)
        {
            if (string.Equals(manifest.Events[i].Id, eventId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
