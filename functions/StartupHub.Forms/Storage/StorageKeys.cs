using System.Buffers;

namespace StartupHub.Forms.Storage;

/// <summary>
/// The storage layout in one place. Everything a form writes lives under a folder named after its form
/// kind, so later forms (OIP, mentee, partnership, uploads, audit log) slot in beside event registration
/// without migrating anything.
/// </summary>
public static class StorageKeys
{
    public const string EventRegistrationForm = "event-registration";

    private static readonly SearchValues<char> SafeChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    /// <summary>One ledger per event: the single source of truth for seats and waitlists.</summary>
    public static string EventLedger(string eventId) => $"ledgers/{EventRegistrationForm}/{Checked(eventId)}.json";

    /// <summary>One version of an event's ledger journal (Registration/Journal): that version's changes and
    /// the sealed records of the people it registered. Zero-padded so listing returns versions in order.</summary>
    public static string EventLedgerJournalEntry(string eventId, long version) =>
        $"ledgers/{EventRegistrationForm}/{Checked(eventId)}/journal/{version:D10}.json";

    public static string EventLedgerJournalPrefix(string eventId) =>
        $"ledgers/{EventRegistrationForm}/{Checked(eventId)}/journal/";

    /// <summary>Earliest layout, still read: the personal data of one registration, one object per record id.</summary>
    public static string EventRegistrationRecord(string eventId, string recordId) =>
        $"submissions/{EventRegistrationForm}/{Checked(eventId)}/{Checked(recordId)}.json";

    /// <summary>
    /// Earlier layout, still read: the personal records of one group commit in one object, named by the
    /// ledger entry (<c>record_batch</c>). New records travel in the ledger journal instead.
    /// </summary>
    public static string EventRegistrationRecordBatch(string eventId, string batchId) =>
        $"submissions/{EventRegistrationForm}/{Checked(eventId)}/batches/{Checked(batchId)}.json";

    /// <summary>True for identifiers that are safe as a single path segment in both stores.</summary>
    public static bool IsSafeSegment(string value) =>
        value.Length is > 0 and <= 100
        && !value.AsSpan().ContainsAnyExcept(SafeChars)
        && value[0] != '.';

    /// <summary>True for a full key: safe segments joined by '/'.</summary>
    public static bool IsSafeKey(string key) =>
        key.Length is > 0 and <= 512 && key.Split('/').All(IsSafeSegment);

    private static string Checked(string segment) =>
        IsSafeSegment(segment) ? segment : throw new ArgumentException($"unsafe storage key segment '{segment}'", nameof(segment));
}
