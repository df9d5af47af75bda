namespace StartupHub.Forms.Applications;

/// <summary>
/// Field rules for the Open Innovation Program application. The program is for companies with their head
/// office or an office in 千葉県, so one of the two addresses must be in Chiba (<see cref="ChibaAddress"/>).
/// The pitch deck (PDF) is checked separately by the upload inspector.
/// </summary>
public static class OipApplicationValidator
{
    public const int FoundedYearMin = 1800;
    public const int EmployeesMax = 1_000_000;

    public static SubmissionValidation Validate(IReadOnlyDictionary<string, string> input, SubmissionContext context)
    {
        FieldCollector f = new(input);
        f.Text("company_name", "企業名", FieldLimits.Organization, required: true);
        f.Text("representative_name", "代表者名", FieldLimits.Name, required: true);
        string? headOffice = f.Text("head_office_address", "本社所在地", FieldLimits.Address, required: true);
        string? chibaOffice = f.Text("chiba_office_address", "千葉県内の事業所所在地", FieldLimits.Address, required: false);
        CheckChibaPresence(f, headOffice, chibaOffice);
        f.Url("company_url", "企業のウェブサイト", required: false);
        f.Integer("founded_year", "設立年", FoundedYearMin, context.CurrentYear, "年");
        f.Integer("employees", "従業員数", 0, EmployeesMax, "人");
        f.Text("industry", "業種", FieldLimits.ShortText, required: true);
        f.Paragraphs("seeds", "技術シーズ・サービスの概要", FieldLimits.LongText, required: true);
        f.Paragraphs("collaboration_sought", "求める連携の内容", FieldLimits.LongText, required: true);
        f.Paragraphs("goals", "7か月間で目指す目標", FieldLimits.LongText, required: true);
        string? contactName = f.Text("contact_name", "担当者氏名", FieldLimits.Name, required: true);
        f.Kana("contact_kana", "担当者氏名（ふりがな）");
        f.Text("contact_title", "担当者の役職", FieldLimits.ShortText, required: false);
        string? email = f.Email("contact_email", "担当者のメールアドレス", required: true);
        f.Phone("contact_phone", "担当者の電話番号", required: true);
        f.Consent(context.PurposeVersion);
        return f.Result(() => new ValidSubmission(f.Fields, contactName!, email!, null, context.PurposeVersion));
    }

    /// <summary>
    /// When the head office is in Chiba the Chiba office is optional (but, if given, must be in Chiba). When
    /// it is not, the Chiba office becomes required. Messages go on chiba_office_address, the field the
    /// applicant has to fill in or fix; an unreadable head office is already reported on its own field.
    /// </summary>
    private static void CheckChibaPresence(FieldCollector f, string? headOffice, string? chibaOffice)
    {
        if (f.HasError("chiba_office_address"))
        {
            return;
        }

        if (chibaOffice is not null && !ChibaAddress.IsInChiba(chibaOffice))
        {
            f.Error("chiba_office_address", "千葉県内の事業所の所在地を、「千葉県」または県内の市町村名から入力してください。");
            return;
        }

        if (chibaOffice is null && headOffice is not null && !ChibaAddress.IsInChiba(headOffice))
        {
            f.Error("chiba_office_address", "本社が千葉県外の場合は、千葉県内の事業所の所在地を入力してください（本プログラムは県内に本社または事業所がある企業が対象です）。");
        }
    }
}
