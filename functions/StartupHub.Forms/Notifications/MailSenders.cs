using MailKit.Net.Smtp;
using MimeKit;

namespace StartupHub.Forms.Notifications;

/// <summary>Hands one finished message to the outside world. Throws on failure; the dispatcher retries.</summary>
public interface IMailSender
{
    /// <exception cref="MailNotConfiguredException">No way to send is configured; the mail waits.</exception>
    /// <exception cref="MailRejectedException">The server refused this message for good; retrying is pointless.</exception>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>No SMTP server and no pickup folder (Azure storage without Forms:Mail:Smtp:Host): mails wait, sealed.</summary>
public sealed class MailNotConfiguredException(string message) : Exception(message);

/// <summary>A permanent refusal (e.g. 550 mailbox does not exist). Never carries the address or server text.</summary>
public sealed class MailRejectedException(string reason, Exception? inner = null) : Exception(reason, inner);

/// <summary>Sends through an SMTP submission server (Azure Communication Services, SendGrid, the operator's own).</summary>
public sealed class SmtpMailSender(SmtpOptions options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using SmtpClient client = new() { Timeout = Math.Max(1, options.TimeoutSeconds) * 1000 };
        string host = options.Host ?? throw new MailNotConfiguredException("Forms:Mail:Smtp:Host is not set");
        await client.ConnectAsync(host, options.Port, options.Security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }

        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500
            && ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            // 5xx for this recipient or message: the same mail will be refused next time too.
            throw new MailRejectedException($"smtp-{(int)ex.StatusCode}-{ex.ErrorCode}", ex);
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// The local default: each mail becomes an .eml file (open it with any mail program, or look at it as text).
/// Written to a temp name and renamed, so a reader never sees half a message.
/// </summary>
public sealed class PickupFolderMailSender(string folder) : IMailSender
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        string name = $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml";
        string path = Path.Combine(Folder, name);
        string temp = path + ".tmp";
        await using (FileStream stream = new(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await message.WriteToAsync(stream, cancellationToken);
        }

        File.Move(temp, path, overwrite: true);
    }
}

public sealed class UnconfiguredMailSender : IMailSender
{
    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
        throw new MailNotConfiguredException("Forms:Mail:Smtp:Host is not set and there is no pickup folder");
}
