using System.Text;
using Azure.Storage.Blobs;

namespace StartupHub.E2E.Flows;

/// <summary>The registration flow in Chromium against the forms API on Azure Blob storage (Azurite).</summary>
public sealed class AzuriteRegistrationFlowTests(AzuriteFlowSite azurite) : IClassFixture<AzuriteFlowSite>
{
    [Fact]
    public async Task On_azure_storage_a_visitor_registers_waits_and_is_promoted_after_a_cancellation()
    {
        await WaitlistScenario.RunAsync(azurite.Site, screenshots: false);

        // The registrations really live in this run's container, and no personal data is stored readable.
        var container = new BlobContainerClient(azurite.ConnectionString, azurite.Container);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            names.Add(blob.Name);
            var content = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
            var text = Encoding.UTF8.GetString(content);
            Assert.DoesNotContain("先着 一郎", text, StringComparison.Ordinal);
            Assert.DoesNotContain("次点 二郎", text, StringComparison.Ordinal);
            Assert.DoesNotContain("@example.jp", text, StringComparison.Ordinal);
        }

        // The event's ledger journal (one entry per version; the seats and the sealed records) is on Azure storage.
        Assert.Contains($"ledgers/event-registration/{FlowSite.TinyEvent}/journal/0000000001.json", names);
    }
}
