using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using StartupHub.Forms.Notifications;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Notifications;

/// <summary>Without SMTP settings (the `serve` default) mails become .eml files beside the local store.</summary>
public sealed class PickupFolderTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private FormsTestHost _host = null!;

    private string MailFolder => Path.Combine(_folder.Path, "mail");

    public async Task InitializeAsync()
    {
        string manifest = MailTestSite.WriteManifest(_folder.Path, MailTestSite.Event("pickup", 10));
        _host = await FormsTestHost.StartAsync(manifest, Path.Combine(_folder.Path, "data"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task The_default_writes_a_parseable_japanese_eml_beside_the_store()
    {
        string email = MailTestSite.UniqueEmail("pickup");
        string number = (await _host.RegisterAsync("pickup", email, ["main"])).GetProperty("registration_number").GetString()!;

        string file = await WaitForFileAsync();
        MimeMessage message = await MimeMessage.LoadAsync(file);
        Assert.Equal($"【ちば スタートアップ総合支援拠点】お申込みを受け付けました（受付番号 {number}）", message.Subject);
        Assert.Equal(email, ((MailboxAddress)message.To.Single()).Address);
        Assert.Equal("千葉 花子", message.To.Single().Name);
        // Without Forms:Mail:FromAddress the site's contact address sends, under the site's name.
        Assert.Equal("info@startup-hub.example.jp", ((MailboxAddress)message.From.Single()).Address);
        Assert.Equal("ちば スタートアップ総合支援拠点", message.From.Single().Name);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.EndsWith("@startup-hub.example.jp", message.MessageId, StringComparison.Ordinal);
        Assert.True(message.Headers.Contains(HeaderId.Date));
        Assert.InRange(DateTimeOffset.UtcNow - message.Date, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        TextPart text = (TextPart)message.BodyParts.OfType<TextPart>().First(p => p.IsPlain);
        Assert.Equal("utf-8", text.ContentType.Charset, ignoreCase: true);
        Assert.Contains($"■受付番号\n{number}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("日時：2099年10月15日(木) 18:00〜21:00", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://startup-hub.example.jp/forms/cancel/#event=pickup&amp;registration=", message.HtmlBody, StringComparison.Ordinal);

        // The mail went out: the outbox holds only the receipt, and no file in the store has the address.
        await _host.Services.GetRequiredService<OutboxDispatcher>().WhenIdleAsync();
        Assert.Empty(await _host.Store.ListAsync(OutboxKeys.PendingPrefix, CancellationToken.None).ToListAsync());
        Assert.Single(await _host.Store.ListAsync(OutboxKeys.SentPrefix, CancellationToken.None).ToListAsync());
        Assert.False(MailTestSite.AnyFileContains(Path.Combine(_folder.Path, "data"), email));
    }

    [Fact]
    public async Task A_failing_outbox_does_not_fail_the_registration()
    {
        await using FormsTestHost host = await FormsTestHost.StartAsync(
            MailTestSite.WriteManifest(_folder.Path, MailTestSite.Event("outbox-down", 10)), Path.Combine(_folder.Path, "data2"),
            services: s => s.AddSingleton<INotificationOutbox, ThrowingOutbox>());

        using HttpResponseMessage response = await host.PostJsonAsync("/api/events/outbox-down/registrations",
            FormsTestHost.Body(MailTestSite.UniqueEmail("kept"), await host.FormTokenAsync(), ["main"]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<string> WaitForFileAsync()
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(MailFolder) && Directory.GetFiles(MailFolder, "*.eml") is [string file])
            {
                return file;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no .eml in {MailFolder}");
    }

    private sealed class ThrowingOutbox : INotificationOutbox
    {
        public Task EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken) =>
            throw new StartupHub.Forms.Storage.StorageUnavailableException("outbox down");
    }
}
