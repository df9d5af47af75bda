using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StartupHub.Forms.Notifications;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Notifications;

/// <summary>With Azure storage and no SMTP, mails wait sealed in the outbox instead of being written to an instance's disk.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnconfiguredMailTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Without_smtp_on_azure_mails_wait_in_the_outbox_untouched()
    {
        Dictionary<string, string?> settings = new()
        {
            ["Forms:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Forms:Storage:Container"] = "mail-" + Guid.NewGuid().ToString("N")[..12],
            ["Forms:HmacSecret"] = FormsTestHost.Secret,
            ["Forms:Encryption:Keys:test-1"] = FormsTestHost.TestEncryptionKey,
        };
        ServiceCollection services = new();
        services.AddLogging(l => l.ClearProviders());
        services.AddStartupHubForms(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        await using ServiceProvider provider = services.BuildServiceProvider();
        Assert.IsType<UnconfiguredMailSender>(provider.GetRequiredService<IMailSender>());

        string address = MailTestSite.UniqueEmail("waiting");
        await provider.GetRequiredService<INotificationOutbox>().EnqueueAsync(
            new OutgoingMail(MailKinds.SubmissionReceived, "mentee-application/MEN-0001", new MailRecipient(address, null), "件名", "本文"), CancellationToken.None);
        OutboxDispatcher dispatcher = provider.GetRequiredService<OutboxDispatcher>();
        await dispatcher.WhenIdleAsync();

        Assert.Equal([DispatchResult.NotConfigured], await dispatcher.DispatchDueAsync(CancellationToken.None));
        IFormStore store = provider.GetRequiredService<IFormStore>();
        string key = Assert.Single(await store.ListAsync(OutboxKeys.PendingPrefix, CancellationToken.None).ToListAsync());
        StoredObject stored = (await store.ReadAsync(key, CancellationToken.None))!;
        OutboxEntry entry = OutboxEntry.Open(provider.GetRequiredService<RecordSealer>(), key, stored.Content.Span);
        Assert.Equal(0, entry.Attempts); // waiting for configuration does not use up attempts
        Assert.Equal(address, entry.Mail.To.Address);
        Assert.True(stored.Content.Span.IndexOf(System.Text.Encoding.UTF8.GetBytes(address)) < 0);
    }
}
