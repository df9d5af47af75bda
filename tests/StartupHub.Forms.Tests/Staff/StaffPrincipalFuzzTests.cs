using System.Text;
using System.Text.Json;
using CsCheck;
using StartupHub.Forms.Staff;

namespace StartupHub.Forms.Tests.Staff;

/// <summary>The principal decoder accepts exactly well-formed staff principals and never throws.</summary>
public sealed class StaffPrincipalFuzzTests
{
    private static bool Accepted(string? header) => StaffPrincipal.Decode(header) is { IsStaff: true };

    private static string B64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    private static readonly string Valid = StaffTestSupport.StaffPrincipalHeader;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("e30")] // "{}" without padding
    [InlineData("====")]
    public void Absent_or_undecodable_headers_are_refused(string? header) => Assert.Null(StaffPrincipal.Decode(header));

    public static TheoryData<string> MalformedJson() => new()
    {
        "{}",
        "[]",
        "null",
        "\"staff\"",
        "{\"identityProvider\":\"aad\",\"userRoles\":[\"staff\"]}",
        "{\"identityProvider\":\"aad\",\"userId\":\"\",\"userRoles\":[\"staff\"]}",
        "{\"identityProvider\":\"aad\",\"userId\":null,\"userRoles\":[\"staff\"]}",
        "{\"identityProvider\":\"aad\",\"userId\":42,\"userRoles\":[\"staff\"]}",
        "{\"identityProvider\":\"aad\",\"userId\":\"u 1\",\"userRoles\":[\"staff\"]}",
        "{\"identityProvider\":\"aad\",\"userId\":\"ユーザー\",\"userRoles\":[\"staff\"]}",
        "{\"identityProvider\":\"aad\",\"userId\":\"u1\",\"userRoles\":\"staff\"}",
        "{\"identityProvider\":\"aad\",\"userId\":\"u1\",\"userRoles\":null}",
        "{\"identityProvider\":\"aad\",\"userId\":\"u1\"}",
        "{\"identityProvider\":\"aad\",\"userId\":\"u1\",\"userRoles\":[null]}",
        "{\"identityProvider\":\"aad\",\"userId\":\"u1\",\"userRoles\":[[\"staff\"]]}",
        "{\"identityProvider\":\"aad\",\"userId\":\"u1\",\"userRoles\":[{\"role\":\"staff\"}]}",
        "{\"identityProvider\":\"aad\",\"userId\":\"u1\",\"userRoles\":[\"staff\"],\"userRoles\":[]}",
        "{\"identityProvider\":\"aad\",\"userId\":\"u1\",\"userId\":\"u2\",\"userRoles\":[\"staff\"]}",
        "{\"identityProvider\":null,\"userId\":\"u1\",\"userRoles\":[\"staff\"]}",
        "{\"identityProvider\":{\"a\":null},\"userId\":\"u1\",\"userRoles\":[\"staff\"]}",
        "{\"identityProvider\":\"aad\",\"userId\":\"u1\",\"userDetails\":[null],\"userRoles\":[\"staff\"]}",
        "{\"identityProvider\":\"aad\",\"userId\":\"u1\",\"userRoles\":[\"staff\"]",
        "{\"identityProvider\":\"aad\",\"userId\":\"u1\",\"userRoles\":[\"staff\",]}",
        "{\"IdentityProvider\":\"aad\",\"UserId\":\"u1\",\"UserRoles\":[\"staff\"]}",
    };

    [Theory]
    [MemberData(nameof(MalformedJson))]
    public void Wrong_shapes_are_refused(string json) => Assert.False(Accepted(B64(json)));

    [Theory]
    [InlineData("ｓｔａｆｆ")]
    [InlineData("staff ")]
    [InlineData(" staff")]
    [InlineData("staff\u200B")]
    [InlineData("ſtaff")]
    [InlineData("sta\uFB00")]
    [InlineData("stafF\u0000")]
    [InlineData("staffs")]
    [InlineData("staf")]
    [InlineData("authenticated")]
    public void Lookalike_roles_are_not_the_staff_role(string role)
    {
        StaffPrincipal? principal = StaffPrincipal.Decode(StaffTestSupport.Principal("authenticated", role));
        Assert.NotNull(principal);
        Assert.False(principal.IsStaff);
    }

    [Fact]
    public void Oversize_headers_are_refused_before_decoding()
    {
        string padding = new('x', StaffPrincipal.MaxHeaderLength);
        string big = B64($"{{\"identityProvider\":\"aad\",\"userId\":\"u1\",\"userRoles\":[\"staff\"],\"pad\":\"{padding}\"}}");
        Assert.True(big.Length > StaffPrincipal.MaxHeaderLength);
        Assert.Null(StaffPrincipal.Decode(big));
        string roles = string.Join(",", Enumerable.Repeat("\"x\"", 100));
        Assert.False(Accepted(B64($"{{\"identityProvider\":\"aad\",\"userId\":\"u1\",\"userRoles\":[{roles},\"staff\"]}}")));
    }

    [Fact]
    public void Random_bytes_are_never_accepted_and_never_throw() =>
        Gen.Byte.Array[0, 600].Sample(bytes => !Accepted(Convert.ToBase64String(bytes)) && !Accepted(Encoding.Latin1.GetString(bytes)), iter: 3000);

    [Fact]
    public void Truncated_valid_headers_are_never_accepted()
    {
        for (int cut = 0; cut < Valid.Length; cut++)
        {
            Assert.False(Accepted(Valid[..cut]), $"cut at {cut}");
            Assert.False(Accepted(Valid[..cut].TrimEnd('=')), $"cut at {cut}, padding removed");
        }
    }

    [Fact]
    public void Corrupted_valid_headers_never_throw_and_never_yield_a_malformed_principal() =>
        Gen.Int[0, Valid.Length - 1].Select(Gen.Char).Sample((at, c) =>
        {
            char[] flipped = Valid.ToCharArray();
            flipped[at] = c;
            // A flipped character may leave valid JSON naming someone else (Static Web Apps vouches for the
            // header, not us); what must hold is that whatever is accepted is a well-formed principal.
            StaffPrincipal? principal = StaffPrincipal.Decode(new string(flipped));
            return principal is null || (principal.UserId.Length > 0 && principal.UserId.All(ch => ch is >= '!' and <= '~') && principal.IdentityProvider.Length > 0);
        }, iter: 3000);

    [Fact]
    public void Json_of_random_shapes_is_accepted_only_with_a_string_user_id_and_a_string_array_holding_staff()
    {
        Gen<string> values = Gen.OneOf(
            Gen.Const("null"),
            Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Pick("true", "false", "{}", "[]", "[null]", "[\"staff\",null]", "[1,\"staff\"]", "[[\"staff\"]]", "{\"userRoles\":[\"staff\"]}",
                "\"staff\"", "\"\"", "\"u1\"", "\"ｓｔａｆｆ\"", "[\"ｓｔａｆｆ\"]", "[\"staff \"]", "[\"STAFF\"]", "[\"staff\"]", "[\"authenticated\",\"staff\"]"));
        Gen.Select(values, values, values, values).Sample((provider, user, details, roles) =>
        {
            string json = $"{{\"identityProvider\":{provider},\"userId\":{user},\"userDetails\":{details},\"userRoles\":{roles}}}";
            bool accepted = Accepted(B64(json));
            bool mayBeAccepted = provider.StartsWith('"') && provider != "\"\"" && user is "\"u1\"" or "\"staff\""
                && (details.StartsWith('"') || details == "null")
                && roles is "[\"STAFF\"]" or "[\"staff\"]" or "[\"authenticated\",\"staff\"]";
            return accepted == mayBeAccepted;
        }, iter: 4000);
    }

    private static Gen<string> Pick(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    [Fact]
    public void Every_well_formed_principal_with_the_staff_role_is_accepted()
    {
        Gen<string> userIds = Gen.Char['!', '~'].Array[1, 64].Select(chars => new string(chars));
        Gen<string> otherRoles = Gen.String[Gen.Char.AlphaNumeric, 1, 20];
        Gen<string> staffSpelling = Gen.Bool.Array[5].Select(upper => new string([.. "staff".Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : c)]));
        Gen.Select(userIds, otherRoles.Array[0, 6], staffSpelling, Gen.Int[0, 6], Gen.String).Sample((userId, others, staff, position, details) =>
        {
            List<string> roles = [.. others];
            roles.Insert(Math.Min(position, roles.Count), staff);
            string header = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
            {
                ["identityProvider"] = "aad",
                ["userId"] = userId,
                ["userDetails"] = details,
                ["userRoles"] = roles,
                ["claims"] = new[] { new { typ = "name", val = details } },
            }));
            StaffPrincipal? principal = StaffPrincipal.Decode(header);
            return principal is { IsStaff: true } && principal.UserId == userId && principal.Actor == "staff:" + userId;
        }, iter: 2000);
    }
}
