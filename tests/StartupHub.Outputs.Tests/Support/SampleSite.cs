using StartupHub.Site.Build;
using StartupHub.Site.Content;

namespace StartupHub.Outputs.Tests.Support;

/// <summary>A small, realistic site as records: three events (one cancelled), news, people, forms, companies.</summary>
internal static class SampleSite
{
    public static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Jst);

    public static readonly DateTimeOffset Now = At(2025, 9, 20, 12);

    public static SiteSettings Settings(FormsMode forms = FormsMode.Open) => new()
    {
        Title = "ちば スタートアップ総合支援拠点",
        Description = "千葉県のスタートアップ支援拠点事業の公式サイト",
        BaseUrl = new Uri("https://example.jp/"),
        Organiser = new Organisation("千葉県 商工労働部 産業振興課", "https://www.pref.chiba.lg.jp/"),
        Forms = forms,
    };

    public static Venue Perie => new()
    {
        Id = "perie-hall",
        Name = "ペリエホール",
        City = City.Chiba,
        Address = "千葉市中央区新千葉1丁目1-1",
        Source = new SourceLocation("content/venues.yml", 1, 3),
    };

    public static Venue WashingtonHotel => new()
    {
        Id = "kisarazu-washington",
        Name = "木更津ワシントンホテル",
        City = City.Kisarazu,
        Address = "木更津市大和1丁目1-1",
        Source = new SourceLocation("content/venues.yml", 8, 3),
    };

    public static Event Notable => new()
    {
        Slug = "2025-10-chiba",
        SourcePath = "content/events/2025-10-chiba.md",
        Title = "著名起業家参加会（10月）",
        Series = EventSeries.Notable,
        City = City.Chiba,
        Venue = "perie-hall",
        Start = At(2025, 10, 15, 18),
        End = At(2025, 10, 15, 21),
        Summary = "地方から世界を目指す起業家の講演と交流会",
        Registration = new RegistrationWindow(At(2025, 9, 15, 10), At(2025, 10, 14, 17)),
        Publishing = new Publishing(PublishDate: At(2025, 8, 1)),
        Sessions =
        [
            new Session
            {
                Id = "talk", Kind = SessionKind.Seminar, Title = "講演「地方から世界へ」",
                Start = At(2025, 10, 15, 18), End = At(2025, 10, 15, 18, 30), Capacity = 100,
                Speakers = ["sato-hanako"],
            },
            new Session
            {
                Id = "networking", Kind = SessionKind.Networking, Title = "交流会（軽食付き）",
                Start = At(2025, 10, 15, 19), End = At(2025, 10, 15, 20), Capacity = 100, LightMeal = true,
            },
        ],
    };

    public static Event Kisarazu => new()
    {
        Slug = "2025-11-kisarazu",
        SourcePath = "content/events/2025-11-kisarazu.md",
        Title = "木更津 メンタリングと交流会（11月）",
        Series = EventSeries.Regional,
        City = City.Kisarazu,
        Venue = "kisarazu-washington",
        Start = At(2025, 11, 5, 14),
        End = At(2025, 11, 5, 17),
        Summary = "木更津市で開くメンタリングとセミナー",
        Sessions =
        [
            new Session
            {
                Id = "mentoring", Kind = SessionKind.Mentoring, Title = "メンタリング",
                Start = At(2025, 11, 5, 14), End = At(2025, 11, 5, 15), Capacity = 4, Registration = false,
            },
        ],
    };

    public static Event Cancelled => new()
    {
        Slug = "2025-12-chiba",
        SourcePath = "content/events/2025-12-chiba.md",
        Title = "通常会（12月）",
        Series = EventSeries.Regular,
        City = City.Chiba,
        Venue = "perie-hall",
        Start = At(2025, 12, 10, 18),
        End = At(2025, 12, 10, 20),
        Summary = "ピッチとセミナー",
        Status = EventStatus.Cancelled,
        Registration = new RegistrationWindow(At(2025, 11, 10, 10), At(2025, 12, 9, 17)),
        Sessions =
        [
            new Session
            {
                Id = "pitch", Kind = SessionKind.Pitch, Title = "ピッチ会",
                Start = At(2025, 12, 10, 18), End = At(2025, 12, 10, 19), Capacity = 50,
            },
        ],
    };

    public static NewsItem News(string slug, DateTimeOffset date, string title) => new()
    {
        Slug = slug,
        SourcePath = $"content/news/{slug}.md",
        Title = title,
        Date = date,
        Summary = title + "。",
    };

    public static SiteContent Content(FormsMode forms = FormsMode.Open) => new()
    {
        Settings = Settings(forms),
        Venues = [Perie, WashingtonHotel],
        Events = [Notable, Kisarazu, Cancelled],
        People =
        [
            new Person
            {
                Slug = "sato-hanako", SourcePath = "content/people/sato-hanako.md", Name = "佐藤 花子",
                Kana = "さとう はなこ", Roles = [PersonRole.Speaker], Title = "代表取締役CEO", Organisation = "株式会社サンプル",
                Links = [new Link("会社サイト", "https://example.com/")],
            },
        ],
        News =
        [
            News("2025-09-15-open", At(2025, 9, 15, 10), "10月の著名起業家参加会の申込を開始しました"),
            News("2025-07-01-launch", At(2025, 7, 1, 9), "サイトを公開しました"),
        ],
        Forms =
        [
            new Form
            {
                Slug = "oip-application", SourcePath = "content/forms/oip-application.md",
                Title = "オープンイノベーションプログラム応募フォーム", Kind = FormKind.OipApplication,
                Opens = At(2025, 8, 1, 10), Closes = At(2025, 8, 31, 17), PurposeVersion = "2025-08-01",
            },
            new Form
            {
                Slug = "event-registration", SourcePath = "content/forms/event-registration.md",
                Title = "イベント参加申込", Kind = FormKind.EventRegistration, PurposeVersion = "2025-08-01",
            },
        ],
        Companies =
        [
            new Company
            {
                Slug = "kazusa-aqua", SourcePath = "content/companies/kazusa-aqua.md", Name = "株式会社かずさアクア",
                Summary = "水処理", Industry = "水処理", Location = "木更津市", Cohort = 2025,
            },
        ],
        Videos =
        [
            new Video
            {
                Slug = "2025-10-chiba-talk", SourcePath = "content/videos/2025-10-chiba-talk.yml", Title = "講演「地方から世界へ」",
                Platform = VideoPlatform.Youtube, VideoId = "dQw4w9WgXcQ", Date = new DateOnly(2025, 10, 20),
                Duration = new TimeSpan(0, 28, 30), Description = "著名起業家参加会の講演",
            },
        ],
    };

    public static RenderedPage Page(string url, string html = "<html lang=\"ja\"><body><main></main></body></html>", ContentItem? item = null, DateTimeOffset? lastModified = null, bool indexable = true, string kind = "page")
    {
        var output = url.EndsWith('/') ? url.TrimStart('/') + "index.html" : url.TrimStart('/');
        return new RenderedPage(url, output, "ページ", kind, html, item, lastModified, indexable);
    }

    public static OutputContext Context(
        SiteContent? content = null,
        IReadOnlyList<RenderedPage>? pages = null,
        bool preview = false,
        Uri? baseUrl = null,
        DateTimeOffset? now = null,
        string? root = null)
    {
        var options = new BuildOptions
        {
            RootDirectory = root ?? Path.GetTempPath(),
            OutputDirectory = Path.Combine(root ?? Path.GetTempPath(), "_site"),
            Preview = preview,
            BaseUrl = baseUrl,
            SearchIndex = false,
        };
        return new OutputContext(content ?? Content(), options, pages ?? [], now ?? Now);
    }
}
