namespace StartupHub.Build.Tests.Support;

/// <summary>A small but complete content/ folder following docs/content-model.md.</summary>
internal static class SampleContent
{
    public const string SiteYml = """
        title: テスト拠点
        description: テスト用のサイトです
        base_url: https://example.jp/
        organiser: { name: 千葉県 商工労働部, url: https://www.pref.chiba.lg.jp/ }
        navigation:
          - { title: イベント, url: /events/ }
          - { title: お知らせ, url: /news/ }
        """;

    public const string EventMd = """
        ---
        title: 著名起業家参加会（10月）
        series: notable
        city: chiba
        venue: perie-hall
        start: 2025-10-15T18:00
        end: 2025-10-15T21:00
        summary: 起業家の講演と交流会
        registration:
          opens: 2025-09-15T10:00
          closes: 2025-10-14T17:00
        sessions:
          - id: talk
            kind: seminar
            title: 講演「地方から世界へ」
            start: "18:00"
            end: "18:30"
            capacity: 100
            speakers: [sato-hanako]
          - id: pitch
            kind: pitch
            title: ピッチ
            start: "19:00"
            end: "19:30"
            capacity: 100
            companies: [kazusa-aqua]
        videos: [2025-10-chiba-talk]
        ---
        ## 開催概要

        当日は**交流会**もあります。
        """;

    public static readonly IReadOnlyList<(string Path, string Text)> Files =
    [
        ("content/venues.yml", """
            - id: perie-hall
              name: ペリエホール
              city: chiba
              address: 千葉市中央区新千葉1丁目1-1
            """),
        ("content/events/2025-10-chiba.md", EventMd),
        ("content/people/sato-hanako.md", """
            ---
            name: 佐藤 花子
            kana: さとう はなこ
            roles: [speaker]
            summary: 起業家
            ---
            経歴です。
            """),
        ("content/companies/kazusa-aqua.md", """
            ---
            name: 株式会社かずさアクア
            summary: 水処理のスタートアップ
            industry: 水処理
            location: 木更津市
            cohort: 2025
            ---
            会社の紹介です。
            """),
        ("content/videos/2025-10-chiba-talk.yml", """
            title: 講演「地方から世界へ」
            platform: youtube
            video_id: dQw4w9WgXcQ
            event: 2025-10-chiba
            session: talk
            speakers: [sato-hanako]
            date: 2025-10-15
            """),
        ("content/news/2025-09-15-open.md", """
            ---
            title: 申込を開始しました
            date: 2025-09-15T10:00
            summary: 10月の申込を開始
            ---
            ## お知らせの詳細

            | 項目 | 内容 |
            |---|---|
            | 日時 | 10月15日 |

            <script>alert(1)</script>

            - [x] 済み
            - [ ] まだ

            {{< video 2025-10-chiba-talk >}}
            """),
        ("content/pages/about.md", """
            ---
            title: この事業について
            description: 事業の説明
            ---
            事業の説明です。
            """),
        ("content/supporters/chiba-center.md", """
            ---
            name: 千葉県産業振興センター
            kind: support-org
            area: 県内全域
            ---
            支援機関です。
            """),
    ];
}
