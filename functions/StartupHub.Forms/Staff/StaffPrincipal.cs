using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace StartupHub.Forms.Staff;

/// <summary>
/// The signed-in person behind a staff request, decoded from the <c>x-ms-client-principal</c> header that
/// Azure Static Web Apps adds to every request it forwards to the API: base64 of the JSON
/// <c>{ identityProvider, userId, userDetails, userRoles[] }</c>. The isolated worker does not decode it,
/// so this does, strictly: anything that is not exactly that shape is "not signed in", never an exception.
/// Static Web Apps removes a header of that name sent by a browser, so the header can be trusted only when
/// the API is reachable through Static Web Apps alone (managed functions or a linked backend; see docs/staff-api.md).
/// </summary>
public sealed record StaffPrincipal(string IdentityProvider, string UserId, string? UserDetails, IReadOnlyList<string> Roles)
{
    public const string HeaderName = "x-ms-client-principal";
    public const string StaffRole = "staff";

    /// <summary>Far above a real principal (a few hundred bytes); anything larger is refused before decoding.</summary>
    public const int MaxHeaderLength = 8 * 1024;

    /// <summary>userId becomes part of audit entries ("staff:{userId}"), so it must be plain printable ASCII.</summary>
    public const int MaxUserIdLength = 256;

    private const int MaxRoles = 64;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 4, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>The audit actor for this person.</summary>
    public string Actor => "staff:" + UserId;

    /// <summary>
    /// True when one of the roles is "staff". Static Web Apps' documentation does not say whether role names
    /// compare case-insensitively, and roles are free-form strings given by invitation or a role function; so
    /// ASCII case is ignored ("Staff" is the same role), but nothing else is: no trimming, no Unicode case
    /// folding (U+017F "ſ" upper-cases to "S"), no width folding ("ｓｔａｆｆ").
    /// </summary>
    public bool IsStaff => Roles.Any(r => r.Length == StaffRole.Length && Ascii.EqualsIgnoreCase(r, StaffRole));

    /// <summary>The principal in the request's header, or null when it is absent or malformed in any way.</summary>
    public static StaffPrincipal? FromRequest(HttpRequest request) =>
        request.Headers.TryGetValue(HeaderName, out StringValues values) && values.Count == 1 ? Decode(values[0]) : null;

    /// <summary>Decodes a header value; null for anything but a well-formed principal with a userId and a roles array.</summary>
    public static StaffPrincipal? Decode(string? header)
    {
        if (string.IsNullOrEmpty(header) || header.Length > MaxHeaderLength)
        {
            return null;
        }

        byte[] json = new byte[header.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64String(header, json, out int length))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(json.AsMemory(0, length), DocumentOptions);
            return FromJson(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // JsonException covers invalid UTF-8 and syntax; GetString throws InvalidOperationException for an
            // escaped lone surrogate ("\ud800"), which the fuzz test found.
            return null;
        }
    }

    private static StaffPrincipal? FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? provider = null, userId = null, details = null;
        List<string>? roles = null;
        HashSet<string> seen = new(StringComparer.Ordinal);
        foreach (JsonProperty property in root.EnumerateObject())
        {
            // A repeated member would let two parsers (Static Web Apps' and ours) disagree about who this is.
            if (!seen.Add(property.Name))
            {
                return null;
            }

            switch (property.Name)
            {
                case "identityProvider":
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        return null;
                    }

                    provider = property.Value.GetString();
                    break;
                case "userId":
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        return null;
                    }

                    userId = property.Value.GetString();
                    break;
                case "userDetails":
                    if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        return null;
                    }

                    details = property.Value.GetString();
                    break;
                case "userRoles":
                    roles = ReadRoles(property.Value);
                    if (roles is null)
                    {
                        return null;
                    }

                    break;
            }
        }

        return string.IsNullOrEmpty(provider) || !IsPlainUserId(userId) || roles is null
            ? null
            : new StaffPrincipal(provider, userId!, details, roles);
    }

    private static List<string>? ReadRoles(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > MaxRoles)
        {
            return null;
        }

        List<string> roles = [];
        foreach (JsonElement role in value.EnumerateArray())
        {
            if (role.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            roles.Add(role.GetString()!);
        }

        return roles;
    }

    private static bool IsPlainUserId(string? userId) =>
        userId is { Length: > 0 and <= MaxUserIdLength } && userId.All(c => c is >= '!' and <= '~');
}
