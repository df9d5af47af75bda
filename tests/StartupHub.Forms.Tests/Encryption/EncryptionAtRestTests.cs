using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StartupHub.Forms.Applications;
using StartupHub.Forms.Registration;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Encryption;

/// <summary>
/// The "grep test" for encryption at rest: personal data sent through the public HTTP endpoints (event
/// registrations and application submissions) is readable through the API's own reader, yet appears in
/// no byte of the raw storage — the local store's folder, or Azurite's data folder.
/// </summary>
public static class EncryptionAtRestScenario
{
    /// <summary>Submits one registration and two applications with unique personal values; returns the values.</summary>
    public static async Task<string[]> SubmitAsync(FormsTestHost host)
    {
        string tag = Guid.NewGuid().ToString("N")[..8];
        string email = $"grep-{tag}@example.jp";
        string phone = $"090-{Random.Shared.Next(1000, 9999)}-{Random.Shared.Next(1000, 9999)}";
        string name = $"暗号 太郎{tag}";
        string kana = "あんごう たろう";
        string organization = $"株式会社秘匿{tag}";

        using HttpResponseMessage registration = await host.PostJsonAsync("/api/events/grep-event/registrations", new
        {
            sessions = new[] { "main" },
            name,
            furigana = kana,
            email,
            organization,
            organization_type = "startup",
            job_title = "代表取締役",
            referral = "ウェブサイト",
            comment = $"電話は {phone} までお願いします。",
            consent = new { agreed = true, purpose_version = "2025-08-01" },
            form_token = await host.FormTokenAsync(),
        });
        Assert.Equal(HttpStatusCode.Created, registration.StatusCode);

        using HttpResponseMessage mentee = await host.PostJsonAsync("/api/forms/mentee-application/submissions", new
        {
            form_token = await host.FormTokenAsync("mentee-application"),
            website = "",
            consent = true,
            purpose_version = "2025-10-01",
            company_name = organization,
            contact_name = name,
            contact_kana = kana,
            email,
            phone,
            stage = "seed",
            growth_intent = "ipo",
            business_summary = "農業向けのセンサーを開発しています。",
            advice_wanted = "資金調達について相談したいです。",
            preferred_venue = "chiba",
        });
        Assert.Equal(HttpStatusCode.Created, mentee.StatusCode);

        using HttpResponseMessage inquiry = await host.PostJsonAsync("/api/forms/partnership-inquiry/submissions", new
        {
            form_token = await host.FormTokenAsync("partnership-inquiry"),
            website = "",
            consent = true,
            purpose_version = "2025-08-01",
            company_id = "kazusa-aqua",
            name,
            kana,
            email,
            phone,
            organization,
            organization_type = "startup",
            proposal = "水質センサーの実証で連携したいです。",
        });
        Assert.Equal(HttpStatusCode.Created, inquiry.StatusCode);
        return [email, phone, name, organization];
    }

    /// <summary>The values are really stored: the API's readers decrypt them (so the scan below can fail).</summary>
    public static async Task AssertReadableThroughTheApiAsync(FormsTestHost host, string email)
    {
        IFormStore store = host.Store;
        RecordSealer sealer = host.Services.GetRequiredService<RecordSealer>();
        EventLedger ledger = (await new StartupHub.Forms.Registration.Journal.LedgerJournal(store).LoadAsync("grep-event", CancellationToken.None))!;
        Dictionary<string, EventRegistrationRecord> records = await RegistrationRecords.ReadAllAsync(store, sealer, ledger, CancellationToken.None);
        Assert.Contains(records.Values, r => r.Personal.Email == email);

        SubmissionStore submissions = host.Services.GetRequiredService<SubmissionStore>();
        List<SubmissionRecord> mentees = [];
        await foreach (SubmissionRecord record in submissions.ListAsync("mentee-application", CancellationToken.None))
        {
            mentees.Add(record);
        }

        Assert.Contains(mentees, m => m.ContactEmail == email);
    }

    public static string Manifest(string folder) => TestEvents.WriteManifest(folder, true, TestEvents.Open("grep-event", capacity: 5));
}

public sealed class EncryptionAtRestLocalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task No_personal_value_appears_anywhere_in_the_local_store_folder()
    {
        string data = Path.Combine(_folder.Path, "data");
        string[] values;
        await using (FormsTestHost host = await FormsTestHost.StartAsync(EncryptionAtRestScenario.Manifest(_folder.Path), data))
        {
            values = await EncryptionAtRestScenario.SubmitAsync(host);
            await EncryptionAtRestScenario.AssertReadableThroughTheApiAsync(host, values[0]);
        }

        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(data, "submissions"), "*", SearchOption.AllDirectories));
        Assert.Empty(PlaintextScanner.Find(data, values));
    }

    [Fact]
    public void The_scanner_finds_values_in_every_encoding_it_claims_to_cover()
    {
        string file = Path.Combine(_folder.Path, "control.bin");
        foreach ((string text, System.Text.Encoding encoding) in new[]
        {
            ("x 暗号 太郎 y", System.Text.Encoding.UTF8),
            ("x 暗号 太郎 y", System.Text.Encoding.Unicode),
            ("{\"n\":\"\\u6697\\u53f7 \\u592a\\u90ce\"}", System.Text.Encoding.ASCII),
            ("{\"n\":\"\\u6697\\u53F7 \\u592A\\u90CE\"}", System.Text.Encoding.ASCII),
        })
        {
            File.WriteAllBytes(file, encoding.GetBytes(text));
            Assert.NotEmpty(PlaintextScanner.Find(_folder.Path, ["暗号 太郎"]));
        }
    }
}

[Collection(AzuriteCollection.Name)]
public sealed class EncryptionAtRestAzuriteTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task No_personal_value_appears_anywhere_in_azurites_data_folder()
    {
        string azuriteFolder = azurite.DataFolder
            ?? throw new InvalidOperationException($"{AzuriteFixture.DataFolderVariable} is not set: with an external Azurite " +
                $"({AzuriteFixture.EnvironmentVariable}), export its --location as {AzuriteFixture.DataFolderVariable} (test.sh does, from scripts/start-azurite.sh).");
        Assert.True(Directory.Exists(azuriteFolder), $"{azuriteFolder} does not exist");
        string[] values;
        await using (FormsTestHost host = await FormsTestHost.StartAsync(EncryptionAtRestScenario.Manifest(_folder.Path), Path.Combine(_folder.Path, "data"),
            new() { ["Forms:Storage:ConnectionString"] = azurite.ConnectionString, ["Forms:Storage:Container"] = "grep-" + Guid.NewGuid().ToString("N")[..12] }))
        {
            values = await EncryptionAtRestScenario.SubmitAsync(host);
            await EncryptionAtRestScenario.AssertReadableThroughTheApiAsync(host, values[0]);
            // The scan looks where the blobs really are: a stored (sealed) object's bytes are in that folder.
            string key = await host.Store.ListAsync("submissions/mentee-application/", CancellationToken.None).FirstAsync();
            ReadOnlyMemory<byte> stored = (await host.Store.ReadAsync(key, CancellationToken.None))!.Content;
            Assert.True(PlaintextScanner.ContainsBytes(azuriteFolder, stored.Span[^48..]), $"the stored bytes of {key} are not in {azuriteFolder}");
        }

        Assert.Empty(PlaintextScanner.Find(azuriteFolder, values));
        // Nothing fell back to the local folder either.
        Assert.Empty(PlaintextScanner.Find(_folder.Path, values));
    }
}
