using System.Globalization;
using System.Text;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Registration;

namespace StartupHub.Forms.Notifications;

/// <summary>
/// The Japanese mails about an event registration: received (with each session's status and the
/// cancellation link), promoted from the waitlist, and cancelled. The cancellation link is the same one the
/// API answers (<c>cancel_url</c>), made absolute with the site's base URL, so visitors without JavaScript,
/// who never see the JSON answer, still get it.
/// </summary>
public static class RegistrationMails
{
    /// <summary>The site path of the cancellation page; must stay equal to the API answer's <c>cancel_url</c>.</summary>
    public static string CancelPath(string eventId, string registrationId, string token) =>
        $"/forms/cancel/#event={eventId}&registration={registrationId}&token={token}";

    public static OutgoingMail Received(ManifestSite site, ManifestEvent evt, RegistrationView view, Registrant person, string cancelToken)
    {
        bool allWaitlisted = view.Sessions.All(s => s.Status == SessionStates.Waitlisted);
        bool anyWaitlisted = view.Sessions.Any(s => s.Status == SessionStates.Waitlisted);
        string subject = MailText.Subject(site, allWaitlisted
            ? $"キャンセル待ちで受け付けました（受付番号 {view.Number}）"
            : $"お申込みを受け付けました（受付番号 {view.Number}）");

        StringBuilder body = Greeting(person);
        body.Append($"このたびは「{evt.Title}」にお申込みいただき、ありがとうございます。\n");
        body.Append(allWaitlisted
            ? "定員に達しているため、キャンセル待ちとして受け付けました。\n\n"
            : "以下の内容で受け付けました。\n\n");
        MailText.AppendSection(body, "受付番号", view.Number);
        AppendEvent(body, site, evt);
        AppendSessions(body, evt, view);
        if (anyWaitlisted)
        {
            body.Append("キャンセル待ちの枠に空きが出た場合は、お申込み順に繰り上げ、メールでお知らせします。\n\n");
        }

        AppendCancelLink(body, site, evt, view, cancelToken);
        MailText.AppendSignature(body, site);
        return MailText.Compose(site, MailKinds.RegistrationReceived, Reference(evt, view), new MailRecipient(person.Email, person.Name), subject, body);
    }

    /// <param name="promotedSessions">The sessions this cancellation moved the person into.</param>
    public static OutgoingMail Promoted(ManifestSite site, ManifestEvent evt, RegistrationView view, Registrant person, IReadOnlyCollection<string> promotedSessions, string cancelToken)
    {
        string subject = MailText.Subject(site, $"キャンセル待ちから繰り上がりました（受付番号 {view.Number}）");
        StringBuilder body = Greeting(person);
        body.Append($"「{evt.Title}」でキャンセル待ちをされていた枠に空きが出たため、参加確定となりました。\n\n");
        MailText.AppendSection(body, "参加確定となった枠",
            promotedSessions.Select(id => "・" + SessionLabel(evt, id)).ToArray());
        MailText.AppendSection(body, "受付番号", view.Number);
        AppendEvent(body, site, evt);
        AppendSessions(body, evt, view);
        body.Append("ご都合が合わなくなった場合は、ほかの方にお譲りいただけるよう、お早めにキャンセルの手続きをお願いします。\n\n");
        AppendCancelLink(body, site, evt, view, cancelToken);
        MailText.AppendSignature(body, site);
        return MailText.Compose(site, MailKinds.RegistrationPromoted, Reference(evt, view), new MailRecipient(person.Email, person.Name), subject, body);
    }

    public static OutgoingMail Cancelled(ManifestSite site, ManifestEvent evt, RegistrationView view, Registrant person)
    {
        string subject = MailText.Subject(site, $"キャンセルを受け付けました（受付番号 {view.Number}）");
        StringBuilder body = Greeting(person);
        body.Append($"「{evt.Title}」のお申込みのキャンセルを受け付けました。ご連絡ありがとうございました。\n\n");
        MailText.AppendSection(body, "受付番号", view.Number);
        AppendEvent(body, site, evt);
        body.Append("またのご参加をお待ちしております。改めて参加を希望される場合は、イベントページから新しくお申し込みください。\n\n");
        MailText.AppendSignature(body, site);
        return MailText.Compose(site, MailKinds.RegistrationCancelled, Reference(evt, view), new MailRecipient(person.Email, person.Name), subject, body);
    }

    private static StringBuilder Greeting(Registrant person) => new StringBuilder().Append(person.Name).Append(" 様\n\n");

    /// <summary>Form, event and number: enough for staff to find the registration, no personal data.</summary>
    private static string Reference(ManifestEvent evt, RegistrationView view) =>
        $"{Storage.StorageKeys.EventRegistrationForm}/{evt.Id}/{view.Number}";

    private static void AppendEvent(StringBuilder body, ManifestSite site, ManifestEvent evt)
    {
        List<string> lines = [evt.Title, "日時：" + MailText.Range(evt.Start, evt.End)];
        if (evt.Venue is { } venue)
        {
            lines.Add($"会場：{venue.Name}（{venue.Address}）");
        }

        if (evt.Url is { } url)
        {
            lines.Add("詳細：" + site.AbsoluteUrl(url));
        }

        MailText.AppendSection(body, "イベント", [.. lines]);
    }

    private static void AppendSessions(StringBuilder body, ManifestEvent evt, RegistrationView view) =>
        MailText.AppendSection(body, "お申込みの枠", view.Sessions.Select(s => $"・{SessionLabel(evt, s.SessionId)}：{StatusLabel(s)}").ToArray());

    private static void AppendCancelLink(StringBuilder body, ManifestSite site, ManifestEvent evt, RegistrationView view, string token) =>
        MailText.AppendSection(body, "キャンセルについて",
            "ご都合が悪くなった場合は、次のリンクからキャンセルの手続きをしてください。",
            site.AbsoluteUrl(CancelPath(evt.Id, view.RegistrationId, token)),
            "（このリンクはお申込みされた方専用です。ほかの方には転送しないでください。）");

    private static string SessionLabel(ManifestEvent evt, string sessionId)
    {
        ManifestSession? session = evt.FindSession(sessionId);
        if (session is null)
        {
            return sessionId;
        }

        return session.Start is { } start && session.End is { } end
            ? $"{session.Title}（{Jst.ToJst(start).ToString("HH:mm", CultureInfo.InvariantCulture)}〜{Jst.ToJst(end).ToString("HH:mm", CultureInfo.InvariantCulture)}）"
            : session.Title;
    }

    private static string StatusLabel(SessionStatus status) => status.Status switch
    {
        SessionStates.Confirmed => "参加確定",
        SessionStates.Waitlisted => status.WaitlistPosition is { } position ? $"キャンセル待ち（{position}番目）" : "キャンセル待ち",
        SessionStates.Cancelled => "キャンセル済み",
        _ => status.Status,
    };
}
