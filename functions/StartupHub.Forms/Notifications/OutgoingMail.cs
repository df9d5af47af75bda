namespace StartupHub.Forms.Notifications;

/// <summary>
/// One e-mail to send, fully composed when it is queued (so the dispatcher needs neither the manifest nor
/// the registration). It holds an e-mail address, so it is only ever stored sealed (<see cref="StoreNotificationOutbox"/>).
/// </summary>
/// <param name="Kind">What the mail is about (<see cref="MailKinds"/>); logged.</param>
/// <param name="Reference">A reference without personal data, e.g. <c>event-registration/2025-10-chiba/R-0012</c>; logged
/// and kept in the sent receipt, so an operator can answer "was my confirmation sent?".</param>
/// <param name="To">The recipient.</param>
/// <param name="Subject">Japanese subject line.</param>
/// <param name="TextBody">Japanese plain text body.</param>
public sealed record OutgoingMail(string Kind, string Reference, MailRecipient To, string Subject, string TextBody)
{
    /// <summary>Where replies go (the operator's contact address from the manifest).</summary>
    public string? ReplyTo { get; init; }

    /// <summary>The sender's display name when Forms:Mail:FromName is not configured (the site title).</summary>
    public string? SenderName { get; init; }

    /// <summary>The sender's address when Forms:Mail:FromAddress is not configured (the operator's contact address).</summary>
    public string? SenderAddress { get; init; }
}

public sealed record MailRecipient(string Address, string? Name);

public static class MailKinds
{
    public const string RegistrationReceived = "registration-received";
    public const string RegistrationPromoted = "registration-promoted";
    public const string RegistrationCancelled = "registration-cancelled";
    public const string SubmissionReceived = "submission-received";
    public const string StaffNotice = "staff-notice";
}
