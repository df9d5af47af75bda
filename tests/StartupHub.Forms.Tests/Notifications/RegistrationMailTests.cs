using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Notifications;

/// <summary>
/// End to end through a real SMTP server: the API registers, the outbox sends within seconds, and the mail
/// at maildev carries what a visitor without JavaScript needs — the number and a cancellation link that works.
/// </summary>
[Collection(MaildevCollection.Name)]
public sealed partial class RegistrationMailTests(MaildevFixture maildev) : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private FormsTestHost _host = null!;

    public async Task InitializeAsync()
    {
        string manifest = MailTestSite.WriteManifest(_folder.Path, MailTestSite.Event("mail-one", 1), MailTestSite.Event("mail-two", 1));
        _host = await FormsTestHost.StartAsync(manifest, Path.Combine(_folder.Path, "data"), maildev.SmtpSettings());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Registration_mail_has_the_number_the_jst_date_and_a_working_absolute_cancellation_link()
    {
        string email = MailTestSite.UniqueEmail("hanako");
        JsonElement answer = await _host.RegisterAsync("mail-one", email, ["main"]);
        string number = answer.GetProperty("registration_number").GetString()!;

        JsonElement mail = Assert.Single(await maildev.WaitForAsync(email));
        Assert.Equal($"【ちば スタートアップ総合支援拠点】お申込みを受け付けました（受付番号 {number}）", mail.GetProperty("subject").GetString());
        string text = mail.GetProperty("text").GetString()!;
        Assert.StartsWith("千葉 花子 様", text, StringComparison.Ordinal);
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("日時：2099年10月15日(木) 18:00〜21:00", text, StringComparison.Ordinal);
        Assert.Contains("会場：ペリエホール（千葉市中央区新千葉1丁目1-1）", text, StringComparison.Ordinal);
        Assert.Contains("・枠0：参加確定", text, StringComparison.Ordinal);
        Assert.Contains("メール：info@startup-hub.example.jp", text, StringComparison.Ordinal);
        Assert.Equal("auto-generated", mail.GetProperty("headers").GetProperty("auto-submitted").GetString());
        Assert.Equal("no-reply@startup-hub.example.jp", mail.GetProperty("from")[0].GetProperty("address").GetString());

        // The mail's link is exactly the API's cancel_url made absolute, so the no-JS visitor gets the same link.
        string link = CancelLink(text);
        Assert.Equal(MailTestSite.BaseUrl.TrimEnd('/') + answer.GetProperty("cancel_url").GetString(), link);

        (string eventId, string registration, string token) = ParseLink(link);
        using HttpResponseMessage cancel = await _host.PostJsonAsync($"/api/events/{eventId}/registrations/{registration}/cancel", new { token });
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (await cancel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        JsonElement cancelled = (await maildev.WaitForAsync(email, count: 2))[1];
        Assert.Equal($"【ちば スタートアップ総合支援拠点】キャンセルを受け付けました（受付番号 {number}）", cancelled.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Cancelling_sends_the_waitlisted_person_a_promotion_mail()
    {
        string first = MailTestSite.UniqueEmail("first");
        string waiting = MailTestSite.UniqueEmail("waiting");
        await _host.RegisterAsync("mail-two", first, ["main"]);
        JsonElement second = await _host.RegisterAsync("mail-two", waiting, ["main"]);
        string waitingNumber = second.GetProperty("registration_number").GetString()!;

        JsonElement waitlisted = Assert.Single(await maildev.WaitForAsync(waiting));
        Assert.Equal($"【ちば スタートアップ総合支援拠点】キャンセル待ちで受け付けました（受付番号 {waitingNumber}）", waitlisted.GetProperty("subject").GetString());
        Assert.Contains("・枠0：キャンセル待ち（1番目）", waitlisted.GetProperty("text").GetString()!, StringComparison.Ordinal);

        (string eventId, string registration, string token) = ParseLink(CancelLink(Assert.Single(await maildev.WaitForAsync(first)).GetProperty("text").GetString()!));
        using HttpResponseMessage cancel = await _host.PostJsonAsync($"/api/events/{eventId}/registrations/{registration}/cancel", new { token });
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);

        JsonElement promoted = (await maildev.WaitForAsync(waiting, count: 2))[1];
        Assert.Equal($"【ちば スタートアップ総合支援拠点】キャンセル待ちから繰り上がりました（受付番号 {waitingNumber}）", promoted.GetProperty("subject").GetString());
        string text = promoted.GetProperty("text").GetString()!;
        Assert.Contains("・枠0：参加確定", text, StringComparison.Ordinal);
        // The promoted person's own link, which cancels their (now confirmed) seat.
        Assert.Equal(MailTestSite.BaseUrl.TrimEnd('/') + second.GetProperty("cancel_url").GetString(), CancelLink(text));
    }

    private static string CancelLink(string text) => Assert.Single(CancelLinkPattern().Matches(text)).Value;

    private static (string Event, string Registration, string Token) ParseLink(string link)
    {
        Dictionary<string, string> parts = new Uri(link).Fragment.TrimStart('#').Split('&')
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        return (parts["event"], parts["registration"], parts["token"]);
    }

    [GeneratedRegex(@"https://startup-hub\.example\.jp/forms/cancel/#\S+")]
    private static partial Regex CancelLinkPattern();
}
