namespace StartupHub.Forms.Http;

/// <summary>
/// Every route of the forms API, relative to /api. The local server, the Functions triggers and the OpenAPI
/// document all use these constants, and a test checks the three agree.
/// </summary>
public static class FormsRoutes
{
    public const string Prefix = "/api";
    public const string FormToken = "forms/{formId}/token";
    public const string Availability = "events/{eventId}/availability";
    public const string Registrations = "events/{eventId}/registrations";
    public const string Cancel = "events/{eventId}/registrations/{registrationId}/cancel";
    public const string OpenApi = "openapi.json";
    public const string Submissions = "forms/{formId}/submissions";

    public static readonly IReadOnlyList<(string Method, string Route)> All =
    [
        ("GET", FormToken),
        ("GET", Availability),
        ("POST", Registrations),
        ("POST", Cancel),
        ("GET", OpenApi),
        ("POST", Submissions),
    ];
}
