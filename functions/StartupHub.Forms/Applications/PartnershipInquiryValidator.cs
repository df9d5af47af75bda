using StartupHub.Forms.Manifest;
using StartupHub.Forms.Registration;

namespace StartupHub.Forms.Applications;

/// <summary>
/// Field rules for a partnership inquiry about one of the program's companies. The company must be one the
/// manifest lists. The inquiry goes to staff only: staff decide whether and how to introduce the person.
/// </summary>
public static class PartnershipInquiryValidator
{
    public static SubmissionValidation Validate(IReadOnlyDictionary<string, string> input, SubmissionContext context)
    {
        FieldCollector f = new(input);
        ManifestCompany? company = Company(f, input, context.Companies);
        string? name = f.Text("name", "氏名", FieldLimits.Name, required: true);
        f.Kana("kana", "氏名（ふりがな）");
        string? email = f.Email("email", "メールアドレス", required: true);
        f.Phone("phone", "電話番号", required: false);
        f.Text("organization", "所属（会社・団体名）", FieldLimits.Organization, required: true);
        f.Choice("organization_type", "所属区分", OrganizationTypes.All);
        f.Paragraphs("proposal", "ご相談・ご提案の内容", FieldLimits.LongText, required: true);
        f.Consent(context.PurposeVersion);
        return f.Result(() => new ValidSubmission(f.Fields, name!, email!, company!.Id, context.PurposeVersion));
    }

    private static ManifestCompany? Company(FieldCollector f, IReadOnlyDictionary<string, string> input, IReadOnlyList<ManifestCompany> companies)
    {
        string? id = input.TryGetValue("company_id", out string? raw) ? raw?.Trim() : null;
        if (string.IsNullOrEmpty(id))
        {
            f.Error("company_id", "連携を希望する企業を選択してください。");
            return null;
        }

        ManifestCompany? company = companies.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));
        if (company is null)
        {
            f.Error("company_id", "指定された企業は見つかりません。企業ページから改めてお問い合わせください。");
            return null;
        }

        f.Keep("company_id", "連携を希望する企業", $"{company.Name}（{company.Id}）");
        return company;
    }
}
