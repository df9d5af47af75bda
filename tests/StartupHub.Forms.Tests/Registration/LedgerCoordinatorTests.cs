using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Registration;
using StartupHub.Forms.Registration.Journal;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Registration;

internal sealed record Instance(LedgerCoordinator Ledgers, RegistrationService Service)
{
    /// <summary>The key-encryption key every test instance seals registration records with.</summary>
    public static readonly RecordSealer Sealer = new(
        new Dictionary<string, byte[]> { ["test-1"] = Convert.FromBase64String(FormsTestHost.TestEncryptionKey) }, "test-1");

    public static Instance Create(IFormStore store, int maxBatch = 256, int maxAttempts = 10, int snapshotEvery = 64, int snapshotQuietMs = 1000)
    {
        IOptions<FormsOptions> options = Options.Create(new FormsOptions { Ledger = new LedgerOptions { MaxBatch = maxBatch, MaxAttempts = maxAttempts, SnapshotEvery = snapshotEvery, SnapshotQuietMilliseconds = snapshotQuietMs } });
        LedgerCoordinator ledgers = new(store, options, TimeProvider.System, NullLogger<LedgerCoordinator>.Instance);
        return new Instance(ledgers, new RegistrationService(ledgers, new FormSecrets(FormsTestHost.Secret), Sealer, TimeProvider.System, NullLogger<RegistrationService>.Instance));
    }

    public Task<RegisterOutcome> RegisterAsync(ManifestEvent evt, string email, string? key = null) =>
        Service.RegisterAsync(evt, Valid(email, evt.Sessions[0].Id), key, System.Text.Encoding.UTF8.GetBytes(email), CancellationToken.None);

    public static ValidRegistration Valid(string email, string session) =>
        new(new Registrant("千葉 花子", "ちば はなこ", email, "株式会社テスト", "startup", null, null, null), [session], "2025-08-01");

    public static async Task<EventLedger> ReadLedgerAsync(IFormStore store, string eventId) =>
        (await new LedgerJournal(store).LoadAsync(eventId, CancellationToken.None))!;
}

public sealed class LedgerCoordinatorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_competing_write_between_read_and_write_is_detected_and_retried()
    {
        LocalFolderFormStore inner = new(_folder.Path);
        InterferingStore interfering = new(inner);
        Instance first = Instance.Create(interfering);
        Instance competitor = Instance.Create(inner);
        ManifestEvent evt = TestEvents.Open("race", capacity: 1);

        await first.RegisterAsync(evt, "a@example.jp");           // creates the ledger
        bool competed = false;
        interfering.BeforeReplace = async () =>
        {
            await competitor.RegisterAsync(evt, "competitor@example.jp");
            competed = true;
        };
        RegisterOutcome outcome = await first.RegisterAsync(evt, "b@example.jp");

        Assert.True(competed);
        Assert.Equal(1, first.Ledgers.ConflictRetries);
        EventLedger ledger = await Instance.ReadLedgerAsync(inner, "race");
        Assert.Equal(3, ledger.Registrations.Count);
        Assert.Equal(3, ledger.Version);
        Assert.Equal("waitlisted", Assert.IsType<RegisterOutcome.Created>(outcome).View.OverallStatus);
        // b lost the race to the competitor, so b waits behind it.
        Assert.Equal(2, ((RegisterOutcome.Created)outcome).View.Sessions[0].WaitlistPosition);
        Assert.Empty(LedgerAudit.Verify(ledger));
    }

    [Fact]
    public async Task Contention_beyond_the_retry_budget_fails_without_acknowledging()
    {
        LocalFolderFormStore inner = new(_folder.Path);
        InterferingStore interfering = new(inner);
        Instance first = Instance.Create(interfering, maxAttempts: 1);
        Instance competitor = Instance.Create(inner);
        ManifestEvent evt = TestEvents.Open("budget", capacity: 5);
        await first.RegisterAsync(evt, "a@example.jp");
        interfering.BeforeReplace = () => competitor.RegisterAsync(evt, "competitor@example.jp");

        await Assert.ThrowsAsync<StorageUnavailableException>(() => first.RegisterAsync(evt, "b@example.jp"));

        EventLedger ledger = await Instance.ReadLedgerAsync(inner, "budget");
        Assert.Equal(2, ledger.Registrations.Count);
        // The refused registration's record was never stored: it would have travelled in the journal entry
        // that lost the race. The two acknowledged ones are each reachable through their ledger entry.
        Assert.Equal(2, (await RegistrationRecords.ReadAllAsync(inner, Instance.Sealer, ledger, CancellationToken.None)).Count);
        Assert.Equal(2, await CountJournalEntriesAsync(inner, "budget"));
    }

    internal static async Task<int> CountJournalEntriesAsync(IFormStore store, string eventId)
    {
        int count = 0;
        await foreach (string key in store.ListAsync(StorageKeys.EventLedgerJournalPrefix(eventId), CancellationToken.None))
        {
            Assert.NotNull(key);
            count++;
        }

        return count;
    }

    [Fact]
    public async Task Every_acknowledged_registration_has_its_personal_record()
    {
        LocalFolderFormStore store = new(_folder.Path);
        Instance instance = Instance.Create(store);
        ManifestEvent evt = TestEvents.Open("records", capacity: 3);
        RegisterOutcome[] outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => instance.RegisterAsync(evt, $"p{i}@example.jp")));
        EventLedger stored = await Instance.ReadLedgerAsync(store, "records");
        foreach (RegisterOutcome.Created created in outcomes.Cast<RegisterOutcome.Created>())
        {
            EventRegistrationRecord? record = await RegistrationRecords.ReadAsync(store, Instance.Sealer, stored, created.View.RegistrationId, CancellationToken.None);
            Assert.NotNull(record);
            Assert.Equal(created.View.RegistrationId, record.RecordId);
            Assert.EndsWith("example.jp", record.Personal.Email, StringComparison.Ordinal);
        }

        // Group commit: one journal entry per write, and 20 concurrent registrations need fewer writes than people.
        Assert.Equal((int)instance.Ledgers.SuccessfulWrites, await CountJournalEntriesAsync(store, "records"));

        // ...and the ledger part of the journal holds no personal data (only the records do).
        for (long version = 1; version <= instance.Ledgers.SuccessfulWrites; version++)
        {
            JournalEntry entry = (await new LedgerJournal(store).ReadEntryAsync("records", version, CancellationToken.None))!;
            string deltaJson = JsonSerializer.Serialize(entry.Delta, FormsJson.Options);
            Assert.DoesNotContain("example.jp", deltaJson, StringComparison.Ordinal);
            Assert.DoesNotContain("花子", deltaJson, StringComparison.Ordinal);
        }
    }
}

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteConcurrencyTests(AzuriteFixture azurite)
{
    private AzureBlobFormStore NewStore(string container) => new(azurite.ConnectionString, container);

    [Fact]
    public async Task Hundreds_of_parallel_registrations_from_two_instances_fill_exactly_the_capacity()
    {
        string container = "conc-" + Guid.NewGuid().ToString("N")[..12];
        // Two independent instances (as two Functions hosts would be) and a small batch size force real
        // conflicts between them (both trying to create the same journal version).
        Instance a = Instance.Create(NewStore(container), maxBatch: 8, maxAttempts: 50);
        Instance b = Instance.Create(NewStore(container), maxBatch: 8, maxAttempts: 50);
        ManifestEvent evt = TestEvents.Open("concurrent", capacity: 25);
        const int people = 300;

        RegisterOutcome[] outcomes = await Task.WhenAll(Enumerable.Range(0, people).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).RegisterAsync(evt, $"person{i}@example.jp"))));

        RegistrationView[] views = outcomes.Select(o => Assert.IsType<RegisterOutcome.Created>(o).View).ToArray();
        Assert.Equal(25, views.Count(v => v.OverallStatus == "confirmed"));
        Assert.Equal(people - 25, views.Count(v => v.OverallStatus == "waitlisted"));
        Assert.Equal(people, views.Select(v => v.Number).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, people - 25), views.Where(v => v.OverallStatus == "waitlisted").Select(v => v.Sessions[0].WaitlistPosition!.Value).Order());

        EventLedger ledger = await Instance.ReadLedgerAsync(NewStore(container), "concurrent");
        Assert.Equal(people, ledger.Registrations.Count);
        Assert.Empty(LedgerAudit.Verify(ledger));

        // Cancel 60 confirmed-or-waiting people in parallel through both instances: seats stay full, FIFO holds.
        string[] toCancel = views.Take(60).Select(v => v.RegistrationId).ToArray();
        CancelOutcome[] cancelled = await Task.WhenAll(toCancel.Select((id, i) =>
            Task.Run(() => (i % 2 == 0 ? a : b).Service.CancelAsync(evt, id))));
        Assert.All(cancelled, c => Assert.IsType<CancelOutcome.Cancelled>(c));

        ledger = await Instance.ReadLedgerAsync(NewStore(container), "concurrent");
        Assert.Equal(25, ledger.Sessions["main"].Confirmed.Count);
        Assert.Equal(people - 60 - 25, ledger.Sessions["main"].Waitlist.Count);
        Assert.Empty(LedgerAudit.Verify(ledger));
        Assert.Equal(25, LedgerAudit.PeakConfirmed(ledger, "main"));
        Assert.True(a.Ledgers.ConflictRetries + b.Ledgers.ConflictRetries > 0, "two instances writing one ledger should have conflicted at least once");
    }

    [Fact]
    public async Task Parallel_duplicates_of_one_email_yield_one_registration()
    {
        string container = "dup-" + Guid.NewGuid().ToString("N")[..12];
        Instance a = Instance.Create(NewStore(container));
        Instance b = Instance.Create(NewStore(container));
        ManifestEvent evt = TestEvents.Open("dups", capacity: 5);

        RegisterOutcome[] outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).RegisterAsync(evt, "same@example.jp"))));

        Assert.Single(outcomes.OfType<RegisterOutcome.Created>());
        Assert.Single(outcomes.Select(o => o switch
        {
            RegisterOutcome.Created c => c.View.RegistrationId,
            RegisterOutcome.DuplicateEmail d => d.View.RegistrationId,
            _ => "unexpected",
        }).Distinct());
        EventLedger ledger = await Instance.ReadLedgerAsync(NewStore(container), "dups");
        Assert.Single(ledger.Registrations);
    }
}
