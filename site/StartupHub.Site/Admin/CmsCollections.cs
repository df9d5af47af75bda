using StartupHub.Site.Content;
using StartupHub.Site.Loading;
using static StartupHub.Site.Admin.CmsFields;

namespace StartupHub.Site.Admin;

/// <summary>
/// The editable collections, field by field, following docs/content-model.md and the records in
/// <c>Content/</c>. The table is the single place that adds widget, label and required metadata to the
/// model; a test checks it against the records and the readers' accepted keys so the two cannot drift.
/// </summary>
public static class CmsCollections
{
    public static IReadOnlyList<CmsCollection> Create(SiteContent content) =>
    [
        Events(content.Venues), People(), Companies(), Videos(), News(), Pages(), Supporters(), Forms(), Settings(),
    ];

    private static CmsCollection Events(IReadOnlyList<Venue> venues) => new("events", "イベント",
    [
        Text("title", "タイトル", required: true, hint: "例: 著名起業家参加会（10月）"),
        Select("series", "種類", Choices<EventSeries>(Labels.Of), required: true),
        Select("city", "開催市", Choices<City>(Labels.Of), required: true),
        venues.Count == 0
            ? Text("venue", "会場 ID（content/venues.yml の id）", required: true)
            : Select("venue", "会場", venues.Select(v => (v.Id, $"{v.Name}（{Labels.Of(v.City)}）")), required: true),
        DateTime("start", "開始日時", required: true),
        DateTime("end", "終了日時", required: true, hint: "開始より後にしてください。"),
        LongText("summary", "概要（一文）", required: true),
        Object("registration", "申込受付期間（公開の申込がない場合は空欄）", false,
            DateTime("opens", "受付開始", required: true),
            DateTime("closes", "受付締切", required: true, hint: "受付開始より後、イベント終了より前にしてください。")),
        ObjectList("sessions", "参加枠（セッション）", true, "{{fields.start}} {{fields.title}}",
            Pattern("id", "ID（英小文字・数字・ハイフン）", "^[a-z0-9-]+$", "英小文字・数字・ハイフンだけで入力してください（例: talk）。", required: true),
            Select("kind", "種類", Choices<SessionKind>(Labels.Of), required: true),
            Text("title", "タイトル", required: true),
            Time("start", "開始時刻", required: true),
            Time("end", "終了時刻", required: true),
            Integer("capacity", "定員", required: true, min: 1),
            Boolean("light_meal", "軽食あり", false),
            Boolean("registration", "サイトから申込できる", true, hint: "メンタリングのようにメンティを選考する枠はオフにします。"),
            Relation("speakers", "登壇者・メンター", "people", "name", multiple: true),
            Relation("companies", "ピッチ登壇企業", "companies", "name", multiple: true),
            LongText("description", "説明")),
        Select("status", "開催状況", Choices<EventStatus>(Labels.Of), @default: "scheduled"),
        Relation("videos", "アーカイブ動画", "videos", "title", multiple: true),
        Object("report", "開催報告（終了後に記入）", false,
            Integer("attendance", "参加者数", min: 0),
            LongText("summary", "当日の様子")),
        Image("image", "画像"),
        .. Publishing(),
        Body("詳しい説明"),
    ])
    {
        Folder = "content/events",
        LabelSingular = "イベント",
        Description = "千葉市・柏市・木更津市で開くイベントです。ファイル名（URL）は開始年月と開催市から自動で付きます。",
        Slug = "{{fields.start | date('YYYY-MM')}}-{{fields.city}}",
        Summary = "{{fields.start | date('YYYY/MM/DD')}} {{fields.title}}",
        SortField = "start",
    };

    private static CmsCollection People() => new("people", "登壇者・メンター",
    [
        Text("name", "氏名", required: true),
        Text("kana", "ふりがな", required: true, hint: "一覧の並び順に使います（ひらがな）。"),
        Select("roles", "役割", Choices<PersonRole>(Labels.Of), required: true, multiple: true),
        Text("title", "肩書き"),
        Text("organisation", "所属"),
        Image("photo", "写真"),
        ObjectList("links", "リンク", false, "{{fields.title}}",
            Text("title", "表示名", required: true),
            Text("url", "URL", required: true)),
        Text("summary", "一行紹介"),
        .. Publishing(),
        Body("経歴"),
    ])
    {
        Folder = "content/people",
        LabelSingular = "登壇者・メンター",
        Slug = "person-{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}",
        Summary = "{{fields.name}}（{{fields.organisation}}）",
        SortField = "kana",
    };

    private static CmsCollection Companies() => new("companies", "採択企業",
    [
        Text("name", "企業名", required: true),
        LongText("summary", "一行の紹介", required: true),
        Text("industry", "業種", required: true),
        Text("location", "所在地（県内の市町村）", required: true),
        Integer("cohort", "採択年度", required: true, min: 2025),
        Select("status", "状況", Choices<CompanyStatus>(Labels.Of), @default: "selected"),
        Image("logo", "ロゴ"),
        Text("website", "ウェブサイト"),
        TextList("seeds", "技術シーズ・サービス"),
        TextList("seeking", "求める連携先（連携先募集）"),
        .. Publishing(),
        Body("企業紹介"),
    ])
    {
        Folder = "content/companies",
        LabelSingular = "採択企業",
        Description = "オープンイノベーションプログラムの採択企業と、求めている連携先です。",
        Slug = "company-{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}",
        Summary = "{{fields.name}}（{{fields.cohort}}年度）",
        SortField = "name",
    };

    private static CmsCollection Videos() => new("videos", "アーカイブ動画",
    [
        Text("title", "タイトル", required: true),
        Select("platform", "配信サービス", Choices<VideoPlatform>(p => "YouTube"), required: true, @default: "youtube"),
        Pattern("video_id", "YouTube の動画 ID", "^[A-Za-z0-9_-]{11}$", "YouTube の動画 ID（英数字など 11 文字）を入力してください。", required: true,
            hint: "動画の URL の「v=」の後ろの 11 文字です。"),
        Relation("event", "イベント", "events", "title", multiple: false),
        Text("session", "参加枠の ID（イベントの参加枠 ID）"),
        Relation("speakers", "登壇者", "people", "name", multiple: true),
        Pattern("duration", "長さ（時:分:秒）", "^[0-9]{2}:[0-5][0-9]:[0-5][0-9]$", "00:28:30 の形で入力してください。"),
        Date("date", "収録日", required: true),
        LongText("description", "説明"),
        .. Publishing(),
    ])
    {
        Folder = "content/videos",
        Extension = "yml",
        LabelSingular = "動画",
        Description = "動画はクリックされるまで YouTube から何も読み込みません。",
        Slug = "{{fields.event}}-{{fields.session}}",
        Summary = "{{fields.date}} {{fields.title}}",
        SortField = "date",
    };

    private static CmsCollection News() => new("news", "お知らせ",
    [
        Text("title", "タイトル", required: true),
        DateTime("date", "日付", required: true),
        LongText("summary", "概要"),
        TextList("tags", "タグ", hint: "例: イベント"),
        .. Publishing(),
        Body(),
    ])
    {
        Folder = "content/news",
        LabelSingular = "お知らせ",
        Slug = "{{fields.date | date('YYYY-MM-DD')}}-{{hour}}{{minute}}{{second}}",
        Summary = "{{fields.date | date('YYYY/MM/DD')}} {{fields.title}}",
        SortField = "date",
    };

    private static CmsCollection Pages() => new("pages", "固定ページ",
    [
        Text("title", "タイトル", required: true),
        LongText("description", "説明（検索結果などに表示）"),
        Select("layout", "レイアウト", [("page", "標準"), ("oip", "オープンイノベーションプログラム"), ("mentoring", "メンタリング")], @default: "page"),
        Integer("weight", "並び順（小さいほど前）"),
        Boolean("menu", "フッターに表示", false),
        Boolean("noindex", "検索エンジン・サイトマップ・サイト内検索に載せない", false),
        Relation("form", "関連する申込フォーム", "forms", "title", multiple: false),
        ObjectList("schedule", "スケジュール", false, "{{fields.period}} {{fields.title}}",
            Text("period", "時期", required: true, hint: "例: 2025年8月"),
            Text("title", "内容", required: true),
            LongText("detail", "詳細")),
        .. Publishing(),
        Body(),
    ])
    {
        Folder = "content/pages",
        LabelSingular = "固定ページ",
        Description = "事業概要・募集要項・プライバシーポリシーなど。ページの追加は担当の開発者に依頼してください（URL が変わるため）。",
        Create = false,
        SortField = "weight",
    };

    private static CmsCollection Supporters() => new("supporters", "支援機関",
    [
        Text("name", "機関名", required: true),
        Select("kind", "種類", Choices<SupporterKind>(Labels.Of), required: true),
        Text("area", "対象地域"),
        Text("url", "ウェブサイト"),
        ObjectList("menus", "支援メニュー", false, "{{fields.title}}",
            Text("title", "メニュー名", required: true),
            Text("target", "対象"),
            LongText("description", "内容"),
            Text("url", "詳しい情報の URL")),
        .. Publishing(),
        Body("紹介"),
    ])
    {
        Folder = "content/supporters",
        LabelSingular = "支援機関",
        Slug = "supporter-{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}",
        Summary = "{{fields.name}}",
        SortField = "name",
    };

    private static CmsCollection Forms() => new("forms", "申込フォーム",
    [
        Text("title", "フォーム名", required: true),
        Select("kind", "種類", Choices<FormKind>(Labels.Of), required: true),
        DateTime("opens", "受付開始（イベント申込は各イベントの期間を使います）"),
        DateTime("closes", "受付締切"),
        Text("purpose_version", "利用目的の版（例: 2025-08-01）", required: true,
            hint: "利用目的の文章を変えたら、この版も新しい日付に変えてください。申込ごとに同意した版が記録されます。"),
        .. Publishing(),
        Body("利用目的の説明"),
    ])
    {
        Folder = "content/forms",
        LabelSingular = "申込フォーム",
        Create = false,
    };

    private static CmsCollection Settings() => new("settings", "サイト設定",
    [
        Text("title", "サイト名", required: true),
        LongText("description", "サイトの説明", required: true),
        Text("base_url", "公開 URL（末尾は /）", required: true),
        Text("language", "言語", hint: "ja のままにしてください。"),
        Object("organiser", "主催者", true,
            Text("name", "名称", required: true),
            Text("url", "URL")),
        Object("operator", "運営者（受託者）", false,
            Text("name", "名称", required: true),
            Text("url", "URL")),
        Object("contact", "問い合わせ先", false,
            Text("email", "メールアドレス"),
            Text("phone", "電話番号"),
            Text("hours", "受付時間")),
        ObjectList("navigation", "ヘッダーメニュー", false, "{{fields.title}}",
            Text("title", "表示名", required: true),
            Text("url", "URL", required: true)),
        ObjectList("social", "SNS", false, "{{fields.name}}",
            Text("name", "サービス名", required: true),
            Text("url", "URL", required: true)),
        Select("forms", "申込フォーム", [("open", "受付する（通常）"), ("closed", "すべて受付終了（事業終了後）")], @default: "open"),
        Text("api_base", "フォーム API の場所", hint: "/api/ のままにしてください。"),
        Text("notify_email", "受付通知の送り先（事務局のメールアドレス）",
            hint: "新しい申込み・問い合わせがあったときに、個人情報を含まない通知を送ります。公開されるため、担当者個人ではなく共用のアドレスにしてください。"),
    ])
    {
        File = "content/site.yml",
        Description = "サイト全体の設定です。「申込フォーム」を「すべて受付終了」にすると、事業終了後の静的サイトになります。",
    };

    private static IEnumerable<(string Value, string Label)> Choices<T>(Func<T, string> label)
        where T : struct, Enum => Enum.GetValues<T>().Select(v => (KebabCase.Of(v), label(v)));
}
