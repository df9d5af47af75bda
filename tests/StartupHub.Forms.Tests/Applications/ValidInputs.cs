using CsCheck;
using StartupHub.Forms.Applications;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Registration;

namespace StartupHub.Forms.Tests.Applications;

/// <summary>Generators of valid submissions for each form, and for each field a generator of invalid values.</summary>
public static class ValidInputs
{
    public const string PurposeVersion = "2025-08-01";
    public static readonly SubmissionContext Context = new(PurposeVersion, [new ManifestCompany("kazusa-aqua", "株式会社かずさアクア")], 2025);

    public static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<string> Kanji = Gen.Char['一', '龥'].Array[1, 20].Select(c => new string(c));
    private static readonly Gen<string> Kana = Gen.Char['ぁ', 'ゖ'].Array[1, 20].Select(c => new string(c));
    private static readonly Gen<string> Email = Gen.Select(
        Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"].Array[1, 20], Gen.Char["abcdefghijklmnopqrstuvwxyz"].Array[1, 12])
        .Select((l, d) => $"{new string(l)}@{new string(d)}.jp");
    private static readonly Gen<string> Phone = Gen.Char['0', '9'].Array[8, 8].Select(d => $"04-{new string(d, 0, 4)}-{new string(d, 4, 4)}");
    private static readonly Gen<string> Paragraph = Gen.Select(Kanji, Kanji).Select((a, b) => $"{a}。\n{b}");

    public static readonly Gen<string> ChibaAddressGen = Gen.Select(
        Pick([.. ChibaAddress.Cities.Select(c => "千葉県" + c), .. ChibaAddress.Cities, .. ChibaAddress.TownsAndVillages.Select(t => t.District + t.Name), "〒260-0013 中央区中央1-1"]),
        Gen.Int[1, 30]).Select((place, n) => $"{place}{n}-1-1");

    private static readonly Gen<string> ElsewhereAddress = Gen.Select(Pick("東京都千代田区丸の内", "大阪府大阪市北区", "〒100-0005 千代田区丸の内"), Gen.Int[1, 9])
        .Select((place, n) => $"{place}{n}-1");

    /// <summary>Head office in Chiba (Chiba office absent or in Chiba), or elsewhere with a Chiba office.</summary>
    private static readonly Gen<(string Head, string? ChibaOffice)> Offices = Gen.OneOf(
        Gen.Select(ChibaAddressGen, ChibaAddressGen, Gen.Bool).Select((h, c, with) => (h, with ? c : (string?)null)),
        Gen.Select(ElsewhereAddress, ChibaAddressGen).Select((h, c) => (h, (string?)c)));

    public static readonly Gen<Dictionary<string, string>> Oip = Gen.Select(Kanji, Offices, Gen.Int[1800, 2025], Gen.Int[0, 5000], Kana, Email, Phone, Paragraph)
        .Select((name, offices, year, employees, kana, email, phone, text) =>
        {
            Dictionary<string, string> d = new()
            {
                ["company_name"] = "株式会社" + name,
                ["representative_name"] = name,
                ["head_office_address"] = offices.Head,
                ["company_url"] = "https://example.jp/",
                ["founded_year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["employees"] = employees.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["industry"] = "製造業",
                ["seeds"] = text,
                ["collaboration_sought"] = text,
                ["goals"] = text,
                ["contact_name"] = name,
                ["contact_kana"] = kana,
                ["contact_title"] = "部長",
                ["contact_email"] = email,
                ["contact_phone"] = phone,
                ["consent"] = "on",
                ["purpose_version"] = PurposeVersion,
            };
            if (offices.ChibaOffice is { } office)
            {
                d["chiba_office_address"] = office;
            }

            return d;
        });

    public static readonly Gen<Dictionary<string, string>> Mentee = Gen.Select(Kanji, Kana, Email, Phone, Paragraph,
        Pick(MenteeApplicationValidator.Stages.Select(s => s.Value).ToArray()), Pick(MenteeApplicationValidator.GrowthIntents.Select(s => s.Value).ToArray()),
        Pick(MenteeApplicationValidator.Venues.Select(s => s.Value).ToArray()))
        .Select((name, kana, email, phone, text, stage, growth, venue) => new Dictionary<string, string>
        {
            ["company_name"] = name,
            ["contact_name"] = name,
            ["contact_kana"] = kana,
            ["email"] = email,
            ["phone"] = phone,
            ["stage"] = stage,
            ["growth_intent"] = growth,
            ["business_summary"] = text,
            ["advice_wanted"] = text,
            ["preferred_venue"] = venue,
            ["consent"] = "true",
            ["purpose_version"] = PurposeVersion,
        });

    public static readonly Gen<Dictionary<string, string>> Inquiry = Gen.Select(Kanji, Kana, Email, Phone, Paragraph, Pick(OrganizationTypes.All.Select(t => t.Slug).ToArray()))
        .Select((name, kana, email, phone, text, type) => new Dictionary<string, string>
        {
            ["company_id"] = "kazusa-aqua",
            ["name"] = name,
            ["kana"] = kana,
            ["email"] = email,
            ["phone"] = phone,
            ["organization"] = "株式会社" + name,
            ["organization_type"] = type,
            ["proposal"] = text,
            ["consent"] = "on",
            ["purpose_version"] = PurposeVersion,
        });

    private static readonly string TooLong = new('あ', 2001);

    /// <summary>Values that are invalid for a field whatever the other fields say. Empty string = "missing" for required fields.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> OipInvalid = new Dictionary<string, string[]>
    {
        ["company_name"] = ["", new string('a', 201), "株式会社\n改行"],
        ["representative_name"] = ["", new string('a', 101), "a\u202Eb"],
        ["head_office_address"] = ["", new string('あ', 201), "千葉県\u0000"],
        ["chiba_office_address"] = ["東京都港区1-1", "大阪府大阪市", new string('あ', 201)],
        ["company_url"] = ["javascript:alert(1)", "ftp://example.jp/", "example"],
        ["founded_year"] = ["", "1799", "2026", "二千年", "-5"],
        ["employees"] = ["", "-1", "1000001", "many"],
        ["industry"] = ["", new string('a', 101)],
        ["seeds"] = ["", TooLong, "a\u0007b"],
        ["collaboration_sought"] = ["", TooLong],
        ["goals"] = ["", TooLong],
        ["contact_name"] = ["", new string('a', 101)],
        ["contact_kana"] = ["", "Chiba", "千葉"],
        ["contact_title"] = [new string('a', 101), "x\ny"],
        ["contact_email"] = ["", "no-at-sign", "a@b", "a@@b.jp"],
        ["contact_phone"] = ["", "123", "phone", "0123"],
        ["consent"] = ["", "false", "no"],
        ["purpose_version"] = ["", "2024-01-01"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> MenteeInvalid = new Dictionary<string, string[]>
    {
        ["company_name"] = ["", new string('a', 201)],
        ["contact_name"] = ["", new string('a', 101)],
        ["contact_kana"] = ["", "Hanako"],
        ["email"] = ["", "x@", "@x.jp"],
        ["phone"] = ["12", "abc"],
        ["stage"] = ["", "unicorn", "SEED"],
        ["growth_intent"] = ["", "exit"],
        ["business_summary"] = ["", TooLong],
        ["advice_wanted"] = ["", TooLong],
        ["preferred_venue"] = ["", "tokyo"],
        ["consent"] = ["", "off"],
        ["purpose_version"] = ["", "x"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> InquiryInvalid = new Dictionary<string, string[]>
    {
        ["company_id"] = ["", "no-such-company", "../kazusa-aqua"],
        ["name"] = ["", new string('a', 101)],
        ["kana"] = ["", "Taro"],
        ["email"] = ["", "x"],
        ["phone"] = ["9", "tel"],
        ["organization"] = ["", new string('a', 201)],
        ["organization_type"] = ["", "alien"],
        ["proposal"] = ["", TooLong],
        ["consent"] = ["", "0"],
        ["purpose_version"] = ["", "2025-08-02"],
    };
}
