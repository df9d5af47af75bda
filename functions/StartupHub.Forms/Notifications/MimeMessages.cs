using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Text;

namespace StartupHub.Forms.Notifications;

/// <summary>
/// Turns a queued mail into a MIME message: UTF-8 plain text with a simple HTML alternative, a Date of when
/// it was queued, a Message-ID derived from the outbox id (a retry after an unconfirmed send carries the same
/// id, so receiving systems can drop the duplicate) and Auto-Submitted so auto-responders stay quiet.
/// </summary>
public static partial class MimeMessages
{
    public static MimeMessage Build(OutboxEntry entry, FormsMailOptions options)
    {
        OutgoingMail mail = entry.Mail;
        string fromAddress = FirstNonEmpty(options.FromAddress, mail.SenderAddress)
            ?? throw new MailNotConfiguredException("no sender address: set Forms:Mail:FromAddress or contact.email in site.yml");
        MimeMessage message = new();
        message.From.Add(new MailboxAddress(FirstNonEmpty(options.FromName, mail.SenderName) ?? "", fromAddress));
        message.To.Add(new MailboxAddress(mail.To.Name ?? "", mail.To.Address));
        if (!string.IsNullOrWhiteSpace(mail.ReplyTo) && !string.Equals(mail.ReplyTo, fromAddress, StringComparison.OrdinalIgnoreCase))
        {
            message.ReplyTo.Add(new MailboxAddress("", mail.ReplyTo));
        }

        message.Subject = mail.Subject;
        message.Date = entry.CreatedAt;
        string domain = fromAddress[(fromAddress.LastIndexOf('@') + 1)..];
        message.MessageId = $"{entry.Id}@{domain}";
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");

        MultipartAlternative body = new() { Part(TextFormat.Plain, mail.TextBody), Part(TextFormat.Html, Html(mail.TextBody)) };
        message.Body = body;
        return message;
    }

    private static TextPart Part(TextFormat format, string text)
    {
        TextPart part = new(format) { ContentTransferEncoding = ContentEncoding.Base64 };
        part.SetText(Encoding.UTF8, text);
        return part;
    }

    /// <summary>The plain text, escaped, with line breaks and clickable links; nothing else, so both parts say the same.</summary>
    public static string Html(string text)
    {
        string escaped = WebUtility.HtmlEncode(text);
        string linked = UrlPattern().Replace(escaped, m => $"<a href=\"{m.Value}\">{m.Value}</a>");
        return "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"></head><body><div style=\"font-family:sans-serif;line-height:1.7\">"
            + linked.Replace("\n", "<br>\n", StringComparison.Ordinal)
            + "</div></body></html>";
    }

    private static string? FirstNonEmpty(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) ? a : !string.IsNullOrWhiteSpace(b) ? b : null;

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex UrlPattern();
}
