using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StartupHub.Forms.Notifications;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Notifications;

/// <summary>The outbox against a real SMTP server that goes away: nothing is lost, nothing lies around unsealed.</summary>
[Collection(MaildevCollection.Name)]
public sealed class OutboxDispatcherTests(MaildevFixture maildev) : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2099, 10, 1, 0, 0, 0, TimeSpan.Zero));
    private SwitchableSmtpProxy _proxy = null!;
    private ServiceProvider _services = null!;

    private string DataPath => Path.Combine(_folder.Path, "data");

    public Task InitializeAsync()
    {
        _proxy = new SwitchableSmtpProxy(maildev.SmtpPort);
        Dictionary<string, string?> settings = new()
        {
            ["Forms:ManifestPath"] = Path.Combine(_folder.Path, "none.json"),
            ["Forms:Storage:LocalPath"] = DataPath,
            ["Forms:HmacSecret"] = FormsTestHost.Secret,
            ["Forms:Mail:Smtp:Host"] = "127.0.0.1",
            ["Forms:Mail:Smtp:Port"] = _proxy.Port.ToString(CultureInfo.InvariantCulture),
            ["Forms:Mail:Smtp:Security"] = "None",
            ["Forms:Mail:Smtp:TimeoutSeconds"] = "5",
            ["Forms:Mail:FromAddress"] = "no-reply@startup-hub.example.jp",
            ["Forms:Mail:MaxAttempts"] = "3",
            ["Forms:Mail:RetryBaseSeconds"] = "60",
            // The tests drive the dispatcher themselves.
            ["Forms:Mail:SendImmediately"] = "false",
        };
        ServiceCollection services = new();
        services.AddLogging(l => l.ClearProviders());
        services.AddSingleton<TimeProvider>(_clock);
        services.AddStartupHubForms(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        _services = services.BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _proxy.DisposeAsync();
        _folder.Dispose();
    }

    private OutboxDispatcher Dispatcher => _services.GetRequiredService<OutboxDispatcher>();

    private IFormStore Store => _services.GetRequiredService<IFormStore>();

    private async Task<string> EnqueueAsync(string address)
    {
        await _services.GetRequiredService<INotificationOutbox>().EnqueueAsync(
            new OutgoingMail(MailKinds.RegistrationReceived, "event-registration/test/R-0001", new MailRecipient(address, "千葉 花子"),
                "【テスト】お申込みを受け付けました（受付番号 R-0001）", "千葉 花子 様\n\n受付番号 R-0001\n"),
            CancellationToken.None);
        return OutboxKeys.IdOf(Assert.Single(await Store.ListAsync(OutboxKeys.PendingPrefix, CancellationToken.None).ToListAsync()));
    }

    [Fact]
    public async Task While_smtp_is_down_the_mail_waits_sealed_and_goes_out_when_smtp_is_back()
    {
        string address = MailTestSite.UniqueEmail("outage");
        string id = await EnqueueAsync(address);

        Assert.Equal([DispatchResult.RetryLater], await Dispatcher.DispatchDueAsync(CancellationToken.None));
        StoredObject pending = (await Store.ReadAsync(OutboxKeys.Pending(id), CancellationToken.None))!;
        Assert.True(RecordSealer.IsSealed(pending.Content.Span));
        Assert.False(MailTestSite.AnyFileContains(DataPath, address));
        Assert.False(MailTestSite.AnyFileContains(DataPath, "千葉 花子"));
        OutboxEntry waiting = OutboxEntry.Open(_services.GetRequiredService<RecordSealer>(), OutboxKeys.Pending(id), pending.Content.Span);
        Assert.Equal(1, waiting.Attempts);
        Assert.Equal(_clock.Now.AddSeconds(60), waiting.NextAttemptAt);

        // Back-off: not before the next attempt is due, even though SMTP is back.
        _proxy.Up = true;
        Assert.Equal([DispatchResult.NotDue], await Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Empty(await maildev.MailsToAsync(address));

        _clock.Now = _clock.Now.AddSeconds(60);
        Assert.Equal([DispatchResult.Sent], await Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Single(await maildev.WaitForAsync(address));
        Assert.Null(await Store.ReadAsync(OutboxKeys.Pending(id), CancellationToken.None));
        // What remains is a receipt without personal data.
        Assert.NotNull(await Store.ReadAsync(OutboxKeys.Sent(id), CancellationToken.None));
        Assert.False(MailTestSite.AnyFileContains(DataPath, address));
        Assert.Empty(await Dispatcher.DispatchDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task After_the_last_attempt_the_mail_moves_to_failed_still_sealed()
    {
        string address = MailTestSite.UniqueEmail("poison");
        string id = await EnqueueAsync(address);

        Assert.Equal([DispatchResult.RetryLater], await Dispatcher.DispatchDueAsync(CancellationToken.None));
        _clock.Now = _clock.Now.AddSeconds(60);
        Assert.Equal([DispatchResult.RetryLater], await Dispatcher.DispatchDueAsync(CancellationToken.None));
        _clock.Now = _clock.Now.AddSeconds(119);
        Assert.Equal([DispatchResult.NotDue], await Dispatcher.DispatchDueAsync(CancellationToken.None)); // second wait is 2 × 60 s
        _clock.Now = _clock.Now.AddSeconds(1);
        Assert.Equal([DispatchResult.Failed], await Dispatcher.DispatchDueAsync(CancellationToken.None));

        Assert.Null(await Store.ReadAsync(OutboxKeys.Pending(id), CancellationToken.None));
        StoredObject failed = (await Store.ReadAsync(OutboxKeys.Failed(id), CancellationToken.None))!;
        Assert.True(RecordSealer.IsSealed(failed.Content.Span));
        Assert.False(MailTestSite.AnyFileContains(DataPath, address));
        OutboxEntry entry = OutboxEntry.Open(_services.GetRequiredService<RecordSealer>(), OutboxKeys.Failed(id), failed.Content.Span);
        Assert.Equal(3, entry.Attempts);
        Assert.Equal(address, entry.Mail.To.Address);
        Assert.NotNull(entry.LastError);
        Assert.DoesNotContain("@", entry.LastError, StringComparison.Ordinal);

        // Nothing more is attempted, and the server never saw it.
        _proxy.Up = true;
        Assert.Empty(await Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Empty(await maildev.MailsToAsync(address));
    }

    [Fact]
    public async Task A_mail_claimed_by_one_dispatcher_is_not_sent_by_another()
    {
        _proxy.Up = true;
        string address = MailTestSite.UniqueEmail("once");
        string id = await EnqueueAsync(address);

        DispatchResult[] results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Dispatcher.DispatchAsync(id, CancellationToken.None)));

        Assert.Equal(1, results.Count(r => r == DispatchResult.Sent));
        Assert.All(results.Where(r => r != DispatchResult.Sent), r => Assert.Contains(r, new[] { DispatchResult.Busy, DispatchResult.Gone }));
        await maildev.WaitForAsync(address);
        await Task.Delay(300);
        Assert.Single(await maildev.MailsToAsync(address));
    }
}
