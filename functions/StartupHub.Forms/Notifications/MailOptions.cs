using MailKit.Security;

namespace StartupHub.Forms.Notifications;

/// <summary>Configuration section "Forms:Mail" (environment variables Forms__Mail__Smtp__Host, ...). See docs/notifications.md.</summary>
public sealed class FormsMailOptions
{
    /// <summary>Forms:Mail:Smtp — when Host is set, mails go out through this SMTP server.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Forms:Mail:PickupPath — without SMTP, each mail is written as an .eml file into this folder.
    /// Default: "mail" beside the local store's folder (.data/mail for `serve`). Not used with Azure storage
    /// unless set explicitly: there, mails wait in the outbox until SMTP is configured.</summary>
    public string? PickupPath { get; set; }

    /// <summary>Forms:Mail:FromAddress — the sender address (must be one your SMTP provider lets you send as).
    /// Default: the site's contact address from the manifest.</summary>
    public string? FromAddress { get; set; }

    /// <summary>Forms:Mail:FromName — the sender's display name. Default: the site title.</summary>
    public string? FromName { get; set; }

    /// <summary>Forms:Mail:MaxAttempts — after this many failed sends a mail moves to outbox/failed/.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Forms:Mail:RetryBaseSeconds — the first retry waits this long; each further one twice as long.</summary>
    public double RetryBaseSeconds { get; set; } = 60;

    /// <summary>Forms:Mail:RetryMaxSeconds — the longest wait between two attempts.</summary>
    public double RetryMaxSeconds { get; set; } = 3600;

    /// <summary>Forms:Mail:LeaseSeconds — how long one dispatcher holds a mail while sending it, so the timer and
    /// the in-process wake-up (or two instances) do not send it twice.</summary>
    public double LeaseSeconds { get; set; } = 120;

    /// <summary>Forms:Mail:SendImmediately — after queuing, try to send at once in the background.</summary>
    public bool SendImmediately { get; set; } = true;

    /// <summary>Forms:Mail:DrainIntervalSeconds — how often `serve` looks for due mails (the Functions app uses a timer).</summary>
    public double DrainIntervalSeconds { get; set; } = 30;
}

public sealed class SmtpOptions
{
    /// <summary>Forms:Mail:Smtp:Host — empty means no SMTP (pickup folder locally).</summary>
    public string? Host { get; set; }

    /// <summary>Forms:Mail:Smtp:Port — 587 for submission with STARTTLS.</summary>
    public int Port { get; set; } = 587;

    /// <summary>Forms:Mail:Smtp:Security — StartTls (default; refuses a server without STARTTLS), SslOnConnect
    /// (port 465), StartTlsWhenAvailable, or None (only for a local test server such as maildev).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Forms:Mail:Smtp:UserName — omit for servers without authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>Forms:Mail:Smtp:Password — from Key Vault in production.</summary>
    public string? Password { get; set; }

    /// <summary>Forms:Mail:Smtp:TimeoutSeconds — connect and command timeout.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
