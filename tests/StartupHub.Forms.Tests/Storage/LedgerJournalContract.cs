using System.Text.Json;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Registration;
using StartupHub.Forms.Registration.Journal;
using StartupHub.Forms.Storage;
using StartupHub.Forms.Tests.Infrastructure;
using StartupHub.Forms.Tests.Registration;

namespace StartupHub.Forms.Tests.Storage;

/// <summary>
/// The ledger journal (one entry per version holding the seat changes and the sealed records of the people
/// it registered; a snapshot now and then) and its failure rules, run against both stores.
/// </summary>
public abstract class LedgerJournalContract
{
    protected abstract IFormStore CreateStore();

    [Fact]
    public async Task Registrations_queued_behind_a_write_share_one_journal_entry_and_each_record_is_found_by_id()
    {
        IFormStore inner = CreateStore();
        GatedBatchStore gated = new(inner);
        Instance instance = Instance.Create(gated);
        ManifestEvent evt = TestEvents.Open("batched", capacity: 4);
        const int people = 30;

        // The first person's journal write is held (so the first batch is exactly that person) until everybody
        // else is queued behind it: two versions, whatever the thread timing.
        Task<RegisterOutcome> first = instance.RegisterAsync(evt, "b0@example.jp");
        for (DateTime deadline = DateTime.UtcNow.AddSeconds(20); gated.HeldRecords < 1; await Task.Delay(10))
        {
            Assert.True(DateTime.UtcNow < deadline, "the first journal write never started");
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
        Assert.Equal([1L, 2L], ledger.Registrations.Values.Select(r => r.RecordVersion!.Value).Distinct().Order());
        Assert.Equal(2, await LedgerCoordinatorTests.CountJournalEntriesAsync(inner, "batched"));
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
    public async Task Each_record_in_a_journal_entry_is_a_separate_value_under_its_id()
    {
        IFormStore store = CreateStore();
        Instance instance = Instance.Create(store);
        ManifestEvent evt = TestEvents.Open("layout", capacity: 2);
        RegisterOutcome.Created created = Assert.IsType<RegisterOutcome.Created>(await instance.RegisterAsync(evt, "layout@example.jp"));

        EventLedger ledger = await Instance.ReadLedgerAsync(store, "layout");
        long version = ledger.Registrations[created.View.RegistrationId].RecordVersion!.Value;
        StoredObject stored = (await store.ReadAsync(StorageKeys.EventLedgerJournalEntry("layout", version), CancellationToken.None))!;
        using JsonDocument document = JsonDocument.Parse(stored.Content);
        Assert.Equal(version, document.RootElement.GetProperty("version").GetInt64());
        // Each record is sealed on its own (base64 of the envelope), bound to its event and id.
        byte[] sealedRecord = document.RootElement.GetProperty("records").GetProperty(created.View.RegistrationId).GetBytesFromBase64();
        Assert.True(Forms.Security.RecordSealer.IsSealed(sealedRecord));
        Assert.DoesNotContain("layout@example.jp", System.Text.Encoding.UTF8.GetString(stored.Content.Span), StringComparison.Ordinal);
        using JsonDocument record = JsonDocument.Parse(Instance.Sealer.Open(RegistrationRecords.AssociatedData("layout", created.View.RegistrationId), sealedRecord));
        Assert.Equal("layout@example.jp", record.RootElement.GetProperty("personal").GetProperty("email").GetString());
        Assert.Equal("2025-08-01", record.RootElement.GetProperty("consent").GetProperty("purpose_version").GetString());
        Assert.Throws<Forms.Security.RecordSealException>(() => Instance.Sealer.Open(RegistrationRecords.AssociatedData("layout", "another-id"), sealedRecord));
        // The seat change travels in the same object as the record.
        Assert.Contains(created.View.RegistrationId, document.RootElement.GetProperty("delta").GetProperty("registrations").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_batch_whose_journal_write_fails_acknowledges_nobody_and_stores_no_records()
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
        Assert.Equal(1, await LedgerCoordinatorTests.CountJournalEntriesAsync(inner, "ledger-down"));
    }

    [Fact]
    public async Task A_journal_write_whose_response_was_lost_is_confirmed_by_reading_it_back()
    {
        IFormStore inner = CreateStore();
        ManifestEvent evt = TestEvents.Open("lost-response", capacity: 3);
        Instance healthy = Instance.Create(inner);
        await healthy.RegisterAsync(evt, "before@example.jp");
        Instance lossy = Instance.Create(new LedgerResponseLostStore(inner));

        // The write landed but its answer was lost: reading the entry back shows it is ours, so the person
        // is told they are registered.
        RegistrationView view = Assert.IsType<RegisterOutcome.Created>(await lossy.RegisterAsync(evt, "late@example.jp", key: "retry-1")).View;
        EventLedger ledger = await Instance.ReadLedgerAsync(inner, "lost-response");
        EventRegistrationRecord? record = await RegistrationRecords.ReadAsync(inner, Instance.Sealer, ledger, view.RegistrationId, CancellationToken.None);
        Assert.Equal("late@example.jp", record?.Personal.Email);
    }

    [Fact]
    public async Task A_lost_response_that_cannot_be_checked_answers_503_and_the_retry_finds_the_registration()
    {
        IFormStore inner = CreateStore();
        ManifestEvent evt = TestEvents.Open("lost-twice", capacity: 3);
        Instance healthy = Instance.Create(inner);
        await healthy.RegisterAsync(evt, "before@example.jp");
        Instance lossy = Instance.Create(new LedgerResponseLostStore(inner) { ReadsFailToo = true });

        await Assert.ThrowsAsync<StorageUnavailableException>(() => lossy.RegisterAsync(evt, "late@example.jp", key: "retry-1"));
        RegisterOutcome retried = await healthy.RegisterAsync(evt, "late@example.jp", key: "retry-1");

        RegistrationView view = Assert.IsType<RegisterOutcome.Replayed>(retried).View;
        EventLedger ledger = await Instance.ReadLedgerAsync(inner, "lost-twice");
        EventRegistrationRecord? record = await RegistrationRecords.ReadAsync(inner, Instance.Sealer, ledger, view.RegistrationId, CancellationToken.None);
        Assert.Equal("late@example.jp", record?.Personal.Email);
    }

    [Fact]
    public async Task Snapshots_and_the_entries_after_them_load_the_same_ledger_as_the_writer_holds()
    {
        IFormStore store = CreateStore();
        Instance writer = Instance.Create(store, maxBatch: 1, snapshotEvery: 3);
        ManifestEvent evt = TestEvents.Open("snap", capacity: 2);
        List<RegistrationView> views = [];
        for (int i = 0; i < 10; i++)
        {
            views.Add(Assert.IsType<RegisterOutcome.Created>(await writer.RegisterAsync(evt, $"s{i}@example.jp")).View);
        }

        await writer.Service.CancelAsync(evt, views[0].RegistrationId);
        for (DateTime deadline = DateTime.UtcNow.AddSeconds(10); await store.ReadAsync(StorageKeys.EventLedger("snap"), CancellationToken.None) is null; await Task.Delay(20))
        {
            Assert.True(DateTime.UtcNow < deadline, "no snapshot was written");
        }

        EventLedger held = (await writer.Ledgers.ReadRecentAsync(evt, CancellationToken.None))!;
        EventLedger loaded = await Instance.ReadLedgerAsync(store, "snap");
        Assert.Equal(11, loaded.Version);
        Assert.Equal(LedgerDeltaTests.Canonical(held), LedgerDeltaTests.Canonical(loaded));
        Assert.Equal(views[2].RegistrationId, loaded.Sessions["main"].Confirmed[^1]);
        Assert.Empty(LedgerAudit.Verify(loaded));
    }

    [Fact]
    public async Task A_due_snapshot_waits_for_the_events_writes_to_pause_and_then_holds_the_newest_version()
    {
        IFormStore store = CreateStore();
        TimeSpan quiet = TimeSpan.FromSeconds(2);
        Instance writer = Instance.Create(store, maxBatch: 1, snapshotEvery: 2, snapshotQuietMs: (int)quiet.TotalMilliseconds);
        ManifestEvent evt = TestEvents.Open("snap-quiet", capacity: 3);
        System.Diagnostics.Stopwatch writing = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 10; i++)
        {
            Assert.IsType<RegisterOutcome.Created>(await writer.RegisterAsync(evt, $"q{i}@example.jp"));
        }

        // Due since version 2, but the writes never paused for the quiet period: nothing yet (unless this machine
        // was so slow that ten writes took longer than that period, when a pause did happen).
        if (writing.Elapsed < quiet)
        {
            Assert.Null(await store.ReadAsync(StorageKeys.EventLedger("snap-quiet"), CancellationToken.None));
        }

        long stored = 0;
        for (DateTime deadline = DateTime.UtcNow.AddSeconds(15); stored < 10; await Task.Delay(50))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no snapshot of version 10 was written (last: {stored})");
            stored = await StoredSnapshotVersion(store, "snap-quiet");
        }

        Assert.Equal(10, stored);
    }

    [Fact]
    public async Task A_snapshot_is_written_without_a_pause_once_eight_intervals_behind()
    {
        IFormStore store = CreateStore();
        Instance writer = Instance.Create(store, maxBatch: 1, snapshotEvery: 2, snapshotQuietMs: 600_000);
        ManifestEvent evt = TestEvents.Open("snap-bound", capacity: 3);
        for (int i = 0; i < 17; i++)
        {
            Assert.IsType<RegisterOutcome.Created>(await writer.RegisterAsync(evt, $"b{i}@example.jp"));
        }

        // Ten minutes of quiet never come; 16 versions behind (8 × 2) forces the snapshot.
        long stored = 0;
        for (DateTime deadline = DateTime.UtcNow.AddSeconds(15); stored < 16; await Task.Delay(50))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no snapshot at 16 versions behind (last: {stored})");
            stored = await StoredSnapshotVersion(store, "snap-bound");
        }
    }

    [Fact]
    public async Task A_long_journal_without_a_snapshot_loads_the_same_ledger_as_the_writer_holds()
    {
        IFormStore store = CreateStore();
        Instance writer = Instance.Create(store, maxBatch: 1, snapshotEvery: 1000);
        ManifestEvent evt = TestEvents.Open("long-journal", capacity: 5);
        List<RegistrationView> views = [];
        for (int i = 0; i < 40; i++)
        {
            views.Add(Assert.IsType<RegisterOutcome.Created>(await writer.RegisterAsync(evt, $"l{i}@example.jp")).View);
        }

        await writer.Service.CancelAsync(evt, views[1].RegistrationId);

        // 41 entries: read one, then windows of 2, 4, 8 and 16 in parallel, past the end of the journal.
        EventLedger held = (await writer.Ledgers.ReadRecentAsync(evt, CancellationToken.None))!;
        EventLedger loaded = (await new LedgerJournal(store).LoadAsync("long-journal", CancellationToken.None))!;
        Assert.Equal(41, loaded.Version);
        Assert.Equal(LedgerDeltaTests.Canonical(held), LedgerDeltaTests.Canonical(loaded));
        Assert.Empty(LedgerAudit.Verify(loaded));
    }

    private static async Task<long> StoredSnapshotVersion(IFormStore store, string eventId) =>
        await store.ReadAsync(StorageKeys.EventLedger(eventId), CancellationToken.None) is { } snapshot
            ? JsonSerializer.Deserialize<EventLedger>(snapshot.Content.Span, FormsJson.Options)!.Version
            : 0;

    [Fact]
    public async Task A_snapshot_never_replaces_a_newer_one()
    {
        IFormStore store = CreateStore();
        LedgerJournal journal = new(store);
        async Task<long> StoredVersion() => JsonSerializer.Deserialize<EventLedger>(
            (await store.ReadAsync(StorageKeys.EventLedger("snap-order"), CancellationToken.None))!.Content.Span, FormsJson.Options)!.Version;

        await journal.WriteSnapshotAsync(new EventLedger { EventId = "snap-order", Version = 5 }, CancellationToken.None);
        await journal.WriteSnapshotAsync(new EventLedger { EventId = "snap-order", Version = 3 }, CancellationToken.None);
        Assert.Equal(5, await StoredVersion());
        await journal.WriteSnapshotAsync(new EventLedger { EventId = "snap-order", Version = 7 }, CancellationToken.None);
        Assert.Equal(7, await StoredVersion());
    }
}

public sealed class LocalFolderLedgerJournalContractTests : LedgerJournalContract, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override IFormStore CreateStore() => new LocalFolderFormStore(_folder.Path);

    public void Dispose() => _folder.Dispose();
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobLedgerJournalContractTests(AzuriteFixture azurite) : LedgerJournalContract
{
    private readonly string _container = "journal-" + Guid.NewGuid().ToString("N")[..12];

    protected override IFormStore CreateStore() => new AzureBlobFormStore(azurite.ConnectionString, _container);
}
