namespace StartupHub.Forms.Registration;

/// <summary>
/// The JSON body of POST /api/events/{eventId}/registrations, exactly as a browser sends it. Every property
/// is nullable because bad input must become a per-field 400, never a deserialisation 500.
/// </summary>
public sealed class RegistrationRequest
{
    public List<string?>? Sessions { get; set; }

    public string? Name { get; set; }

    public string? Furigana { get; set; }

    public string? Email { get; set; }

    public string? Organization { get; set; }

    public string? OrganizationType { get; set; }

    public string? JobTitle { get; set; }

    public string? Referral { get; set; }

    public string? Comment { get; set; }

    public ConsentRequest? Consent { get; set; }

    /// <summary>The signed form-issue time from GET /api/forms/{formId}/token.</summary>
    public string? FormToken { get; set; }

    /// <summary>Honeypot: hidden from people by CSS, filled in by naive bots.</summary>
    public string? Website { get; set; }
}

public sealed class ConsentRequest
{
    public bool? Agreed { get; set; }

    public string? PurposeVersion { get; set; }
}

/// <summary>Body of POST /api/events/{eventId}/registrations/{registrationId}/cancel.</summary>
public sealed class CancellationRequest
{
    public string? Token { get; set; }
}
