using System.Text;
using StartupHub.Forms.Applications;
using StartupHub.Forms.Manifest;

namespace StartupHub.Forms.Notifications;

/// <summary>
/// The receipt for an application or inquiry, and the staff notice about it. The staff notice carries only
/// the form, the receipt number and a link to the staff pages: mailboxes are forwarded and archived in ways
/// the operator does not control, so personal data stays behind the staff sign-in.
/// </summary>
public static class SubmissionMails
{
    public static OutgoingMail Receipt(ManifestSite site, FormsManifest manifest, SubmissionRecord record)
    {
        string formTitle = FormTitle(manifest, record.FormId);
        bool inquiry = record.FormId == ApplicationForms.PartnershipInquiry;
        string subject = MailText.Subject(site, inquiry
            ? $"お問い合わせを受け付けました（受付番号 {record.Number}）"
            : $"お申込みを受け付けました（受付番号 {record.Number}）");

        StringBuilder body = new StringBuilder().Append(record.ContactName).Append(" 様\n\n");
        body.Append(inquiry
            ? $"このたびは「{formTitle}」からお問い合わせいただき、ありがとうございます。\n以下の内容で受け付けました。\n\n"
            : $"このたびは「{formTitle}」にお申込みいただき、ありがとうございます。\n以下の内容で受け付けました。\n\n");
        List<string> summary = ["受付番号：" + record.Number, "受付日時：" + MailText.DateTime(record.SubmittedAt)];
        if (record.CompanyId is { } companyId && manifest.Companies.FirstOrDefault(c => c.Id == companyId) is { } company)
        {
            summary.Add("ご相談先の企業：" + company.Name);
        }

        foreach (Applications.SubmissionAttachment attachment in record.Attachments)
        {
            summary.Add("添付ファイル：" + attachment.FileName);
        }

        MailText.AppendSection(body, "受付内容", [.. summary]);
        MailText.AppendSection(body, "今後の流れ", NextSteps(record.FormId));
        body.Append("お問い合わせの際は、受付番号をお知らせください。\n\n");
        MailText.AppendSignature(body, site);
        return MailText.Compose(site, MailKinds.SubmissionReceived, Reference(record), new MailRecipient(record.ContactEmail, record.ContactName), subject, body);
    }

    /// <summary>The notice to <see cref="ManifestSite.NotifyEmail"/>, or null when the site has no staff mailbox.</summary>
    public static OutgoingMail? StaffNotice(ManifestSite site, FormsManifest manifest, SubmissionRecord record)
    {
        if (string.IsNullOrWhiteSpace(site.NotifyEmail))
        {
            return null;
        }

        string formTitle = FormTitle(manifest, record.FormId);
        string subject = MailText.Subject(site, $"新しい受付がありました（{formTitle} {record.Number}）");
        StringBuilder body = new StringBuilder().Append("事務局ご担当者様\n\n");
        body.Append("フォームから新しい受付がありました。内容はスタッフ画面でご確認ください。\n\n");
        MailText.AppendSection(body, "受付",
            "フォーム：" + formTitle,
            "受付番号：" + record.Number,
            "受付日時：" + MailText.DateTime(record.SubmittedAt));
        MailText.AppendSection(body, "スタッフ画面", site.AbsoluteUrl("/staff/"));
        body.Append("※この通知には個人情報を含めていません。申込者への連絡はスタッフ画面の内容をもとに行ってください。\n");
        return new OutgoingMail(MailKinds.StaffNotice, Reference(record), new MailRecipient(site.NotifyEmail, null), subject, body.ToString())
        {
            SenderName = site.Title,
            SenderAddress = site.Contact.Email,
        };
    }

    private static string Reference(SubmissionRecord record) => $"{record.FormId}/{record.Number}";

    private static string FormTitle(FormsManifest manifest, string formId) =>
        manifest.FindForm(formId)?.Title ?? ApplicationForms.Find(formId)?.Title ?? formId;

    private static string[] NextSteps(string formId) => formId switch
    {
        ApplicationForms.OipApplication =>
        [
            "応募内容と提出資料を事務局で確認し、審査を行います。",
            "審査の結果は、募集要項に記載の時期までに、ご登録のメールアドレスへお知らせします。",
            "内容について確認が必要な場合は、事務局からご連絡することがあります。",
        ],
        ApplicationForms.MenteeApplication =>
        [
            "内容を確認のうえ、事務局からメンタリングの日程や会場の調整についてご連絡します。",
            "ご連絡まで数営業日いただく場合があります。",
        ],
        ApplicationForms.PartnershipInquiry =>
        [
            "内容を確認のうえ、事務局から企業へのお取次ぎについてご連絡します。",
            "ご連絡まで数営業日いただく場合があります。",
        ],
        _ => ["内容を確認のうえ、事務局からご連絡します。"],
    };
}
