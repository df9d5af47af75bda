using System.Text.Json;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Registration;
using StartupHub.Forms.Storage;
using StartupHub.Forms.Tests.Infrastructure;
using StartupHub.Forms.Tests.Registration;

namespace StartupHub.Forms.Tests.Storage;

/// <summary>
/// The group-committed records layout (one records object per ledger write, each record found by id through
/// its ledger entry) and its failure rules, run against both stores.
/// </summary>
public abstract class RecordBatchContract
{
    protected abstract IFormStore CreateStore();

    [Fact]
    public async Task Registrations_queued_behind_a_write_share_one_records_object_and_each_record_is_found_by_id()
    {
        IFormStore inner = CreateStore();
        GatedBatchStore gated = new(inner);
        Instance instance = Instance.Create(gated);
        ManifestEvent evt = TestEvents.Open("batched", capacity: 4);
        const int people = 30;

        // The first person's records write is held (so the first batch is exactly that person) until everybody
        // else is queued behind it: two batches, whatever the thread timing.
        Task<RegisterOutcome> first = instance.RegisterAsync(evt, "b0@example.jp");
        for (DateTime deadline = DateTime.UtcNow.AddSeconds(20); gated.HeldRecords < 1; await Task.Delay(10))
        {
            Assert.True(DateTime.UtcNow < deadline, "the first records write never started");
        }

        Task<RegisterOutcome>[] pending = [first, .. Enumerable.Range(1, people - 1).Select(i => instance.RegisterAsync(evt, $"b{i}@example.jp"))];
        for (DateTime deadline = DateTime.UtcNow.AddSeconds(20); gated.HeldRecords + instance.Ledgers.QueuedCount("batched") < people; await Task.Delay(10))
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {gated.HeldRecords} held + {instance.Ledgers.QueuedCount("batched")} queued");
        }

        gated.Release();
        RegistrationView[] views = (await Task.WhenAll(pending)).Select(o => Assert.IsType<RegisterOutcome.Created>(o).View).ToArray();

        Assert.Equal(2, instance.Ledgers.SuccessfulWrites);
        EventLedger ledger = await Instance.ReadLedgerAsync(inner, "batched");
        Assert.Equal(2, ledger.Registrations.Values.Select(r => r.RecordBatch).Distinct().Count());
        Assert.All(ledger.Registrations.Values, r => Assert.NotNull(r.RecordBatch));
        Assert.Equal(2, await LedgerCoordinatorTests.CountRecordBatchesAsync(inner, "batched"));
        Dictionary<string, string> emailById = [];
        foreach (RegistrationView view in views)
        {
            EventRegistrationRecord? record = await RegistrationRecords.ReadAsync(inner, Instance.Sealer, ledger, view.RegistrationId, CancellationToken.None);
            Assert.NotNull(record);
            Assert.Equal(view.RegistrationId, record.RecordId);
            emailById[view.RegistrationId] = record.Personal.Email;
        }

        Assert.Equal(people, emailById.Values.Distinct().Count());
        Assert.Equal(4, views.Count(v => v.OverallStatus == "confirmed"));
        Assert.Empty(LedgerAudit.Verify(ledger));
    }

    [Fact]
    public async Task Each_record_in_a_records_object_is_a_separate_value_under_its_id()
    {
        IFormStore store = CreateStore();
        Instance instance = Instance.Create(store);
        ManifestEvent evt = TestEvents.Open("layout", capacity: 2);
        RegisterOutcome.Created created = Assert.IsType<RegisterOutcome.Created>(await instance.RegisterAsync(evt, "layout@example.jp"));

        EventLedger ledger = await Instance.ReadLedgerAsync(store, "layout");
        string batchId = ledger.Registrations[created.View.RegistrationId].RecordBatch!;
        StoredObject stored = (await store.ReadAsync(StorageKeys.EventRegistrationRecordBatch("layout", batchId), CancellationToken.None))!;
        using JsonDocument document = JsonDocument.Parse(stored.Content);
        Assert.Equal(batchId, document.RootElement.GetProperty("batch_id").GetString());
        // Each record is sealed on its own (base64 of the envelope), bound to its event and id.
        byte[] sealedRecord = document.RootElement.GetProperty("records").GetProperty(created.View.RegistrationId).GetBytesFromBase64();
        Assert.True(Forms.Security.RecordSealer.IsSealed(sealedRecord));
        Assert.DoesNotContain("layout@example.jp", System.Text.Encoding.UTF8.GetString(stored.Content.Span), StringComparison.Ordinal);
        using JsonDocument record = JsonDocument.Parse(Instance.Sealer.Open(RegistrationRecords.AssociatedData("layout", created.View.RegistrationId), sealedRecord));
        Assert.Equal("layout@example.jp", record.RootElement.GetProperty("personal").GetProperty("email").GetString());
        Assert.Equal("2025-08-01", record.RootElement.GetProperty("consent").GetProperty("purpose_version").GetString());
        Assert.Throws<Forms.Security.RecordSealException>(() => Instance.Sealer.Open(RegistrationRecords.AssociatedData("layout", "another-id"), sealedRecord));
    }

    [Fact]
    public async Task A_batch_whose_ledger_write_fails_acknowledges_nobody_and_leaves_no_records_behind()
    {
        IFormStore inner = CreateStore();
        ManifestEvent evt = TestEvents.Open("ledger-down", capacity: 3);
        Instance healthy = Instance.Create(inner);
        await healthy.RegisterAsync(evt, "before@example.jp");
        Instance failing = Instance.Create(new LedgerWriteFailsStore(inner));

        Task<RegisterOutcome>[] attempts = Enumerable.Range(0, 12).Select(i => failing.RegisterAsync(evt, $"down{i}@example.jp")).ToArray();
        foreach (Task<RegisterOutcome> attempt in attempts)
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => attempt);
        }

        EventLedger ledger = await Instance.ReadLedgerAsync(inner, "ledger-down");
        Assert.Single(ledger.Registrations);
        Dictionary<string, EventRegistrationRecord> records = await RegistrationRecords.ReadAllAsync(inner, Instance.Sealer, ledger, CancellationToken.None);
        Assert.Equal("before@example.jp", Assert.Single(records).Value.Personal.Email);
        // The failed batches' records objects were removed: only the acknowledged registration's remains.
        Assert.Equal(1, await LedgerCoordinatorTests.CountRecordBatchesAsync(inner, "ledger-down"));
    }

    [Fact]
    public async Task A_failed_records_write_leaves_the_ledger_untouched()
    {
        IFormStore inner = CreateStore();
        ManifestEvent evt = TestEvents.Open("records-down", capacity: 3);
        Instance healthy = Instance.Create(inner);
        await healthy.RegisterAsync(evt, "before@example.jp");
        Instance failing = Instance.Create(new RecordWriteFailsStore(inner));

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Assert.ThrowsAsync<StorageUnavailableException>(() => failing.RegisterAsync(evt, $"r{i}@example.jp"))));

        EventLedger ledger = await Instance.ReadLedgerAsync(inner, "records-down");
        Assert.Equal(1, ledger.Version);
        Assert.Single(ledger.Registrations);
    }

    [Fact]
    public async Task A_ledger_write_whose_response_was_lost_keeps_the_records_it_references()
    {
        IFormStore inner = CreateStore();
        ManifestEvent evt = TestEvents.Open("lost-response", capacity: 3);
        Instance healthy = Instance.Create(inner);
        await healthy.RegisterAsync(evt, "before@example.jp");
        Instance lossy = Instance.Create(new LedgerResponseLostStore(inner));

        // The write landed but the caller saw a failure: the answer is 503, and a retry finds the registration.
        await Assert.ThrowsAsync<StorageUnavailableException>(() => lossy.RegisterAsync(evt, "late@example.jp", key: "retry-1"));
        RegisterOutcome retried = await healthy.RegisterAsync(evt, "late@example.jp", key: "retry-1");

        RegistrationView view = Assert.IsType<RegisterOutcome.Replayed>(retried).View;
        EventLedger ledger = await Instance.ReadLedgerAsync(inner, "lost-response");
        EventRegistrationRecord? record = await RegistrationRecords.ReadAsync(inner, Instance.Sealer, ledger, view.RegistrationId, CancellationToken.None);
        Assert.Equal("late@example.jp", record?.Personal.Email);
    }
}

public sealed class LocalFolderRecordBatchContractTests : RecordBatchContract, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override IFormStore CreateStore() => new LocalFolderFormStore(_folder.Path);

    public void Dispose() => _folder.Dispose();
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobRecordBatchContractTests(AzuriteFixture azurite) : RecordBatchContract
{
    private readonly string _container = "batch-" + Guid.NewGuid().ToString("N")[..12];

    protected override IFormStore CreateStore() => new AzureBlobFormStore(azurite.ConnectionString, _container);
}
