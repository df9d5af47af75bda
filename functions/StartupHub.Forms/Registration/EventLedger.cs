using StartupHub.Forms.Manifest;

namespace StartupHub.Forms.Registration;

/// <summary>
/// The per-event ledger, stored as a journal (Journal/LedgerJournal). It is the single source of truth for
/// who holds a seat and who waits, and it holds no personal data (only record ids, numbers and keyed
/// fingerprints). Every change is applied to a copy of the newest version and stored as the next journal
/// version, which can be created only once, so two writers can never both act on the same state.
/// </summary>
public sealed class EventLedger
{
    public int Schema { get; set; } = 1;

    public string EventId { get; set; } = "";

    /// <summary>Incremented by exactly one per successful write.</summary>
    public long Version { get; set; }

    public int NextNumber { get; set; } = 1;

    public Dictionary<string, SessionLedger> Sessions { get; set; } = [];

    public LedgerMap<LedgerRegistration> Registrations { get; set; } = new();

    /// <summary>Keyed email fingerprint → registration id, for active (not cancelled) registrations only.</summary>
    public LedgerMap<string> ActiveByEmail { get; set; } = new();

    public LedgerMap<IdempotencyEntry> IdempotencyKeys { get; set; } = new();

    /// <summary>Append-only history of seat changes; lets anyone replay the ledger and check that no version
    /// ever had more confirmed than seats and that promotions followed the waitlist order.</summary>
    public List<LedgerChange> Changes { get; set; } = [];

    /// <summary>Set by the rules when this copy differs from what was read; only dirty copies are written.</summary>
    internal bool Dirty { get; set; }

    /// <summary>The keys this copy changed since <see cref="CloneForChange"/>, so the delta of a batch is computed
    /// from what the batch touched instead of by comparing whole ledgers (which grew with every registration and
    /// made each write cost O(registrations)). Null on copies that are not tracked.</summary>
    internal LedgerTouches? Touches { get; private set; }

    public static EventLedger New(string eventId) => new() { EventId = eventId };

    /// <summary>A <see cref="Clone"/> that records what the rules change on it (see <see cref="Touches"/>).</summary>
    internal EventLedger CloneForChange()
    {
        EventLedger copy = Clone();
        copy.Touches = new LedgerTouches(Changes.Count);
        return copy;
    }

    /// <summary>The rules change registrations, the email index and idempotency keys only through these, so a
    /// tracked copy knows every key it changed.</summary>
    internal void PutRegistration(string registrationId, LedgerRegistration registration)
    {
        Registrations[registrationId] = registration;
        Touches?.Registrations.Add(registrationId);
    }

    internal void SetActiveEmail(string emailFingerprint, string registrationId)
    {
        ActiveByEmail[emailFingerprint] = registrationId;
        Touches?.Emails.Add(emailFingerprint);
    }

    internal void RemoveActiveEmail(string emailFingerprint)
    {
        ActiveByEmail.Remove(emailFingerprint);
        Touches?.Emails.Add(emailFingerprint);
    }

    internal void AddIdempotencyKey(string key, IdempotencyEntry entry)
    {
        IdempotencyKeys[key] = entry;
        Touches?.IdempotencyKeys.Add(key);
    }

    /// <summary>A deep copy to apply the next batch to, so the committed copy shared with readers never
    /// changes. Far cheaper than parsing the stored JSON again (which grows with every registration).</summary>
    internal EventLedger Clone() => new()
    {
        Schema = Schema,
        EventId = EventId,
        Version = Version,
        NextNumber = NextNumber,
        Sessions = Sessions.ToDictionary(s => s.Key, s => new SessionLedger { Capacity = s.Value.Capacity, Confirmed = [.. s.Value.Confirmed], Waitlist = WithRoom(s.Value.Waitlist) }, Sessions.Comparer),
        // Shallow: entries are never changed in place (LedgerRules replaces an entry to change it), so the
        // copy shares them with the committed ledger, and the maps share all but their recent changes.
        Registrations = Registrations.Copy(),
        ActiveByEmail = ActiveByEmail.Copy(),
        IdempotencyKeys = IdempotencyKeys.Copy(),
        Changes = WithRoom(Changes),
    };

    /// <summary>
    /// A copy with room for a batch's additions, for the lists that grow without bound (the change log, a waitlist;
    /// confirmed seats stop at the capacity). A copy of exactly the old length doubled on the batch's first
    /// addition: under load that was a second, twice as large array per list per commit, tens of kilobytes at a few
    /// thousand entries and a large-object allocation past about ten thousand. Short lists get little room, so the
    /// many small ones of an event with many sessions do not each carry a batch's worth.
    /// </summary>
    private static List<T> WithRoom<T>(List<T> source)
    {
        List<T> copy = new(source.Count + Math.Min(256, 4 + (source.Count / 8)));
        copy.AddRange(source);
        return copy;
    }

    public SessionLedger Session(string sessionId) =>
        Sessions.TryGetValue(sessionId, out SessionLedger? session) ? session : Sessions[sessionId] = new SessionLedger();
}

/// <summary>What a tracked ledger copy changed: keys, and how long <see cref="EventLedger.Changes"/> was before.</summary>
internal sealed class LedgerTouches(int changesBefore)
{
    public int ChangesBefore { get; } = changesBefore;

    public HashSet<string> Registrations { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Emails { get; } = new(StringComparer.Ordinal);

    public HashSet<string> IdempotencyKeys { get; } = new(StringComparer.Ordinal);
}

public sealed class SessionLedger
{
    /// <summary>The capacity last applied from the manifest.</summary>
    public int Capacity { get; set; }

    /// <summary>Confirmed registration ids in the order they got their seat.</summary>
    public List<string> Confirmed { get; set; } = [];

    /// <summary>Waiting registration ids, first come first served.</summary>
    public List<string> Waitlist { get; set; } = [];
}

public sealed class LedgerRegistration
{
    public string Number { get; set; } = "";

    public string EmailFingerprint { get; set; } = "";

    public List<string> Sessions { get; set; } = [];

    public DateTimeOffset RegisteredAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>The records batch holding this registration's personal record
    /// (<see cref="Storage.StorageKeys.EventRegistrationRecordBatch"/>); null for a record stored on its own.</summary>
    public string? RecordBatch { get; set; }

    /// <summary>The journal version whose entry holds this registration's sealed personal record
    /// (<see cref="Storage.StorageKeys.EventLedgerJournalEntry"/>).</summary>
    public long? RecordVersion { get; set; }

    internal LedgerRegistration Clone() => new()
    {
        Number = Number,
        EmailFingerprint = EmailFingerprint,
        Sessions = [.. Sessions],
        RegisteredAt = RegisteredAt,
        CancelledAt = CancelledAt,
        RecordBatch = RecordBatch,
        RecordVersion = RecordVersion,
    };
}

public sealed record IdempotencyEntry(string RegistrationId, string RequestFingerprint);

/// <summary>One seat change. Op is confirm | waitlist | promote | cancel-seat | cancel-wait.</summary>
public sealed record LedgerChange(long Version, DateTimeOffset At, string Op, string Registration, string Session);

/// <summary>Status of one registration in one session, as answered to the registrant.</summary>
public sealed record SessionStatus(string SessionId, string Status, int? WaitlistPosition);

/// <summary>What the registrant is told about their registration.</summary>
public sealed record RegistrationView(
    string RegistrationId,
    string Number,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? CancelledAt,
    IReadOnlyList<SessionStatus> Sessions)
{
    public string OverallStatus =>
        CancelledAt is not null ? "cancelled"
        : Sessions.All(s => s.Status == SessionStates.Confirmed) ? "confirmed"
        : Sessions.All(s => s.Status == SessionStates.Waitlisted) ? "waitlisted"
        : "partially_confirmed";
}

public static class SessionStates
{
    public const string Confirmed = "confirmed";
    public const string Waitlisted = "waitlisted";
    public const string Cancelled = "cancelled";
}

/// <summary>Used by the availability endpoint.</summary>
public sealed record SessionAvailability(string SessionId, string Title, int Capacity, int Confirmed, int Remaining, int Waitlist, bool AcceptsRegistration);

internal static class ManifestCapacity
{
    public static int Of(ManifestSession session) => Math.Max(0, session.Capacity ?? 0);
}
