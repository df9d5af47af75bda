namespace StartupHub.Site.Content;

/// <summary>The Japanese words the theme shows for each enum value.</summary>
public static class Labels
{
    public static string Of(EventSeries series) => series switch
    {
        EventSeries.Notable => "著名起業家参加会",
        EventSeries.Regular => "通常会",
        EventSeries.SupportOrg => "支援機関向けセミナー",
        EventSeries.Regional => "地域開催",
        _ => throw Unknown(series),
    };

    public static string Of(City city) => city switch
    {
        City.Chiba => "千葉市",
        City.Kashiwa => "柏市",
        City.Kisarazu => "木更津市",
        _ => throw Unknown(city),
    };

    public static string Of(SessionKind kind) => kind switch
    {
        SessionKind.Seminar => "セミナー・講演会",
        SessionKind.Mentoring => "メンタリング",
        SessionKind.Networking => "交流会",
        SessionKind.Pitch => "ピッチ会",
        SessionKind.InfoExchange => "情報交換会",
        _ => throw Unknown(kind),
    };

    public static string Of(EventStatus status) => status switch
    {
        EventStatus.Scheduled => "開催予定",
        EventStatus.Cancelled => "中止",
        EventStatus.Postponed => "延期",
        _ => throw Unknown(status),
    };

    public static string Of(EventState state) => state switch
    {
        EventState.Before => "受付前",
        EventState.Open => "受付中",
        EventState.Closed => "受付終了",
        EventState.Ended => "終了",
        EventState.Cancelled => "中止",
        EventState.Postponed => "延期",
        _ => throw Unknown(state),
    };

    public static string Of(PersonRole role) => role switch
    {
        PersonRole.Speaker => "著名起業家",
        PersonRole.Mentor => "メンター",
        PersonRole.Accelerator => "アクセラレーター",
        _ => throw Unknown(role),
    };

    public static IReadOnlyList<string> Of(IEnumerable<PersonRole> roles) => [.. roles.Select(Of)];

    public static string Of(CompanyStatus status) => status switch
    {
        CompanyStatus.Selected => "採択",
        CompanyStatus.Matching => "連携先募集中",
        CompanyStatus.Matched => "マッチング成立",
        CompanyStatus.Completed => "支援完了",
        _ => throw Unknown(status),
    };

    public static string Of(SupporterKind kind) => kind switch
    {
        SupporterKind.Municipality => "自治体",
        SupporterKind.SupportOrg => "産業支援機関",
        SupporterKind.Financial => "金融機関",
        SupporterKind.University => "大学・研究機関",
        SupporterKind.Vc => "ベンチャーキャピタル",
        SupporterKind.Other => "その他",
        _ => throw Unknown(kind),
    };

    public static string Of(FormKind kind) => kind switch
    {
        FormKind.EventRegistration => "イベント参加申込",
        FormKind.OipApplication => "オープンイノベーションプログラム応募",
        FormKind.MenteeApplication => "メンティ応募",
        FormKind.PartnershipInquiry => "連携のお問い合わせ",
        FormKind.Survey => "アンケート",
        _ => throw Unknown(kind),
    };

    private static ArgumentOutOfRangeException Unknown<T>(T value) =>
        new(nameof(value), value, $"No Japanese label for {typeof(T).Name}.{value}.");
}
