namespace StartupHub.Forms.Applications;

/// <summary>Field rules for the mentee application (founders and would-be founders asking for mentoring).</summary>
public static class MenteeApplicationValidator
{
    public static readonly IReadOnlyList<(string Value, string Label)> Stages =
    [
        ("idea", "アイデア段階（設立前）"), ("pre-seed", "プレシード"), ("seed", "シード"), ("series-a", "シリーズA"), ("later", "シリーズB以降"),
    ];

    public static readonly IReadOnlyList<(string Value, string Label)> GrowthIntents =
    [
        ("ipo", "IPOを目指す"), ("m-and-a", "M&Aを視野に入れる"), ("steady", "着実な成長を目指す"), ("undecided", "未定"),
    ];

    public static readonly IReadOnlyList<(string Value, string Label)> Venues =
    [
        ("chiba", "千葉市の拠点"), ("kisarazu", "木更津市の拠点"), ("either", "どちらでもよい"),
    ];

    public static SubmissionValidation Validate(IReadOnlyDictionary<string, string> input, SubmissionContext context)
    {
        FieldCollector f = new(input);
        f.Text("company_name", "企業名（設立前の場合は屋号または氏名）", FieldLimits.Organization, required: true);
        string? name = f.Text("contact_name", "氏名", FieldLimits.Name, required: true);
        f.Kana("contact_kana", "氏名（ふりがな）");
        string? email = f.Email("email", "メールアドレス", required: true);
        f.Phone("phone", "電話番号", required: false);
        f.Choice("stage", "事業のステージ", Stages);
        f.Choice("growth_intent", "成長の方向性", GrowthIntents);
        f.Paragraphs("business_summary", "事業の概要", FieldLimits.LongText, required: true);
        f.Paragraphs("advice_wanted", "メンタリングで相談したいこと", FieldLimits.LongText, required: true);
        f.Choice("preferred_venue", "希望する会場", Venues);
        f.Consent(context.PurposeVersion);
        return f.Result(() => new ValidSubmission(f.Fields, name!, email!, null, context.PurposeVersion));
    }
}
