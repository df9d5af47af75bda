using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StartupHub.Forms.Applications;
using StartupHub.Forms.Audit;
using StartupHub.Forms.Retention;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;
using StartupHub.Forms.Tests.Encryption;
using StartupHub.Forms.Tests.Infrastructure;
using StartupHub.Forms.Tests.Shedding;

namespace StartupHub.Forms.Tests.Retention;

/// <summary>Export for hand-over, then purge (spec 4.3), on the local store and on Azurite.</summary>
public static class RetentionScenario
{
    public static async Task RunAsync(FormsTestHost host, string exportFolder, string location, string? localRoot, IReadOnlyList<string> localKeyFiles)
    {
        string[] values = await EncryptionAtRestScenario.SubmitAsync(host);
        IFormStore store = host.Store;
        IAuditLog audit = host.Services.GetRequiredService<IAuditLog>();

        FormsDataExporter exporter = new(store, host.Services.GetRequiredService<RecordSealer>(), host.Services.GetRequiredService<SubmissionStore>(), audit, TimeProvider.System);
        ExportManifest manifest = await exporter.ExportAsync(exportFolder, location, CancellationToken.None);
        Assert.Equal(1, manifest.Registrations["grep-event"]);
        Assert.Equal(1, manifest.Applications["mentee-application"]);
        Assert.Equal(1, manifest.Applications["partnership-inquiry"]);
        foreach (ExportedFile file in manifest.Files)
        {
            byte[] content = await File.ReadAllBytesAsync(Path.Combine(exportFolder, file.Path));
            Assert.Equal(file.Bytes, content.Length);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(content)));
        }

        // The hand-over is decrypted: the person's e-mail is in the registrations and the applications.
        Assert.Contains(values[0], await File.ReadAllTextAsync(Path.Combine(exportFolder, "registrations", "grep-event.json")), StringComparison.Ordinal);
        Assert.Contains(values[0], await File.ReadAllTextAsync(Path.Combine(exportFolder, "applications", "mentee-application.json")), StringComparison.Ordinal);
        using (JsonDocument written = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(exportFolder, "manifest.json"))))
        {
            Assert.Equal(manifest.Files.Count, written.RootElement.GetProperty("files").GetArrayLength());
        }

        FormsDataPurger purger = new(store, audit, TimeProvider.System);
        DeletionReport report = await purger.PurgeAsync(new PurgeRequest(location, localRoot, localKeyFiles, ["test-1"], true), CancellationToken.None);

        Assert.True(report.Complete, string.Join(", ", report.RemainingObjects));
        Assert.True(report.DeletedObjects >= 5, $"only {report.DeletedObjects} objects deleted");
        // Registrations' personal records live in the ledger journal (ledgers/event-registration/{event}/journal/).
        Assert.Contains(report.DeletedByPrefix.Keys, p => p.StartsWith("ledgers/event-registration/", StringComparison.Ordinal));
        Assert.Contains(report.DeletedByPrefix.Keys, p => p.StartsWith("submissions/", StringComparison.Ordinal));
        List<string> everyKey = [];
        await foreach (string key in store.ListAsync("", CancellationToken.None))
        {
            everyKey.Add(key);
        }

        Assert.NotEmpty(everyKey);
        Assert.All(everyKey, k => Assert.StartsWith("audit/", k, StringComparison.Ordinal));

        AuditVerification verification = await new AuditLogVerifier(store, host.Services.GetRequiredService<AuditSigner>()).VerifyAsync(CancellationToken.None);
        Assert.True(verification.Valid, verification.FirstProblem?.ToString());
        Assert.Equal(report.AuditHeadHash, verification.Head?.Hash);
        List<AuditEntry> entries = await LoadShedderTests.ReadEntriesAsync(store);
        Assert.Equal("purge", entries[^1].Action);
        Assert.Contains(entries, e => e.Action == "export");
        Assert.Contains(entries, e => e.Action == "create" && e.Form == "event-registration");
        string markdown = report.ToJapaneseMarkdown();
        Assert.Contains("個人情報等の削除報告書", markdown, StringComparison.Ordinal);
        Assert.Contains("`test-1`", markdown, StringComparison.Ordinal);
        Assert.Contains(report.AuditHeadHash!, markdown, StringComparison.Ordinal);
    }
}

public sealed class RetentionLocalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Export_hands_over_every_record_then_purge_leaves_only_the_audit_log_and_deletes_the_key_files()
    {
        string data = Path.Combine(_folder.Path, "data");
        Directory.CreateDirectory(data);
        string[] keyFiles = [Path.Combine(data, ".kek"), Path.Combine(data, ".hmac-secret")];
        foreach (string file in keyFiles)
        {
            await File.WriteAllTextAsync(file, "placeholder");
        }

        await using FormsTestHost host = await FormsTestHost.StartAsync(EncryptionAtRestScenario.Manifest(_folder.Path), data);
        await RetentionScenario.RunAsync(host, Path.Combine(_folder.Path, "export"), data, data, keyFiles);

        Assert.All(keyFiles, f => Assert.False(File.Exists(f), $"{f} was not deleted"));
        string[] left = Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(data, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("audit/", StringComparison.Ordinal) && f != ".lock").ToArray();
        Assert.Empty(left);
    }

    [Fact]
    public async Task Export_refuses_a_folder_that_already_holds_files()
    {
        string data = Path.Combine(_folder.Path, "data");
        await using FormsTestHost host = await FormsTestHost.StartAsync(EncryptionAtRestScenario.Manifest(_folder.Path), data);
        string target = Path.Combine(_folder.Path, "old-export");
        Directory.CreateDirectory(target);
        await File.WriteAllTextAsync(Path.Combine(target, "keep.txt"), "x");
        FormsDataExporter exporter = new(host.Store, host.Services.GetRequiredService<RecordSealer>(), host.Services.GetRequiredService<SubmissionStore>(),
            host.Services.GetRequiredService<IAuditLog>(), TimeProvider.System);
        await Assert.ThrowsAsync<IOException>(() => exporter.ExportAsync(target, data, CancellationToken.None));
    }
}

[Collection(AzuriteCollection.Name)]
public sealed class RetentionAzuriteTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Export_then_purge_on_azurite_leaves_only_the_audit_log_in_the_container()
    {
        string container = "purge-" + Guid.NewGuid().ToString("N")[..12];
        await using FormsTestHost host = await FormsTestHost.StartAsync(EncryptionAtRestScenario.Manifest(_folder.Path), Path.Combine(_folder.Path, "data"),
            new() { ["Forms:Storage:ConnectionString"] = azurite.ConnectionString, ["Forms:Storage:Container"] = container });
        await RetentionScenario.RunAsync(host, Path.Combine(_folder.Path, "export"), container, null, []);

        // A fresh client listing the whole container, independent of the host's store object.
        List<string> keys = [];
        await foreach (string key in new AzureBlobFormStore(azurite.ConnectionString, container).ListAsync("", CancellationToken.None))
        {
            keys.Add(key);
        }

        Assert.All(keys, k => Assert.StartsWith("audit/", k, StringComparison.Ordinal));
    }
}
