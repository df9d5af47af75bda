namespace StartupHub.Forms.Http;

public sealed record FormTokenResponse(string Token, DateTimeOffset IssuedAt, double MinFillSeconds);

public sealed record AvailabilityResponse(
    string EventId,
    string Title,
    string Status,
    bool RegistrationOpen,
    string? ClosedReason,
    DateTimeOffset? Opens,
    DateTimeOffset? Closes,
    DateTimeOffset AsOf,
    IReadOnlyList<AvailabilitySession> Sessions);

public sealed record AvailabilitySession(string Id, string Title, bool AcceptsRegistration, int Capacity, int Confirmed, int Remaining, int Waitlist);

public sealed record RegistrationAnswer(
    string RegistrationId,
    string RegistrationNumber,
    string EventId,
    string Status,
    bool Duplicate,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<AnswerSession> Sessions,
    string? CancelToken,
    string? CancelUrl,
    string Message);

public sealed record AnswerSession(string SessionId, string Status, int? WaitlistPosition);

public sealed record CancelAnswer(string RegistrationId, string RegistrationNumber, string Status, DateTimeOffset? CancelledAt, string Message);
