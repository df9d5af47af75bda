using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Notifications;

/// <summary>An application through the API: the applicant gets a receipt, the staff mailbox a notice without personal data.</summary>
[Collection(MaildevCollection.Name)]
public sealed class SubmissionMailTests(MaildevFixture maildev) : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly string _staff = MailTestSite.UniqueEmail("staff");
    private FormsTestHost _host = null!;

    public async Task InitializeAsync()
    {
        string manifest = MailTestSite.WriteManifest(_folder.Path);
        // This test's own staff mailbox, so parallel tests do not see each other's notices.
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("jimukyoku@startup-hub.example.jp", _staff, StringComparison.Ordinal));
        _host = await FormsTestHost.StartAsync(manifest, Path.Combine(_folder.Path, "data"), maildev.SmtpSettings());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_mentee_application_sends_a_receipt_and_a_staff_notice()
    {
        string email = MailTestSite.UniqueEmail("mentee");
        using HttpResponseMessage response = await _host.PostJsonAsync("/api/forms/mentee-application/submissions", new
        {
            form_token = await _host.FormTokenAsync("mentee-application"),
            website = "",
            consent = true,
            purpose_version = "2025-10-01",
            company_name = "房総テック合同会社",
            contact_name = "房総 太郎",
            contact_kana = "ぼうそう たろう",
            email,
            phone = "090-1234-5678",
            stage = "seed",
            growth_intent = "ipo",
            business_summary = "農業向けのセンサーを開発しています。",
            advice_wanted = "資金調達について相談したいです。",
            preferred_venue = "chiba",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        string number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;

        JsonElement receipt = Assert.Single(await maildev.WaitForAsync(email));
        Assert.Equal($"【ちば スタートアップ総合支援拠点】お申込みを受け付けました（受付番号 {number}）", receipt.GetProperty("subject").GetString());
        string text = receipt.GetProperty("text").GetString()!;
        Assert.StartsWith("房総 太郎 様", text, StringComparison.Ordinal);
        Assert.Contains("「メンティ応募」", text, StringComparison.Ordinal);
        Assert.Contains("受付番号：" + number, text, StringComparison.Ordinal);

        JsonElement notice = Assert.Single(await maildev.WaitForAsync(_staff));
        Assert.Equal($"【ちば スタートアップ総合支援拠点】新しい受付がありました（メンティ応募 {number}）", notice.GetProperty("subject").GetString());
        string staffText = notice.GetProperty("text").GetString()!;
        Assert.Contains("https://startup-hub.example.jp/staff/", staffText, StringComparison.Ordinal);
        Assert.DoesNotContain("房総", staffText, StringComparison.Ordinal);
        Assert.DoesNotContain(email, staffText, StringComparison.Ordinal);
    }
}
