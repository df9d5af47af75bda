using StartupHub.Forms.Applications;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Notifications;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Notifications;

public sealed class MailCompositionTests
{
    private static DateTimeOffset Jst(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Dates_are_japanese_in_jst_with_the_weekday()
    {
        Assert.Equal("2025年10月15日(水) 18:00〜21:00", MailText.Range(Jst("2025-10-15T09:00:00Z"), Jst("2025-10-15T12:00:00Z")));
        Assert.Equal("2025年10月15日(水) 23:00〜2025年10月16日(木) 01:00", MailText.Range(Jst("2025-10-15T23:00:00+09:00"), Jst("2025-10-16T01:00:00+09:00")));
        Assert.Equal("2026年1月4日(日) 09:05", MailText.DateTime(Jst("2026-01-04T00:05:00Z")));
    }

    [Fact]
    public void Links_keep_the_base_path()
    {
        ManifestSite site = MailTestSite.Site with { BaseUrl = "https://example.jp/hub/" };
        Assert.Equal("https://example.jp/hub/staff/", site.AbsoluteUrl("/staff/"));
        Assert.Equal("https://example.jp/hub/forms/cancel/#event=e&registration=r&token=t", site.AbsoluteUrl(RegistrationMails.CancelPath("e", "r", "t")));
    }

    [Fact]
    public void Applicants_get_a_receipt_and_staff_a_notice_without_personal_data()
    {
        FormsManifest manifest = TestEvents.Sample with { Site = MailTestSite.Site };
        SubmissionRecord record = new("0193abcd", ApplicationForms.PartnershipInquiry, "INQ-0007", Jst("2025-10-01T01:30:00Z"), "received", "kazusa-aqua",
            "2025-08-01", Jst("2025-10-01T01:30:00Z"),
            [new SubmissionField("name", "氏名", "房総 太郎"), new SubmissionField("email", "メールアドレス", "taro@example.jp"), new SubmissionField("proposal", "ご相談内容", "共同研究のご相談")],
            [], "taro@example.jp", "房総 太郎");

        OutgoingMail receipt = SubmissionMails.Receipt(MailTestSite.Site, manifest, record);
        Assert.Equal("taro@example.jp", receipt.To.Address);
        Assert.Equal("【ちば スタートアップ総合支援拠点】お問い合わせを受け付けました（受付番号 INQ-0007）", receipt.Subject);
        Assert.Contains("受付日時：2025年10月1日(水) 10:30", receipt.TextBody, StringComparison.Ordinal);
        Assert.Contains("ご相談先の企業：株式会社かずさアクア", receipt.TextBody, StringComparison.Ordinal);
        Assert.Contains("■今後の流れ", receipt.TextBody, StringComparison.Ordinal);

        OutgoingMail staff = SubmissionMails.StaffNotice(MailTestSite.Site, manifest, record)!;
        Assert.Equal("jimukyoku@startup-hub.example.jp", staff.To.Address);
        Assert.Equal("【ちば スタートアップ総合支援拠点】新しい受付がありました（連携のご相談 INQ-0007）", staff.Subject);
        Assert.Contains("https://startup-hub.example.jp/staff/", staff.TextBody, StringComparison.Ordinal);
        foreach (string personal in new[] { "房総", "taro@example.jp", "共同研究", "かずさアクア" })
        {
            Assert.DoesNotContain(personal, staff.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(personal, staff.Subject, StringComparison.Ordinal);
        }

        Assert.Null(SubmissionMails.StaffNotice(MailTestSite.Site with { NotifyEmail = null }, manifest, record));
    }
}
