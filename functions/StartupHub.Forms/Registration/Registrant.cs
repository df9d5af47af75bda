namespace StartupHub.Forms.Registration;

/// <summary>
/// All personal data of one registration, and nothing else. Keeping it in one record means the later
/// at-rest encryption issue can seal exactly this object (AES-GCM) without touching the ledger, which
/// only ever holds ids, numbers and keyed fingerprints.
/// </summary>
public sealed record Registrant(
    string Name,
    string Furigana,
    string Email,
    string? Organization,
    string OrganizationType,
    string? JobTitle,
    string? Referral,
    string? Comment);

/// <summary>The consent to the purpose-of-use notice, with the notice version the person saw.</summary>
public sealed record Consent(string PurposeVersion, DateTimeOffset AgreedAt);

/// <summary>One stored registration: submissions/event-registration/{eventId}/{recordId}.json.</summary>
public sealed record EventRegistrationRecord(
    int Schema,
    string RecordId,
    string EventId,
    IReadOnlyList<string> Sessions,
    DateTimeOffset SubmittedAt,
    Consent Consent,
    Registrant Personal);
