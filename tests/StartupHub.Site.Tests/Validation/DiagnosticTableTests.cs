using StartupHub.Site.Tests.Support;

namespace StartupHub.Site.Tests.Validation;

/// <summary>
/// One fault per row, written into an otherwise valid site: the exact diagnostics (location, code and the
/// Japanese message) are pinned here, so a wording change is a deliberate, reviewed change.
/// </summary>
public class DiagnosticTableTests
{
    private const string E = "content/events/e.md";

    public static TheoryData<string, string, string> Rows => new()
    {
        // --- syntax ---
        { "events/e.md", Event("title: テスト会", "title: [テスト会"),
            $"{E}:2:1: error SH0001: YAML の書き方に誤りがあります。この位置より後で、閉じていない括弧（[ や {{）や引用符がないか確認してください。" },
        { "events/e.md", Event("city: chiba", "city: chiba\n  venue2: x"),
            $"{E}:5:9: error SH0001: YAML の書き方に誤りがあります（While scanning a plain scalar value, found invalid mapping.）。インデント、「:」の後の空白、引用符の閉じ忘れを確認してください。" },
        { "events/e.md", "title: テスト会\n",
            $"{E}:1:1: error SH0002: ファイルの先頭に「---」で囲んだ設定（フロントマター）がありません。1行目と設定の終わりに「---」だけの行を書いてください。" },
        { "events/e.md", "---\ntitle: テスト会\n",
            $"{E}:3:1: error SH0002: フロントマターを閉じる「---」の行がありません。設定の終わりに「---」だけの行を書いてください。" },
        { "events/e.md", Event("summary: 概要", "summary: 概要\ntitle: 別の題"),
            $"{E}:9:1: error SH0003: キー 'title' が2回書かれています（最初は2行目）。どちらか一方を消してください。" },

        // --- keys and types ---
        { "events/e.md", Event("summary: 概要", "summary: 概要\ntitel: 別の題"),
            $"{E}:9:1: error SH0101: 不明なキー 'titel'。'title' の誤りではありませんか？" },
        { "news/n.md", "---\ntitle: お知らせ\ndate: 2025-09-01T10:00\ncolour: red\n---\n",
            "content/news/n.md:4:1: error SH0101: 不明なキー 'colour'。使えるキーは title, date, summary, tags, draft, publish_date, expiry_date です。" },
        { "events/e.md", Event("    speakers: [kakuu-taro]", "    speakers: [kakuu-taro]\n    speaker: [kakuu-taro]"),
            $"{E}:20:5: error SH0101: 不明なキー 'speaker'。'speakers' の誤りではありませんか？" },
        { "events/e.md", Event("summary: 概要\n", ""),
            $"{E}:2:1: error SH0102: 必須のキー 'summary' がありません。追加してください。" },
        { "events/e.md", Event("summary: 概要", "summary: \"\""),
            $"{E}:8:10: error SH0102: 必須のキー 'summary' の値が空です。値を書いてください。" },
        { "events/x.md", "---\ntitle: x\nseries: regular\ncity: chiba\nvenue: perie-hall\nstart: 2025-11-19T15:00\nend: 2025-11-19T21:00\nsummary: s\nsessions: []\n---\n",
            "content/events/x.md:9:11: error SH0109: 'sessions' には1件以上書いてください。" },
        { "events/e.md", Event("capacity: 100\n    speakers", "capacity: たくさん\n    speakers"),
            $"{E}:18:15: error SH0103: 'capacity' の値 'たくさん' は整数ではありません。半角数字で書いてください（例: capacity: 50）。" },
        { "events/e.md", Event("title: テスト会", "title: [テスト会, 秋]"),
            $"{E}:2:8: error SH0103: 'title' には文字列を1つ書いてください（リストや入れ子の設定は使えません）。" },
        { "events/e.md", Event("    speakers: [kakuu-taro]", "    speakers: kakuu-taro"),
            $"{E}:19:15: error SH0103: 'speakers' はリストで書いてください（例: speakers: [a, b] または各行を「- 」で始める）。" },
        { "events/e.md", Event("summary: 概要", "summary: 概要\nimage: /images/x.svg"),
            $"{E}:9:8: error SH0103: 'image' には「キー: 値」の組を書いてください（例: image: {{ src: /images/x.svg, alt: 説明 }}）。" },
        { "events/e.md", Event("capacity: 100\n    speakers", "capacity: 100\n    light_meal: yes\n    speakers"),
            $"{E}:19:17: error SH0103: 'light_meal' の値 'yes' は true か false で書いてください。" },
        { "events/e.md", Event("kind: seminar", "kind: seminer"),
            $"{E}:14:11: error SH0104: 'seminer' は 'kind' に使えない値です。seminar / mentoring / networking / pitch / info-exchange のいずれかを書いてください。'seminar' の誤りではありませんか？" },
        { "events/e.md", Event("series: notable", "series: special"),
            $"{E}:3:9: error SH0104: 'special' は 'series' に使えない値です。notable / regular / support-org / regional のいずれかを書いてください。" },
        { "people/kakuu-taro.md", TempSite.PersonMd.Replace("[speaker, mentor]", "[speaker, menter]", StringComparison.Ordinal),
            "content/people/kakuu-taro.md:4:18: error SH0104: 'menter' は 'roles' に使えない値です。speaker / mentor / accelerator のいずれかを書いてください。'mentor' の誤りではありませんか？" },
        { "events/e.md", Event("start: 2025-10-15T18:00", "start: 2025-13-15T18:00"),
            $"{E}:6:8: error SH0105: 'start' の日時 '2025-13-15T18:00' を読めません。2025-10-15T18:00 の形で書いてください（時差の指定がなければ日本時間）。" },
        { "events/e.md", Event("start: \"18:30\"\n    end: \"19:00\"", "start: \"25:30\"\n    end: \"19:00\""),
            $"{E}:23:12: error SH0106: 'start' の時刻 '25:30' を読めません。\"18:00\" のように 00:00〜23:59 の HH:mm で書いてください。" },
        { "videos/v.yml", TempSite.VideoYml.Replace("date: 2025-10-15", "date: 2025/10/15", StringComparison.Ordinal),
            "content/videos/v.yml:7:7: error SH0107: 'date' の日付 '2025/10/15' を読めません。2025-10-15 の形で書いてください。" },
        { "videos/v.yml", TempSite.VideoYml + "duration: 28分\n",
            "content/videos/v.yml:8:11: error SH0108: 'duration' の長さ '28分' を読めません。\"00:28:30\" のように HH:MM:SS で書いてください。" },

        // --- dates, times and capacity ---
        { "events/e.md", Event("end: 2025-10-15T21:00", "end: 2025-10-15T17:00"),
            $"{E}:7:6: error SH0201: 終了日時 2025年10月15日 17:00 が開始日時 2025年10月15日 18:00 と同じか前になっています。end を start より後にしてください。" },
        { "events/e.md", Event("end: \"18:30\"", "end: \"17:45\""),
            $"{E}:17:10: error SH0202: 参加枠 'talk' の終了 17:45 が開始 18:00 と同じか前になっています。end を start より後にしてください。" },
        { "events/e.md", Event("start: \"18:00\"", "start: \"17:30\""),
            $"{E}:16:12: error SH0203: 参加枠 'talk' の時間 17:30〜18:30 がイベントの時間 18:00〜21:00 からはみ出しています。イベントの時間内に収めてください。" },
        { "events/e.md", Event("capacity: 100\n    speakers", "capacity: 0\n    speakers"),
            $"{E}:18:15: error SH0204: 参加枠 'talk' の定員（capacity）が 0 です。1以上の人数を書いてください。" },
        { "events/e.md", Event("opens: 2025-09-15T10:00", "opens: 2025-10-14T17:00"),
            $"{E}:10:10: error SH0205: 申込の受付開始 2025年10月14日 17:00 が受付終了 2025年10月14日 17:00 と同じか後になっています。opens を closes より前にしてください。" },
        { "events/e.md", Event("closes: 2025-10-14T17:00", "closes: 2025-10-15T21:30"),
            $"{E}:11:11: error SH0206: 申込の受付終了 2025年10月15日 21:30 がイベント終了 2025年10月15日 21:00 より後です。イベント終了までに締め切ってください。" },
        { "forms/event-registration.md", TempSite.FormMd.Replace("purpose_version", "opens: 2025-09-01T10:00\ncloses: 2025-08-01T10:00\npurpose_version", StringComparison.Ordinal),
            "content/forms/event-registration.md:4:8: error SH0207: 受付開始 2025年9月1日 10:00 が受付終了 2025年8月1日 10:00 と同じか後になっています。opens を closes より前にしてください。" },
        { "events/e.md", Event("summary: 概要", "summary: 概要\npublish_date: 2025-09-01\nexpiry_date: 2025-08-01"),
            $"{E}:9:15: error SH0208: 公開開始 2025年9月1日 0:00 が公開終了 2025年8月1日 0:00 と同じか後になっています。publish_date を expiry_date より前にしてください。" },

        // --- duplicates and ids ---
        { "venues.yml", TempSite.VenuesYml.Replace("id: koil", "id: perie-hall", StringComparison.Ordinal),
            "content/venues.yml:5:7: error SH0301: 会場 id 'perie-hall' が重複しています（最初の定義: content/venues.yml:1:7）。別の id にしてください。" },
        { "events/e.md", Event("id: pitch", "id: talk"),
            $"{E}:20:9: error SH0302: 参加枠 id 'talk' がこのイベント内で重複しています。別の id にしてください。" },
        { "pages/events.md", "---\ntitle: イベント\n---\n",
            "content/pages/events.md:1:1: error SH0303: ページのスラッグ 'events' はサイトの一覧ページの URL（/events/）と重なります。ファイル名を変えてください。" },
        { "news/お知らせ.md", "---\ntitle: お知らせ\ndate: 2025-09-01T10:00\n---\n",
            "content/news/お知らせ.md:1:1: error SH0304: ファイル名 'お知らせ' は URL に使えません。半角英小文字・数字・ハイフンだけの名前にしてください（例: 2025-10-chiba）。" },
        { "events/e.md", Event("id: pitch", "id: Pitch_1"),
            $"{E}:20:9: error SH0305: 参加枠 id 'Pitch_1' には半角英小文字・数字・ハイフンだけを使ってください（例: talk, networking-1）。" },

        // --- references ---
        { "events/e.md", Event("venue: perie-hall", "venue: perie-hal"),
            $"{E}:5:8: error SH0401: 会場 'perie-hal' が content/venues.yml にありません。'perie-hall' の誤りではありませんか？" },
        { "events/e.md", Event("speakers: [kakuu-taro]", "speakers: [kakuu-tarou]"),
            $"{E}:19:16: error SH0402: 登壇者 'kakuu-tarou' が見つかりません（content/people/kakuu-tarou.md がありません）。'kakuu-taro' の誤りではありませんか？" },
        { "events/e.md", Event("companies: [test-co]", "companies: [test-co, unknown-inc]"),
            $"{E}:26:26: error SH0403: 登壇企業 'unknown-inc' が見つかりません（content/companies/unknown-inc.md がありません）。" },
        { "events/e.md", Event("summary: 概要", "summary: 概要\nvideos: [w]"),
            $"{E}:9:10: error SH0404: 動画 'w' が見つかりません（content/videos/w.yml がありません）。" },
        { "news/n.md", "---\ntitle: お知らせ\ndate: 2025-09-01T10:00\n---\n動画です。\n\n{{< video v2 >}}\n",
            "content/news/n.md:7:11: error SH0404: 動画 'v2' が見つかりません（content/videos/v2.yml がありません）。'v' の誤りではありませんか？" },
        { "videos/v.yml", TempSite.VideoYml.Replace("event: e", "event: ee", StringComparison.Ordinal),
            "content/videos/v.yml:4:8: error SH0405: イベント 'ee' が見つかりません（content/events/ee.md がありません）。'e' の誤りではありませんか？" },
        { "videos/v.yml", TempSite.VideoYml.Replace("session: talk", "session: tlak", StringComparison.Ordinal),
            "content/videos/v.yml:5:10: error SH0406: イベント 'e' に参加枠 'tlak' がありません。'talk' の誤りではありませんか？" },
        { "pages/oip.md", "---\ntitle: 募集要項\nform: oip-aplication\n---\n",
            "content/pages/oip.md:3:7: error SH0407: フォーム 'oip-aplication' が見つかりません（content/forms/oip-aplication.md がありません）。" },
        { "events/e.md", Event("venue: perie-hall", "venue: koil"),
            $"{E}:4:7: error SH0408: 会場 'koil' は柏市の会場ですが、city が千葉市になっています。どちらかを直してください。" },

        // --- images, videos, site ---
        { "events/e.md", Event("summary: 概要", "summary: 概要\nimage: { src: /images/x.svg }"),
            $"{E}:9:1: error SH0501: 画像 'image' に代替テキスト（alt）がありません。画像の内容を説明する alt を書いてください。" },
        { "people/kakuu-taro.md", TempSite.PersonMd.Replace("roles:", "photo:\n  src: /images/p.svg\n  alt: \" \"\nroles:", StringComparison.Ordinal),
            "content/people/kakuu-taro.md:6:8: error SH0501: 画像 'photo' に代替テキスト（alt）がありません。画像の内容を説明する alt を書いてください。" },
        { "events/e.md", Event("本文です。", "本文です。\n\n会場は ![](/images/hall.svg) です。"),
            $"{E}:30:5: error SH0502: 本文の画像 '/images/hall.svg' に代替テキストがありません。![会場の様子](/images/hall.svg) のように [] の中に説明を書いてください。" },
        { "videos/v.yml", TempSite.VideoYml.Replace("video_id: abcdefghijk", "video_id: https://youtu.be/abcdefghijk", StringComparison.Ordinal),
            "content/videos/v.yml:3:11: error SH0601: 動画ID 'https://youtu.be/abcdefghijk' は YouTube の動画IDの形ではありません。URL の v= の後にある英数字・「-」・「_」の11文字を書いてください。" },
        { "site.yml", TempSite.SiteYml.Replace("https://test.example.jp/", "test.example.jp", StringComparison.Ordinal),
            "content/site.yml:3:11: error SH0701: base_url 'test.example.jp' は絶対URLではありません。https://example.jp/ のように https:// から書いてください。" },
        { "site.yml", TempSite.SiteYml.Replace("https://test.example.jp/", "https://test.example.jp/hub", StringComparison.Ordinal),
            "content/site.yml:3:11: error SH0702: base_url 'https://test.example.jp/hub' は「/」で終わるようにしてください（例: https://test.example.jp/hub/）。" },
        { "site.yml", TempSite.SiteYml + "notify_email: jimukyoku@test\n",
            "content/site.yml:5:15: error SH0703: notify_email 'jimukyoku@test' はメールアドレスの形ではありません。staff@example.jp のように1つだけ書いてください。" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_fault_is_reported_once_with_its_location_code_and_message(string file, string text, string expected)
    {
        var (_, diagnostics) = TempSite.LoadWith(file, text);

        Assert.Equal(expected, string.Join("\n", diagnostics.Select(d => d.ToString())));
    }

    /// <summary>The baseline event with one exact piece of text replaced (the piece must exist).</summary>
    internal static string Event(string old, string replacement)
    {
        Assert.Contains(old, TempSite.EventMd, StringComparison.Ordinal);
        return TempSite.EventMd.Replace(old, replacement, StringComparison.Ordinal);
    }
}
