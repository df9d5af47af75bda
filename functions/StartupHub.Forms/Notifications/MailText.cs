using System.Globalization;
using System.Text;
using StartupHub.Forms.Manifest;

namespace StartupHub.Forms.Notifications;

/// <summary>The pieces every mail shares: JST dates with the weekday, the subject prefix and the signature.</summary>
public static class MailText
{
    private static readonly string[] Weekdays = ["日", "月", "火", "水", "木", "金", "土"];

    /// <summary>"2025年10月15日(水)" in JST.</summary>
    public static string Date(DateTimeOffset time)
    {
        DateTimeOffset jst = Jst.ToJst(time);
        return jst.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) + $"({Weekdays[(int)jst.DayOfWeek]})";
    }

    /// <summary>"2025年10月15日(水) 18:00" in JST.</summary>
    public static string DateTime(DateTimeOffset time) =>
        Date(time) + " " + Jst.ToJst(time).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"2025年10月15日(水) 18:00〜21:00", with the end date repeated only when it is another day.</summary>
    public static string Range(DateTimeOffset start, DateTimeOffset end)
    {
        DateTimeOffset s = Jst.ToJst(start);
        DateTimeOffset e = Jst.ToJst(end);
        return s.Date == e.Date
            ? $"{DateTime(start)}〜{e.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : $"{DateTime(start)}〜{DateTime(end)}";
    }

    /// <summary>"【ちば スタートアップ総合支援拠点】" — recipients recognise the sender at a glance.</summary>
    public static string Subject(ManifestSite site, string text) => $"【{site.Title}】{text}";

    public static void AppendSection(StringBuilder body, string heading, params string[] lines)
    {
        body.Append('■').Append(heading).Append('\n');
        foreach (string line in lines)
        {
            body.Append(line).Append('\n');
        }

        body.Append('\n');
    }

    /// <summary>Who sent this and whom to ask; the mail is automatic, so the reader must know where a human is.</summary>
    public static void AppendSignature(StringBuilder body, ManifestSite site)
    {
        body.Append("――――――――――――――――――――\n");
        body.Append(site.Title).Append('\n');
        body.Append(site.Contact.Name).Append('\n');
        if (site.Contact.Email is { } email)
        {
            body.Append("メール：").Append(email).Append('\n');
        }

        if (site.Contact.Phone is { } phone)
        {
            body.Append("電話：").Append(phone).Append('\n');
        }

        if (site.Contact.Hours is { } hours)
        {
            body.Append("受付時間：").Append(hours).Append('\n');
        }

        body.Append(site.BaseUrl).Append('\n');
        body.Append('\n');
        body.Append("※このメールはシステムから自動で送信しています。お心当たりのない場合やご不明な点は、上記の連絡先までお問い合わせください。\n");
    }

    /// <summary>The mail's sender defaults and reply address, taken from the manifest's site object.</summary>
    public static OutgoingMail Compose(ManifestSite site, string kind, string reference, MailRecipient to, string subject, StringBuilder body) =>
        new(kind, reference, to, subject, body.ToString())
        {
            ReplyTo = site.Contact.Email,
            SenderName = site.Title,
            SenderAddress = site.Contact.Email,
        };
}
