using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StartupHub.Cli.Hosting;

/// <summary>
/// Who is signed in, in the shape Static Web Apps passes to the API as the base64 JSON header
/// <c>x-ms-client-principal</c> and returns from <c>/.auth/me</c>.
/// </summary>
public sealed record ClientPrincipal(
    [property: JsonPropertyName("identityProvider")] string IdentityProvider,
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("userDetails")] string UserDetails,
    [property: JsonPropertyName("userRoles")] IReadOnlyList<string> UserRoles)
{
    public const string HeaderName = "x-ms-client-principal";

    /// <summary>The roles of a visitor who has not signed in.</summary>
    public static readonly IReadOnlyList<string> AnonymousRoles = ["anonymous"];

    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this));

    public static ClientPrincipal? Decode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ClientPrincipal>(Encoding.UTF8.GetString(Convert.FromBase64String(value)));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null; // a tampered or stale cookie is simply "not signed in"
        }
    }
}
