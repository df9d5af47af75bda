using System.Text.Json;
using CsCheck;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Registration;
using StartupHub.Forms.Registration.Journal;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Registration;

/// <summary>
/// The journal stores deltas, not ledgers, so "replaying the deltas gives the ledger" is the property that
/// keeps every seat and every waitlist position. Random batches of registrations, cancellations and capacity
/// changes are applied to a ledger, and after each batch its delta is replayed onto a second copy that only
/// ever sees deltas (through JSON, as the store would).
/// </summary>
public sealed class LedgerDeltaTests
{
    private static readonly DateTimeOffset Now = new(2025, 9, 20, 1, 0, 0, TimeSpan.Zero);

    private sealed record Step(int Kind, int Who, int Session, int Capacity);

    private static readonly Gen<Step> StepGen = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 40], Gen.Int[0, 2], Gen.Int[1, 6], (k, w, s, c) => new Step(k, w, s, c));

    [Fact]
    public void Replaying_every_delta_reproduces_the_ledger_exactly() => ReplayReproducesTheLedger(tracked: false);

    /// <summary>The coordinator computes deltas from what a batch touched (O(batch)), not by comparing ledgers:
    /// the same property must hold for those.</summary>
    [Fact]
    public void Replaying_every_tracked_delta_reproduces_the_ledger_exactly() => ReplayReproducesTheLedger(tracked: true);

    private static void ReplayReproducesTheLedger(bool tracked)
    {
        StepGen.Array[1, 12].Array[1, 25].Sample(batches =>
        {
            ManifestEvent evt = TestEvents.Open("delta", capacity: 3, sessions: 3);
            EventLedger committed = EventLedger.New(evt.Id);
            EventLedger replica = EventLedger.New(evt.Id);
            int registered = 0;
            foreach (Step[] batch in batches)
            {
                EventLedger next = tracked ? committed.CloneForChange() : committed.Clone();
                next.Version++;
                foreach (Step step in batch)
                {
                    if (step.Kind == 0)
                    {
                        // The manifest's capacity changed (an editor raised or lowered it).
                        evt = evt with { Sessions = evt.Sessions.Select((s, i) => i == step.Session ? s with { Capacity = step.Capacity } : s).ToList() };
                    }

                    LedgerRules.SyncCapacities(next, evt, Now);
                    if (step.Kind is >= 1 and <= 6)
                    {
                        string id = $"r{registered++}";
                        List<string> sessions = step.Kind % 2 == 0 ? ["main", "s1"] : [evt.Sessions[step.Session].Id];
                        LedgerRules.Register(next, id, $"fp{step.Who}", sessions, step.Who % 3 == 0 ? $"key{step.Who}" : null, $"body{step.Who}", Now);
                    }
                    else if (step.Kind >= 7 && registered > 0)
                    {
                        LedgerRules.Cancel(next, $"r{step.Who % registered}", Now);
                    }
                }

                LedgerDelta delta = tracked ? LedgerDelta.Tracked(committed, next) : LedgerDelta.Between(committed, next);
                LedgerDelta stored = JsonSerializer.Deserialize<LedgerDelta>(JsonSerializer.SerializeToUtf8Bytes(delta, FormsJson.Options), FormsJson.Options)!;
                stored.ApplyTo(replica);
                Assert.Equal(Canonical(next), Canonical(replica));
                committed = next;
            }

            // (Lowering a capacity below the seats already given is allowed, and the audit reports it; the
            // replica must tell exactly the same story as the ledger itself.)
            Assert.Equal(LedgerAudit.Verify(committed), LedgerAudit.Verify(replica));
        }, iter: 300);
    }

    /// <summary>The ledger as JSON with object keys sorted: dictionaries are maps, their enumeration order means nothing
    /// (lists — seats and waitlists — keep their order, which is everything).</summary>
    internal static string Canonical(EventLedger ledger)
    {
        static System.Text.Json.Nodes.JsonNode? Sort(System.Text.Json.Nodes.JsonNode? node) => node switch
        {
            System.Text.Json.Nodes.JsonObject o => new System.Text.Json.Nodes.JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value?.DeepClone())))),
            System.Text.Json.Nodes.JsonArray a => new System.Text.Json.Nodes.JsonArray(a.Select(n => Sort(n?.DeepClone())).ToArray()),
            _ => node?.DeepClone(),
        };

        return Sort(System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(ledger, FormsJson.Options)))!.ToJsonString();
    }

    [Fact]
    public void A_promotion_is_stored_as_a_few_ids_not_the_whole_waitlist()
    {
        ManifestEvent evt = TestEvents.Open("small", capacity: 1);
        EventLedger ledger = EventLedger.New(evt.Id);
        LedgerRules.SyncCapacities(ledger, evt, Now);
        for (int i = 0; i < 500; i++)
        {
            LedgerRules.Register(ledger, $"r{i}", $"fp{i}", ["main"], null, "b", Now);
        }

        EventLedger next = ledger.Clone();
        next.Version++;
        LedgerRules.Cancel(next, "r0", Now);
        SessionDelta session = LedgerDelta.Between(ledger, next).Sessions["main"];

        Assert.Equal(["r0"], session.ConfirmedRemoved);
        Assert.Equal(["r1"], session.ConfirmedAppended);
        Assert.Equal(["r1"], session.WaitlistRemoved);
        Assert.Null(session.WaitlistAppended);
        Assert.Null(session.WaitlistFull);
    }

    [Fact]
    public void A_tracked_promotion_is_stored_as_a_few_ids_not_the_whole_waitlist()
    {
        ManifestEvent evt = TestEvents.Open("small", capacity: 1);
        EventLedger ledger = EventLedger.New(evt.Id);
        LedgerRules.SyncCapacities(ledger, evt, Now);
        for (int i = 0; i < 500; i++)
        {
            LedgerRules.Register(ledger, $"r{i}", $"fp{i}", ["main"], null, "b", Now);
        }

        EventLedger next = ledger.CloneForChange();
        next.Version++;
        LedgerRules.Register(next, "late", "fp-late", ["main"], "key-late", "b", Now);
        LedgerRules.Cancel(next, "r0", Now);
        LedgerDelta delta = LedgerDelta.Tracked(ledger, next);
        SessionDelta session = delta.Sessions["main"];

        Assert.Equal(["r0"], session.ConfirmedRemoved);
        Assert.Equal(["r1"], session.ConfirmedAppended);
        Assert.Equal(["r1"], session.WaitlistRemoved);
        Assert.Equal(["late"], session.WaitlistAppended);
        Assert.Null(session.WaitlistFull);
        Assert.Equal(["late", "r0"], delta.Registrations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["fp0"], delta.ActiveByEmailRemoved);
        Assert.Equal(["key-late"], delta.IdempotencyAdded.Keys);
    }

    [Fact]
    public void A_delta_applies_only_to_the_version_before_it()
    {
        EventLedger ledger = EventLedger.New("v");
        LedgerDelta delta = new() { Version = 3 };
        Assert.Throws<InvalidOperationException>(() => delta.ApplyTo(ledger));
    }
}
