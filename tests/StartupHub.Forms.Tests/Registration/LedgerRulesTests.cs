using StartupHub.Forms.Manifest;
using StartupHub.Forms.Registration;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Registration;

public sealed class LedgerRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 9, 20, 1, 0, 0, TimeSpan.Zero);

    private static EventLedger LedgerFor(ManifestEvent evt)
    {
        EventLedger ledger = EventLedger.New(evt.Id);
        LedgerRules.SyncCapacities(ledger, evt, Now);
        return ledger;
    }

    private static RegistrationView Register(EventLedger ledger, string id, string? key = null, string body = "b") =>
        ((RegisterOutcome.Created)LedgerRules.Register(ledger, id, "fp-" + id, ["main"], key, body, Now)).View;

    [Fact]
    public void Seats_fill_in_order_then_people_wait_with_their_position()
    {
        EventLedger ledger = LedgerFor(TestEvents.Open("e", capacity: 2));
        Assert.Equal("confirmed", Register(ledger, "r1").OverallStatus);
        Assert.Equal("confirmed", Register(ledger, "r2").OverallStatus);
        RegistrationView third = Register(ledger, "r3");
        RegistrationView fourth = Register(ledger, "r4");
        Assert.Equal("waitlisted", third.OverallStatus);
        Assert.Equal(1, third.Sessions[0].WaitlistPosition);
        Assert.Equal(2, fourth.Sessions[0].WaitlistPosition);
        Assert.Equal(["e-0001", "e-0002", "e-0003", "e-0004"], ledger.Registrations.Values.Select(r => r.Number));
    }

    [Fact]
    public void Cancelling_a_seat_promotes_the_first_waiting_person()
    {
        EventLedger ledger = LedgerFor(TestEvents.Open("e", capacity: 1));
        Register(ledger, "r1");
        Register(ledger, "r2");
        Register(ledger, "r3");
        CancelOutcome.Cancelled cancelled = Assert.IsType<CancelOutcome.Cancelled>(LedgerRules.Cancel(ledger, "r1", Now));
        Assert.Equal([("r2", "main")], cancelled.Promoted);
        Assert.Equal(["r2"], ledger.Sessions["main"].Confirmed);
        Assert.Equal(["r3"], ledger.Sessions["main"].Waitlist);
        Assert.Equal("confirmed", LedgerRules.ViewOf(ledger, "r2").OverallStatus);
    }

    [Fact]
    public void Cancelling_while_waiting_frees_nothing_and_moves_others_up()
    {
        EventLedger ledger = LedgerFor(TestEvents.Open("e", capacity: 1));
        Register(ledger, "r1");
        Register(ledger, "r2");
        Register(ledger, "r3");
        CancelOutcome.Cancelled cancelled = Assert.IsType<CancelOutcome.Cancelled>(LedgerRules.Cancel(ledger, "r2", Now));
        Assert.Empty(cancelled.Promoted);
        Assert.Equal(1, LedgerRules.ViewOf(ledger, "r3").Sessions[0].WaitlistPosition);
    }

    [Fact]
    public void Cancelling_twice_is_harmless_and_unknown_ids_are_not_found()
    {
        EventLedger ledger = LedgerFor(TestEvents.Open("e", capacity: 1));
        Register(ledger, "r1");
        LedgerRules.Cancel(ledger, "r1", Now);
        Assert.IsType<CancelOutcome.AlreadyCancelled>(LedgerRules.Cancel(ledger, "r1", Now));
        Assert.IsType<CancelOutcome.NotFound>(LedgerRules.Cancel(ledger, "nobody", Now));
    }

    [Fact]
    public void The_same_email_returns_the_existing_registration_until_it_is_cancelled()
    {
        EventLedger ledger = LedgerFor(TestEvents.Open("e", capacity: 5));
        LedgerRules.Register(ledger, "r1", "same", ["main"], null, "b1", Now);
        RegisterOutcome again = LedgerRules.Register(ledger, "r2", "same", ["main"], null, "b2", Now);
        Assert.Equal("r1", Assert.IsType<RegisterOutcome.DuplicateEmail>(again).View.RegistrationId);
        LedgerRules.Cancel(ledger, "r1", Now);
        Assert.IsType<RegisterOutcome.Created>(LedgerRules.Register(ledger, "r3", "same", ["main"], null, "b3", Now));
    }

    [Fact]
    public void Idempotency_key_replays_with_same_body_and_refuses_a_different_body()
    {
        EventLedger ledger = LedgerFor(TestEvents.Open("e", capacity: 5));
        LedgerRules.Register(ledger, "r1", "fp1", ["main"], "key", "body", Now);
        Assert.Equal("r1", Assert.IsType<RegisterOutcome.Replayed>(LedgerRules.Register(ledger, "r2", "fp1", ["main"], "key", "body", Now)).View.RegistrationId);
        Assert.IsType<RegisterOutcome.IdempotencyKeyReused>(LedgerRules.Register(ledger, "r3", "fp2", ["main"], "key", "other", Now));
        Assert.Single(ledger.Registrations);
    }

    [Fact]
    public void Raising_capacity_promotes_and_lowering_it_evicts_nobody()
    {
        ManifestEvent small = TestEvents.Open("e", capacity: 1);
        EventLedger ledger = LedgerFor(small);
        Register(ledger, "r1");
        Register(ledger, "r2");
        Register(ledger, "r3");
        LedgerRules.SyncCapacities(ledger, TestEvents.Open("e", capacity: 2), Now);
        Assert.Equal(["r1", "r2"], ledger.Sessions["main"].Confirmed);
        LedgerRules.SyncCapacities(ledger, TestEvents.Open("e", capacity: 0), Now);
        Assert.Equal(["r1", "r2"], ledger.Sessions["main"].Confirmed);
        LedgerRules.Cancel(ledger, "r1", Now);
        Assert.Equal(["r2"], ledger.Sessions["main"].Confirmed);
        Assert.Equal(["r3"], ledger.Sessions["main"].Waitlist);
    }

    [Fact]
    public void Re_applying_a_registration_that_already_landed_does_not_book_twice()
    {
        EventLedger ledger = LedgerFor(TestEvents.Open("e", capacity: 1));
        Register(ledger, "r1");
        ledger.Dirty = false;
        RegisterOutcome again = LedgerRules.Register(ledger, "r1", "fp-r1", ["main"], null, "b", Now);
        Assert.Equal("confirmed", Assert.IsType<RegisterOutcome.Created>(again).View.OverallStatus);
        Assert.False(ledger.Dirty);
        Assert.Single(ledger.Sessions["main"].Confirmed);
        Assert.Throws<InvalidOperationException>(() => LedgerRules.Register(ledger, "r1", "someone-else", ["main"], null, "b", Now));
    }

    [Fact]
    public void Invariant_check_refuses_an_overbooked_ledger()
    {
        EventLedger ledger = LedgerFor(TestEvents.Open("e", capacity: 1));
        Register(ledger, "r1");
        ledger.Sessions["main"].Confirmed.Add("intruder");
        Assert.Throws<InvalidOperationException>(() => LedgerRules.CheckInvariants(ledger, new Dictionary<string, int> { ["main"] = 1 }));
    }

    [Fact]
    public void Invariant_check_refuses_a_person_holding_two_places_in_a_session()
    {
        EventLedger ledger = LedgerFor(TestEvents.Open("e", capacity: 1));
        Register(ledger, "r1");
        Register(ledger, "r2");
        LedgerRules.CheckInvariants(ledger, new Dictionary<string, int> { ["main"] = 1 });
        ledger.Sessions["main"].Waitlist.Add("r1");
        InvalidOperationException refused = Assert.Throws<InvalidOperationException>(() => LedgerRules.CheckInvariants(ledger, new Dictionary<string, int> { ["main"] = 1 }));
        Assert.Contains("duplicate place", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_for_several_sessions_is_decided_per_session()
    {
        ManifestEvent evt = TestEvents.Open("e", capacity: 1, sessions: 2);
        EventLedger ledger = LedgerFor(evt);
        LedgerRules.Register(ledger, "r1", "fp1", ["main"], null, "b", Now);
        RegistrationView view = ((RegisterOutcome.Created)LedgerRules.Register(ledger, "r2", "fp2", ["main", "s1"], null, "b", Now)).View;
        Assert.Equal("partially_confirmed", view.OverallStatus);
        Assert.Equal("waitlisted", view.Sessions[0].Status);
        Assert.Equal("confirmed", view.Sessions[1].Status);
    }
}
