using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace StartupHub.Forms.Notifications;

/// <summary>Registers the outbox, its dispatcher and the mail sender chosen by configuration.</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>Called by AddStartupHubForms. Everything is TryAdd, so a test may register its own sender or outbox.</summary>
    public static IServiceCollection AddStartupHubNotifications(this IServiceCollection services)
    {
        services.TryAddSingleton(CreateSender);
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<INotificationOutbox, StoreNotificationOutbox>();
        services.TryAddSingleton<RegistrationNotifier>();
        services.TryAddSingleton<SubmissionNotifier>();
        return services;
    }

    /// <summary>For hosts without a timer trigger (`serve`): drain the outbox periodically.</summary>
    public static IServiceCollection AddStartupHubOutboxDrain(this IServiceCollection services)
    {
        services.AddHostedService<OutboxDrainService>();
        return services;
    }

    /// <summary>
    /// SMTP when a host is configured; otherwise the pickup folder (explicit, or "mail" beside the local
    /// store's folder so `serve` needs nothing installed). With Azure storage and neither, mails wait in the
    /// outbox: writing .eml files inside a Functions instance would lose them.
    /// </summary>
    private static IMailSender CreateSender(IServiceProvider services)
    {
        FormsOptions options = services.GetRequiredService<IOptions<FormsOptions>>().Value;
        FormsMailOptions mail = options.Mail;
        if (!string.IsNullOrWhiteSpace(mail.Smtp.Host))
        {
            return new SmtpMailSender(mail.Smtp);
        }

        if (!string.IsNullOrWhiteSpace(mail.PickupPath))
        {
            return new PickupFolderMailSender(mail.PickupPath);
        }

        return string.IsNullOrWhiteSpace(options.Storage.ConnectionString)
            ? new PickupFolderMailSender(DefaultPickupPath(options.Storage.LocalPath))
            : new UnconfiguredMailSender();
    }

    /// <summary>"mail" beside the local store: .data/forms → .data/mail.</summary>
    public static string DefaultPickupPath(string localStorePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(localStorePath).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "mail");
}
