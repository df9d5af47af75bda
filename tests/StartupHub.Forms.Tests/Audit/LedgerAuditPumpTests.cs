using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StartupHub.Forms.Audit;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Registration;
using StartupHub.Forms.Registration.Journal;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;
using StartupHub.Forms.Tests.Infrastructure;
using StartupHub.Forms.Tests.Registration;
using StartupHub.Forms.Tests.Shedding;

namespace StartupHub.Forms.Tests.Audit;

/// <summary>
/// Registration audit events are durable in the ledger journal before the registrant is answered, and the pump
/// copies them into the hash chain afterwards: each exactly once, whatever crashed or ran twice.
/// </summary>
public sealed class LedgerAuditPumpTests
{
    private static readonly IOptions<FormsOptions> Options = Microsoft.Extensions.Options.Options.Create(new FormsOptions());

    [Fact]
    public async Task A_registration_answered_before_its_audit_append_still_reaches_the_audit_log()
    {
        MemoryFormStore memory = new();
        AuditGateStore store = new(memory) { Blocked = true };
        Node node = Node.Create(store);
        ManifestEvent evt = TestEvents.Open("answered-first", capacity: 5);

        // Answered while no audit segment can be written: the answer does not wait for the audit log.
        RegisterOutcome.Created created = Assert.IsType<RegisterOutcome.Created>(await node.RegisterAsync(evt, "first@example.jp"));
        Assert.Empty(await LoadShedderTests.ReadEntriesAsync(memory));
        JournalEntry entry = (await new LedgerJournal(memory).ReadEntryAsync(evt.Id, 1, CancellationToken.None))!;
        AuditEvent carried = Assert.Single(entry.Audit!);
        Assert.Equal(("create", $"{evt.Id}/{created.View.RegistrationId}"), (carried.Action, carried.Subject));

        store.Open();
        await node.Pump.CatchUpAsync(evt.Id, CancellationToken.None);

        AuditEntry audited = Assert.Single(await LoadShedderTests.ReadEntriesAsync(memory));
        Assert.Equal($"{evt.Id}/{created.View.RegistrationId}", audited.Subject);
        Assert.Equal("1", audited.Details[HashChainedAuditLog.LedgerVersionKey]);
        Assert.Equal(created.View.Number, audited.Details["number"]);
        Assert.True((await AuditTestLog.VerifyAsync(memory)).Valid);
    }

    [Fact]
    public async Task A_new_pump_after_a_crash_appends_exactly_what_the_old_one_had_not()
    {
        MemoryFormStore memory = new();
        AuditGateStore store = new(memory);
        Node crashed = Node.Create(store);
        ManifestEvent evt = TestEvents.Open("crash", capacity: 2);
        for (int i = 0; i < 3; i++)
        {
            await crashed.RegisterAsync(evt, $"early{i}@example.jp");
        }

        await crashed.Pump.CatchUpAsync(evt.Id, CancellationToken.None);
        Assert.Equal(3, (await LoadShedderTests.ReadEntriesAsync(memory)).Count);

        // From here the first process cannot reach the audit log, and then it is gone.
        store.Failing = true;
        await crashed.RegisterAsync(evt, "late0@example.jp");
        await crashed.RegisterAsync(evt, "late1@example.jp");
        CancelOutcome cancelled = await crashed.Service.CancelAsync(evt, ((RegisterOutcome.Created)await crashed.RegisterAsync(evt, "late2@example.jp")).View.RegistrationId);
        Assert.IsType<CancelOutcome.Cancelled>(cancelled);
        CancelOutcome freed = await crashed.Service.CancelAsync(evt, (await Instance.ReadLedgerAsync(memory, evt.Id)).Sessions["main"].Confirmed[0]);
        string promoted = Assert.Single(Assert.IsType<CancelOutcome.Cancelled>(freed).Promoted).RegistrationId;

        Node restarted = Node.Create(memory);
        await restarted.Pump.CatchUpAllAsync(CancellationToken.None);

        List<AuditEntry> entries = await LoadShedderTests.ReadEntriesAsync(memory);
        Assert.Equal(6, entries.Count(e => e.Action == "create"));
        Assert.Equal(2, entries.Count(e => e.Action == "cancel"));
        Assert.Single(entries, e => e.Action == "promote" && e.Subject == $"{evt.Id}/{promoted}");
        AssertEachVersionOnce(entries, evt.Id, expectedVersions: 8);
        Assert.True((await AuditTestLog.VerifyAsync(memory)).Valid);
    }

    [Fact]
    public async Task Two_pumps_catching_up_at_once_append_each_version_once()
    {
        MemoryFormStore memory = new();
        AuditGateStore store = new(memory) { Failing = true };
        Node writer = Node.Create(store);
        ManifestEvent evt = TestEvents.Open("two-pumps", capacity: 3);
        for (int i = 0; i < 12; i++)
        {
            await writer.RegisterAsync(evt, $"person{i}@example.jp");
        }

        Assert.Empty(await LoadShedderTests.ReadEntriesAsync(memory));
        Node first = Node.Create(memory), second = Node.Create(memory);
        await Task.WhenAll(
            Task.Run(() => first.Pump.CatchUpAllAsync(CancellationToken.None)),
            Task.Run(() => second.Pump.CatchUpAllAsync(CancellationToken.None)),
            Task.Run(() => first.Pump.CatchUpAsync(evt.Id, CancellationToken.None)));

        List<AuditEntry> entries = await LoadShedderTests.ReadEntriesAsync(memory);
        Assert.Equal(12, entries.Count);
        AssertEachVersionOnce(entries, evt.Id, expectedVersions: 12);
        Assert.True((await AuditTestLog.VerifyAsync(memory)).Valid);

        // Both pumps running again (as after every new registration) find nothing left to do.
        await first.Pump.CatchUpAllAsync(CancellationToken.None);
        await second.Pump.CatchUpAllAsync(CancellationToken.None);
        Assert.Equal(12, (await LoadShedderTests.ReadEntriesAsync(memory)).Count);
    }

    [Fact]
    public async Task The_chain_refuses_a_version_whose_predecessor_is_missing()
    {
        MemoryFormStore memory = new();
        HashChainedAuditLog log = AuditTestLog.Create(memory);
        AuditEvent create = AuditTestLog.Event(0);

        await Assert.ThrowsAsync<AuditGapException>(() => log.AppendLedgerVersionAsync(new("e", 2, 1, DateTimeOffset.UtcNow, DateTimeOffset.MinValue, [create]), CancellationToken.None));
        Assert.True(await log.AppendLedgerVersionAsync(new("e", 1, 0, DateTimeOffset.UtcNow, DateTimeOffset.MinValue, [create]), CancellationToken.None));
        Assert.False(await log.AppendLedgerVersionAsync(new("e", 1, 0, DateTimeOffset.UtcNow, DateTimeOffset.MinValue, [create]), CancellationToken.None));
        Assert.True(await log.AppendLedgerVersionAsync(new("e", 2, 1, DateTimeOffset.UtcNow, DateTimeOffset.MinValue, [create]), CancellationToken.None));

        // A second log over the same store (another instance) learns the progress from the chain itself.
        HashChainedAuditLog other = AuditTestLog.Create(memory);
        Assert.Equal(2, await other.LedgerProgressAsync("e", DateTimeOffset.MinValue, CancellationToken.None));
        Assert.False(await other.AppendLedgerVersionAsync(new("e", 2, 1, DateTimeOffset.UtcNow, DateTimeOffset.MinValue, [create]), CancellationToken.None));
        Assert.Equal(2, (await LoadShedderTests.ReadEntriesAsync(memory)).Count);
    }

    [Fact]
    public async Task A_stream_of_ledger_writes_gets_at_most_one_audit_pass_per_interval()
    {
        MemoryFormStore memory = new();
        AuditGateStore store = new(memory);
        Node node = Node.Create(store);
        ManifestEvent evt = TestEvents.Open("stream", capacity: 5);

        // One ledger write every ~15 ms for about half a second. Each write kicks the pump; a pass that found no
        // new write when it ended used to let the next write start another at once, one audit commit per write.
        const int Writes = 30;
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (int i = 0; i < Writes; i++)
        {
            await node.RegisterAsync(evt, $"stream{i}@example.jp");
            await Task.Delay(15);
        }

        TimeSpan elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        await node.Pump.CatchUpAsync(evt.Id, CancellationToken.None);

        // Passes start at least 100 ms apart and each offers its versions to the chain together (one segment); the
        // catch-up adds one, and a few more are slack for a drain that was already running. However slow the machine,
        // the segments must stay well below one per write, which is what the bug gave (30 of 30).
        int bound = Math.Min(Writes / 2, (int)(elapsed.TotalMilliseconds / 100) + 5);
        Assert.InRange(store.SegmentsCreated, 1, bound);
        AssertEachVersionOnce(await LoadShedderTests.ReadEntriesAsync(memory), evt.Id, Writes);
        Assert.True((await AuditTestLog.VerifyAsync(memory)).Valid);
    }

    private static void AssertEachVersionOnce(List<AuditEntry> entries, string eventId, int expectedVersions)
    {
        List<long> versions = entries.Where(e => e.Details.GetValueOrDefault(HashChainedAuditLog.LedgerEventKey) == eventId)
            .GroupBy(e => long.Parse(e.Details[HashChainedAuditLog.LedgerVersionKey], System.Globalization.CultureInfo.InvariantCulture))
            .Select(g => g.Key).ToList();
        // In chain order, each version once and in order (a version's events are appended together).
        Assert.Equal(Enumerable.Range(1, expectedVersions).Select(v => (long)v), versions);
    }

    /// <summary>One process: coordinator, pump and audit log over a store, like the host wires them.</summary>
    private sealed record Node(RegistrationService Service, LedgerAuditPump Pump)
    {
        public static Node Create(IFormStore store)
        {
            HashChainedAuditLog log = AuditTestLog.Create(store);
            LedgerAuditPump pump = new(store, log, TimeProvider.System, NullLogger<LedgerAuditPump>.Instance);
            LedgerCoordinator ledgers = new(store, Options, TimeProvider.System, NullLogger<LedgerCoordinator>.Instance, pump);
            AuditRecorder recorder = new(log, Options, TimeProvider.System, NullLogger<AuditRecorder>.Instance);
            RegistrationService service = new(ledgers, new FormSecrets(FormsTestHost.Secret), Instance.Sealer, TimeProvider.System,
                NullLogger<RegistrationService>.Instance, notifier: null, audit: recorder);
            return new Node(service, pump);
        }

        public Task<RegisterOutcome> RegisterAsync(ManifestEvent evt, string email) =>
            Service.RegisterAsync(evt, Instance.Valid(email, evt.Sessions[0].Id), null, System.Text.Encoding.UTF8.GetBytes(email), CancellationToken.None);
    }

    /// <summary>Lets audit writes wait (<see cref="Blocked"/>) or fail (<see cref="Failing"/>); everything else passes.</summary>
    private sealed class AuditGateStore(IFormStore inner) : IFormStore
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Blocked { get; set; }

        public bool Failing { get; set; }

        public void Open() => _open.TrySetResult();

        public Task<StoredObject?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

        /// <summary>Audit segments created through this store (one per audit group commit).</summary>
        public int SegmentsCreated => Volatile.Read(ref _segments);

        private int _segments;

        public async Task<string?> TryCreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
        {
            if (key.StartsWith(AuditKeys.SegmentPrefix, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _segments);
            }

            await GateAsync(key);
            return await inner.TryCreateAsync(key, content, cancellationToken);
        }

        public async Task<string?> TryReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken)
        {
            await GateAsync(key);
            return await inner.TryReplaceAsync(key, content, ifMatch, cancellationToken);
        }

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

        private async Task GateAsync(string key)
        {
            if (!key.StartsWith("audit/", StringComparison.Ordinal))
            {
                return;
            }

            if (Failing)
            {
                throw new StorageUnavailableException("audit store unreachable (test)");
            }

            if (Blocked)
            {
                await _open.Task;
            }
        }
    }
}
