using StartupHub.Forms.Manifest;

namespace StartupHub.Forms.Registration;

/// <summary>Outcome of applying a registration to the ledger.</summary>
public abstract record RegisterOutcome
{
    public sealed record Created(RegistrationView View) : RegisterOutcome;

    /// <summary>The same person (email) already holds an active registration for this event.</summary>
    public sealed record DuplicateEmail(RegistrationView View) : RegisterOutcome;

    /// <summary>A retry with the same Idempotency-Key and the same body.</summary>
    public sealed record Replayed(RegistrationView View) : RegisterOutcome;

    /// <summary>The Idempotency-Key was already used with a different body.</summary>
    public sealed record IdempotencyKeyReused : RegisterOutcome;
}

public abstract record CancelOutcome
{
    public sealed record Cancelled(RegistrationView View, IReadOnlyList<(string RegistrationId, string SessionId)> Promoted) : CancelOutcome;

    public sealed record AlreadyCancelled(RegistrationView View) : CancelOutcome;

    public sealed record NotFound : CancelOutcome;
}

/// <summary>
/// The seat rules, as pure functions over a ledger copy. Called inside the ledger's optimistic-concurrency
/// loop, so they must be deterministic and may run more than once on different copies.
/// </summary>
public static class LedgerRules
{
    [ThreadStatic]
    private static HashSet<string>? s_seen;

    /// <summary>Brings capacities in line with the manifest. A raised capacity promotes waiting people;
    /// a lowered one never evicts anybody, it only stops new confirmations.</summary>
    public static void SyncCapacities(EventLedger ledger, ManifestEvent evt, DateTimeOffset now)
    {
        foreach (ManifestSession session in evt.Sessions.Where(s => s.AcceptsRegistration))
        {
            SessionLedger seats = ledger.Session(session.Id);
            int capacity = ManifestCapacity.Of(session);
            if (seats.Capacity != capacity)
            {
                seats.Capacity = capacity;
                ledger.Dirty = true;
            }

            PromoteWhileSeatsFree(ledger, session.Id, seats, now, null);
        }
    }

    public static RegisterOutcome Register(
        EventLedger ledger,
        string registrationId,
        string emailFingerprint,
        IReadOnlyList<string> sessions,
        string? idempotencyKey,
        string requestFingerprint,
        DateTimeOffset now)
    {
        if (ledger.Registrations.TryGetValue(registrationId, out LedgerRegistration? mine))
        {
            // Our own earlier write did land (its response was lost and the If-Match retry saw a "conflict"
            // with itself). Applying it again would double-book, so answer what was already written.
            return mine.EmailFingerprint == emailFingerprint
                ? new RegisterOutcome.Created(ViewOf(ledger, registrationId))
                : throw new InvalidOperationException("registration id collision");
        }

        if (idempotencyKey is not null && ledger.IdempotencyKeys.TryGetValue(idempotencyKey, out IdempotencyEntry? previous))
        {
            return previous.RequestFingerprint == requestFingerprint
                ? new RegisterOutcome.Replayed(ViewOf(ledger, previous.RegistrationId))
                : new RegisterOutcome.IdempotencyKeyReused();
        }

        if (ledger.ActiveByEmail.TryGetValue(emailFingerprint, out string? existing))
        {
            return new RegisterOutcome.DuplicateEmail(ViewOf(ledger, existing));
        }

        ledger.PutRegistration(registrationId, new LedgerRegistration
        {
            Number = $"{ledger.EventId}-{ledger.NextNumber:D4}",
            EmailFingerprint = emailFingerprint,
            Sessions = [.. sessions],
            RegisteredAt = now,
        });
        ledger.NextNumber++;
        ledger.SetActiveEmail(emailFingerprint, registrationId);
        if (idempotencyKey is not null)
        {
            ledger.AddIdempotencyKey(idempotencyKey, new IdempotencyEntry(registrationId, requestFingerprint));
        }

        foreach (string sessionId in sessions)
        {
            SessionLedger seats = ledger.Session(sessionId);
            if (seats.Confirmed.Count < seats.Capacity && seats.Waitlist.Count == 0)
            {
                seats.Confirmed.Add(registrationId);
                Record(ledger, now, "confirm", registrationId, sessionId);
            }
            else
            {
                seats.Waitlist.Add(registrationId);
                Record(ledger, now, "waitlist", registrationId, sessionId);
            }
        }

        ledger.Dirty = true;
        return new RegisterOutcome.Created(ViewOf(ledger, registrationId));
    }

    /// <summary>Read-only lookup used before writing a record, to avoid storing personal data twice.</summary>
    public static RegisterOutcome? FindExisting(EventLedger ledger, string emailFingerprint, string? idempotencyKey, string requestFingerprint)
    {
        if (idempotencyKey is not null && ledger.IdempotencyKeys.TryGetValue(idempotencyKey, out IdempotencyEntry? previous))
        {
            return previous.RequestFingerprint == requestFingerprint
                ? new RegisterOutcome.Replayed(ViewOf(ledger, previous.RegistrationId))
                : new RegisterOutcome.IdempotencyKeyReused();
        }

        return ledger.ActiveByEmail.TryGetValue(emailFingerprint, out string? existing)
            ? new RegisterOutcome.DuplicateEmail(ViewOf(ledger, existing))
            : null;
    }

    public static CancelOutcome Cancel(EventLedger ledger, string registrationId, DateTimeOffset now)
    {
        if (!ledger.Registrations.TryGetValue(registrationId, out LedgerRegistration? registration))
        {
            return new CancelOutcome.NotFound();
        }

        if (registration.CancelledAt is not null)
        {
            return new CancelOutcome.AlreadyCancelled(ViewOf(ledger, registrationId));
        }

        // Entries are shared with the committed copy readers hold (the ledger is cloned shallowly per
        // batch), so a change replaces the entry instead of mutating it.
        registration = registration.Clone();
        registration.CancelledAt = now;
        ledger.PutRegistration(registrationId, registration);
        ledger.RemoveActiveEmail(registration.EmailFingerprint);
        List<(string, string)> promoted = [];
        foreach (string sessionId in registration.Sessions)
        {
            SessionLedger seats = ledger.Session(sessionId);
            if (seats.Confirmed.Remove(registrationId))
            {
                Record(ledger, now, "cancel-seat", registrationId, sessionId);
            }
            else if (seats.Waitlist.Remove(registrationId))
            {
                Record(ledger, now, "cancel-wait", registrationId, sessionId);
            }

            PromoteWhileSeatsFree(ledger, sessionId, seats, now, promoted);
        }

        ledger.Dirty = true;
        return new CancelOutcome.Cancelled(ViewOf(ledger, registrationId), promoted);
    }

    public static RegistrationView ViewOf(EventLedger ledger, string registrationId)
    {
        LedgerRegistration registration = ledger.Registrations[registrationId];
        List<SessionStatus> sessions = [];
        foreach (string sessionId in registration.Sessions)
        {
            // Read-only on purpose: views are also built from shared cached copies of the ledger.
            // From the end: the usual caller is the registration just appended, so this is O(1) for it instead
            // of a scan of the whole waitlist per registration (quadratic over a burst).
            int waitIndex = ledger.Sessions.TryGetValue(sessionId, out SessionLedger? seats) ? seats.Waitlist.LastIndexOf(registrationId) : -1;
            sessions.Add(registration.CancelledAt is not null ? new SessionStatus(sessionId, SessionStates.Cancelled, null)
                : waitIndex >= 0 ? new SessionStatus(sessionId, SessionStates.Waitlisted, waitIndex + 1)
                : new SessionStatus(sessionId, SessionStates.Confirmed, null));
        }

        return new RegistrationView(registrationId, registration.Number, registration.RegisteredAt, registration.CancelledAt, sessions);
    }

    public static IReadOnlyList<SessionAvailability> Availability(EventLedger? ledger, ManifestEvent evt) =>
        evt.Sessions.Select(s =>
        {
            SessionLedger? seats = null;
            ledger?.Sessions.TryGetValue(s.Id, out seats);
            int capacity = ManifestCapacity.Of(s);
            int confirmed = seats?.Confirmed.Count ?? 0;
            return new SessionAvailability(s.Id, s.Title, capacity, confirmed, Math.Max(0, capacity - confirmed), seats?.Waitlist.Count ?? 0, s.AcceptsRegistration);
        }).ToList();

    /// <summary>
    /// The invariant checked before every write: nobody holds two places in one session, and no session has
    /// more confirmed than its capacity unless it already had them before this write (capacity lowered).
    /// A violation throws, so a bug can only ever fail a request, never overbook an event.
    /// </summary>
    public static void CheckInvariants(EventLedger ledger, IReadOnlyDictionary<string, int> confirmedBefore)
    {
        foreach ((string sessionId, SessionLedger seats) in ledger.Sessions)
        {
            int allowed = Math.Max(seats.Capacity, confirmedBefore.GetValueOrDefault(sessionId));
            if (seats.Confirmed.Count > allowed)
            {
                throw new InvalidOperationException($"ledger invariant: session {sessionId} would hold {seats.Confirmed.Count} > {allowed}");
            }

            // Runs on every write over whole lists: without LINQ (measured as a visible share of the CPU under
            // load), and with a set kept per thread, because a fresh one past ~5,000 places is a large-object
            // allocation per write (and a gen-2 collection every few writes).
            HashSet<string> seen = s_seen ??= new HashSet<string>(StringComparer.Ordinal);
            seen.Clear();
            foreach (string id in seats.Confirmed)
            {
                if (!seen.Add(id))
                {
                    throw new InvalidOperationException($"ledger invariant: duplicate place in session {sessionId}");
                }
            }

            foreach (string id in seats.Waitlist)
            {
                if (!seen.Add(id))
                {
                    throw new InvalidOperationException($"ledger invariant: duplicate place in session {sessionId}");
                }
            }
        }
    }

    private static void PromoteWhileSeatsFree(EventLedger ledger, string sessionId, SessionLedger seats, DateTimeOffset now, List<(string, string)>? promoted)
    {
        while (seats.Confirmed.Count < seats.Capacity && seats.Waitlist.Count > 0)
        {
            string next = seats.Waitlist[0];
            seats.Waitlist.RemoveAt(0);
            seats.Confirmed.Add(next);
            Record(ledger, now, "promote", next, sessionId);
            promoted?.Add((next, sessionId));
            ledger.Dirty = true;
        }
    }

    private static void Record(EventLedger ledger, DateTimeOffset now, string op, string registrationId, string sessionId) =>
        ledger.Changes.Add(new LedgerChange(ledger.Version, now, op, registrationId, sessionId));
}
