using CsCheck;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Registration;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Registration;

public sealed class RegistrationValidatorTests
{
    private const string Purpose = "2025-08-01";
    private static readonly ManifestEvent Event = TestEvents.Sample.FindEvent("open-event")!;

    private static RegistrationRequest ValidRequest() => new()
    {
        Sessions = ["talk"],
        Name = "千葉 花子",
        Furigana = "ちば はなこ",
        Email = "hanako@example.jp",
        Organization = "株式会社テスト",
        OrganizationType = "startup",
        Consent = new ConsentRequest { Agreed = true, PurposeVersion = Purpose },
    };

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<string> AnyString = Gen.String[Gen.Char, 0, 300];
    private static readonly Gen<string> Kana = Gen.Char['ぁ', 'ゖ'].Array[1, 20].Select(c => new string(c));
    private static readonly Gen<string> LocalPart = Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"].Array[1, 20].Select(c => new string(c));
    private static readonly Gen<string> Domain = Gen.Char["abcdefghijklmnopqrstuvwxyz"].Array[1, 12].Select(c => new string(c));

    [Fact]
    public void Never_throws_on_arbitrary_input()
    {
        Gen.Select(AnyString, AnyString, AnyString, AnyString, AnyString, AnyString, AnyString.List[0, 5])
            .Sample((name, furigana, email, org, type, comment, sessions) =>
            {
                RegistrationRequest request = new()
                {
                    Name = name,
                    Furigana = furigana,
                    Email = email,
                    Organization = org,
                    OrganizationType = type,
                    Comment = comment,
                    JobTitle = name,
                    Referral = comment,
                    Sessions = [.. sessions],
                    Consent = new ConsentRequest { Agreed = true, PurposeVersion = Purpose },
                };
                RegistrationValidation result = RegistrationValidator.Validate(request, Event, Purpose);
                return result.IsValid != (result.Errors.Count > 0);
            }, iter: 2000);
    }

    [Fact]
    public void Well_formed_registrations_are_accepted_and_normalised()
    {
        Gen.Select(Kana, LocalPart, Domain, Pick(OrganizationTypes.All.Select(t => t.Slug).ToArray()))
            .Sample((kana, local, domain, type) =>
            {
                RegistrationRequest request = ValidRequest();
                request.Furigana = "　" + kana + " ";
                request.Email = $"{local}@{domain}.jp";
                request.OrganizationType = type;
                RegistrationValidation result = RegistrationValidator.Validate(request, Event, Purpose);
                return result.Value is { } v && v.Registrant.Furigana == kana && v.Registrant.Email == $"{local}@{domain}.jp";
            }, iter: 1000);
    }

    [Fact]
    public void Emails_without_exactly_one_at_sign_are_rejected_in_japanese()
    {
        Gen.String[Gen.Char["abc.-_"], 1, 40].Where(s => s.Count(c => c == '@') != 1).Sample(bad =>
        {
            RegistrationRequest request = ValidRequest();
            request.Email = bad;
            RegistrationValidation result = RegistrationValidator.Validate(request, Event, Purpose);
            return !result.IsValid && result.Errors["email"].All(m => m.Contains("メールアドレス", StringComparison.Ordinal));
        }, iter: 500);
    }

    [Fact]
    public void Furigana_containing_anything_but_kana_is_rejected()
    {
        Gen.Select(Kana, Gen.Char['一', '龥']).Sample((kana, kanji) =>
        {
            RegistrationRequest request = ValidRequest();
            request.Furigana = kana + kanji;
            return RegistrationValidator.Validate(request, Event, Purpose).Errors.ContainsKey("furigana");
        }, iter: 500);
    }

    [Fact]
    public void Text_longer_than_the_limit_is_rejected_and_at_the_limit_accepted()
    {
        Gen.Int[1, 400].Sample(length =>
        {
            RegistrationRequest request = ValidRequest();
            request.Name = new string('あ', length);
            bool valid = RegistrationValidator.Validate(request, Event, Purpose).IsValid;
            return valid == (length <= RegistrationValidator.NameMax);
        }, iter: 300);
    }

    [Fact]
    public void Control_and_invisible_characters_are_rejected_in_single_line_fields()
    {
        Gen.Select(Pick('\u0000', '\u0007', '\n', '\r', '\u202E', '\u200B', '\u2028'), Gen.Int[1, 3]).Sample((bad, at) =>
        {
            RegistrationRequest request = ValidRequest();
            string name = "千葉花子";
            request.Name = name.Insert(Math.Min(at, name.Length), bad.ToString());
            return RegistrationValidator.Validate(request, Event, Purpose).Errors.ContainsKey("name");
        }, iter: 200);
    }

    [Fact]
    public void Missing_fields_get_one_message_each()
    {
        RegistrationValidation result = RegistrationValidator.Validate(new RegistrationRequest(), Event, Purpose);
        Assert.False(result.IsValid);
        Assert.Equal("氏名を入力してください。", Assert.Single(result.Errors["name"]));
        Assert.Contains("sessions", result.Errors.Keys);
        Assert.Contains("email", result.Errors.Keys);
        Assert.Contains("organization_type", result.Errors.Keys);
        Assert.Contains("consent.agreed", result.Errors.Keys);
    }

    [Fact]
    public void Sessions_must_exist_accept_registration_and_not_repeat()
    {
        foreach (List<string?> sessions in new List<string?>[] { ["nope"], ["networking"], ["talk", "talk"], [null] })
        {
            RegistrationRequest request = ValidRequest();
            request.Sessions = sessions;
            Assert.Contains("sessions", RegistrationValidator.Validate(request, Event, Purpose).Errors.Keys);
        }
    }

    [Fact]
    public void Consent_must_match_the_current_purpose_version()
    {
        RegistrationRequest request = ValidRequest();
        request.Consent = new ConsentRequest { Agreed = true, PurposeVersion = "2024-01-01" };
        Assert.Contains("consent.purpose_version", RegistrationValidator.Validate(request, Event, Purpose).Errors.Keys);
    }

    [Fact]
    public void Organisation_is_optional_only_for_aspiring_founders_and_other()
    {
        RegistrationRequest request = ValidRequest();
        request.Organization = null;
        Assert.Contains("organization", RegistrationValidator.Validate(request, Event, Purpose).Errors.Keys);
        request.OrganizationType = "aspiring";
        Assert.True(RegistrationValidator.Validate(request, Event, Purpose).IsValid);
    }
}
