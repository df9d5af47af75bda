using System.Globalization;

namespace StartupHub.Site.Validation;

/// <summary>
/// Every diagnostic text, in natural Japanese, saying what is wrong and what to write instead.
/// Kept in one place so the wording stays consistent and tests can pin it.
/// </summary>
public static class Messages
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    public static string YamlSyntax(string detail) =>
        $"YAML の書き方に誤りがあります（{detail}）。インデント、「:」の後の空白、引用符の閉じ忘れを確認してください。";

    public static string YamlSyntaxAfter() =>
        "YAML の書き方に誤りがあります。この位置より後で、閉じていない括弧（[ や {）や引用符がないか確認してください。";

    public static string FrontMatterMissing() =>
        "ファイルの先頭に「---」で囲んだ設定（フロントマター）がありません。1行目と設定の終わりに「---」だけの行を書いてください。";

    public static string FrontMatterUnclosed() =>
        "フロントマターを閉じる「---」の行がありません。設定の終わりに「---」だけの行を書いてください。";

    public static string UnreadableFile(string detail) => $"ファイルを読めません（{detail}）。";

    public static string DuplicateKey(string key, int firstLine) =>
        $"キー '{key}' が2回書かれています（最初は{firstLine}行目）。どちらか一方を消してください。";

    public static string KeyNotScalar() => "キーには文字列を書いてください。";

    public static string UnknownKey(string key, string? suggestion, IEnumerable<string> known) =>
        suggestion is null
            ? $"不明なキー '{key}'。使えるキーは {string.Join(", ", known)} です。"
            : $"不明なキー '{key}'。'{suggestion}' の誤りではありませんか？";

    public static string MissingRequired(string key) => $"必須のキー '{key}' がありません。追加してください。";

    public static string EmptyRequired(string key) => $"必須のキー '{key}' の値が空です。値を書いてください。";

    public static string EmptyList(string key) => $"'{key}' には1件以上書いてください。";

    public static string ExpectedText(string key) => $"'{key}' には文字列を1つ書いてください（リストや入れ子の設定は使えません）。";

    public static string ExpectedInteger(string key, string value) =>
        $"'{key}' の値 '{value}' は整数ではありません。半角数字で書いてください（例: {key}: 50）。";

    public static string ExpectedBoolean(string key, string value) =>
        $"'{key}' の値 '{value}' は true か false で書いてください。";

    public static string ExpectedList(string key) =>
        $"'{key}' はリストで書いてください（例: {key}: [a, b] または各行を「- 」で始める）。";

    public static string ExpectedMapping(string key) =>
        $"'{key}' には「キー: 値」の組を書いてください（例: {key}: {{ src: /images/x.svg, alt: 説明 }}）。";

    public static string InvalidEnum(string key, string value, string? suggestion, IEnumerable<string> allowed) =>
        $"'{value}' は '{key}' に使えない値です。{string.Join(" / ", allowed)} のいずれかを書いてください。"
        + (suggestion is null ? "" : $"'{suggestion}' の誤りではありませんか？");

    public static string InvalidDateTime(string key, string value) =>
        $"'{key}' の日時 '{value}' を読めません。2025-10-15T18:00 の形で書いてください（時差の指定がなければ日本時間）。";

    public static string InvalidTime(string key, string value) =>
        $"'{key}' の時刻 '{value}' を読めません。\"18:00\" のように 00:00〜23:59 の HH:mm で書いてください。";

    public static string InvalidDate(string key, string value) =>
        $"'{key}' の日付 '{value}' を読めません。2025-10-15 の形で書いてください。";

    public static string InvalidDuration(string key, string value) =>
        $"'{key}' の長さ '{value}' を読めません。\"00:28:30\" のように HH:MM:SS で書いてください。";

    public static string EventEndBeforeStart(DateTimeOffset start, DateTimeOffset end) =>
        $"終了日時 {DateTime(end)} が開始日時 {DateTime(start)} と同じか前になっています。end を start より後にしてください。";

    public static string SessionEndBeforeStart(string id, DateTimeOffset start, DateTimeOffset end) =>
        $"参加枠 '{id}' の終了 {Time(end)} が開始 {Time(start)} と同じか前になっています。end を start より後にしてください。";

    public static string SessionOutsideEvent(string id, DateTimeOffset sessionStart, DateTimeOffset sessionEnd, DateTimeOffset eventStart, DateTimeOffset eventEnd) =>
        $"参加枠 '{id}' の時間 {Time(sessionStart)}〜{Time(sessionEnd)} がイベントの時間 {Time(eventStart)}〜{Time(eventEnd)} からはみ出しています。イベントの時間内に収めてください。";

    public static string CapacityNotPositive(string id, int capacity) =>
        $"参加枠 '{id}' の定員（capacity）が {capacity} です。1以上の人数を書いてください。";

    public static string RegistrationOpensNotBeforeCloses(DateTimeOffset opens, DateTimeOffset closes) =>
        $"申込の受付開始 {DateTime(opens)} が受付終了 {DateTime(closes)} と同じか後になっています。opens を closes より前にしてください。";

    public static string RegistrationClosesAfterEventEnd(DateTimeOffset closes, DateTimeOffset eventEnd) =>
        $"申込の受付終了 {DateTime(closes)} がイベント終了 {DateTime(eventEnd)} より後です。イベント終了までに締め切ってください。";

    public static string PeriodOpensNotBeforeCloses(DateTimeOffset opens, DateTimeOffset closes) =>
        $"受付開始 {DateTime(opens)} が受付終了 {DateTime(closes)} と同じか後になっています。opens を closes より前にしてください。";

    public static string PublishAfterExpiry(DateTimeOffset publish, DateTimeOffset expiry) =>
        $"公開開始 {DateTime(publish)} が公開終了 {DateTime(expiry)} と同じか後になっています。publish_date を expiry_date より前にしてください。";

    public static string DuplicateVenueId(string id, string first) =>
        $"会場 id '{id}' が重複しています（最初の定義: {first}）。別の id にしてください。";

    public static string DuplicateSessionId(string id) =>
        $"参加枠 id '{id}' がこのイベント内で重複しています。別の id にしてください。";

    public static string DuplicateSlug(string slug, string other) =>
        $"スラッグ '{slug}' が {other} と重なっています（大文字・小文字は区別されません）。ファイル名を変えてください。";

    public static string ReservedSlug(string slug) =>
        $"ページのスラッグ '{slug}' はサイトの一覧ページの URL（/{slug}/）と重なります。ファイル名を変えてください。";

    public static string InvalidSlug(string slug) =>
        $"ファイル名 '{slug}' は URL に使えません。半角英小文字・数字・ハイフンだけの名前にしてください（例: 2025-10-chiba）。";

    public static string InvalidSessionId(string id) =>
        $"参加枠 id '{id}' には半角英小文字・数字・ハイフンだけを使ってください（例: talk, networking-1）。";

    public static string MissingReference(string what, string slug, string expectedFile, string? suggestion) =>
        $"{what} '{slug}' が見つかりません（{expectedFile} がありません）。"
        + (suggestion is null ? "" : $"'{suggestion}' の誤りではありませんか？");

    public static string MissingVenue(string id, string? suggestion) =>
        $"会場 '{id}' が content/venues.yml にありません。" + (suggestion is null ? "" : $"'{suggestion}' の誤りではありませんか？");

    public static string MissingSession(string session, string eventSlug, string? suggestion) =>
        $"イベント '{eventSlug}' に参加枠 '{session}' がありません。"
        + (suggestion is null ? "" : $"'{suggestion}' の誤りではありませんか？");

    public static string VenueCityMismatch(string venue, string venueCity, string eventCity) =>
        $"会場 '{venue}' は{venueCity}の会場ですが、city が{eventCity}になっています。どちらかを直してください。";

    public static string ImageWithoutAlt(string key) =>
        $"画像 '{key}' に代替テキスト（alt）がありません。画像の内容を説明する alt を書いてください。";

    public static string MarkdownImageWithoutAlt(string src) =>
        $"本文の画像 '{src}' に代替テキストがありません。![会場の様子]({src}) のように [] の中に説明を書いてください。";

    public static string InvalidVideoId(string id) =>
        $"動画ID '{id}' は YouTube の動画IDの形ではありません。URL の v= の後にある英数字・「-」・「_」の11文字を書いてください。";

    public static string BaseUrlNotAbsolute(string value) =>
        $"base_url '{value}' は絶対URLではありません。https://example.jp/ のように https:// から書いてください。";

    public static string BaseUrlNoTrailingSlash(string value) =>
        $"base_url '{value}' は「/」で終わるようにしてください（例: {value}/）。";

    public static string NotifyEmailInvalid(string value) =>
        $"notify_email '{value}' はメールアドレスの形ではありません。staff@example.jp のように1つだけ書いてください。";

    private static string DateTime(DateTimeOffset value) =>
        value.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy年M月d日 H:mm", Japanese);

    private static string Time(DateTimeOffset value) =>
        value.ToOffset(TimeSpan.FromHours(9)).ToString("H:mm", Japanese);
}
