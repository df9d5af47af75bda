namespace StartupHub.Forms.Registration.Journal;

/// <summary>
/// What one ledger write changed: the unit the event log stores (one immutable object per version). It is
/// computed by comparing the copy a batch was applied to with the committed copy, so the rules in
/// <see cref="LedgerRules"/> stay plain mutations of an <see cref="EventLedger"/> and need not know about
/// persistence. <see cref="ApplyTo"/> replays it; a test checks replay reproduces the ledger exactly.
/// </summary>
public sealed class LedgerDelta
{
    public long Version { get; set; }

    public int NextNumber { get; set; }

    public Dictionary<string, SessionDelta> Sessions { get; set; } = [];

    /// <summary>Registrations that are new or changed, in full.</summary>
    public Dictionary<string, LedgerRegistration> Registrations { get; set; } = [];

    public Dictionary<string, string> ActiveByEmailSet { get; set; } = [];

    public List<string> ActiveByEmailRemoved { get; set; } = [];

    public Dictionary<string, IdempotencyEntry> IdempotencyAdded { get; set; } = [];

    public List<LedgerChange> Changes { get; set; } = [];

    /// <summary>The difference between a committed ledger and the copy a batch changed.</summary>
    public static LedgerDelta Between(EventLedger before, EventLedger after)
    {
        LedgerDelta delta = new() { Version = after.Version, NextNumber = after.NextNumber };
        foreach ((string id, SessionLedger session) in after.Sessions)
        {
            before.Sessions.TryGetValue(id, out SessionLedger? old);
            if (SessionDelta.Between(old, session) is { } change)
            {
                delta.Sessions[id] = change;
            }
        }

        if (before.Sessions.Keys.Any(id => !after.Sessions.ContainsKey(id)))
        {
            throw new InvalidOperationException("a session vanished from the ledger; the log cannot express that");
        }

        foreach ((string id, LedgerRegistration registration) in after.Registrations)
        {
            if (!before.Registrations.TryGetValue(id, out LedgerRegistration? old) || !SameRegistration(old, registration))
            {
                delta.Registrations[id] = registration.Clone();
            }
        }

        if (before.Registrations.Count > after.Registrations.Count || before.Registrations.Keys.Any(id => !after.Registrations.ContainsKey(id)))
        {
            throw new InvalidOperationException("a registration vanished from the ledger; the log cannot express that");
        }

        foreach ((string fingerprint, string id) in after.ActiveByEmail)
        {
            if (!before.ActiveByEmail.TryGetValue(fingerprint, out string? old) || old != id)
            {
                delta.ActiveByEmailSet[fingerprint] = id;
            }
        }

        delta.ActiveByEmailRemoved.AddRange(before.ActiveByEmail.Keys.Where(f => !after.ActiveByEmail.ContainsKey(f)));

        foreach ((string key, IdempotencyEntry entry) in after.IdempotencyKeys)
        {
            if (!before.IdempotencyKeys.TryGetValue(key, out IdempotencyEntry? old) || old != entry)
            {
                delta.IdempotencyAdded[key] = entry;
            }
        }

        if (after.Changes.Count < before.Changes.Count)
        {
            throw new InvalidOperationException("the change history shrank; it is append-only");
        }

        delta.Changes.AddRange(after.Changes.Skip(before.Changes.Count));
        return delta;
    }

    /// <summary>
    /// The same delta as <see cref="Between"/>, computed in O(batch) from what a copy made by
    /// <see cref="EventLedger.CloneForChange"/> recorded: the keys it touched and the seat changes it appended
    /// to its history. Falls back to <see cref="Between"/> for an untracked copy, and per session whenever the
    /// recorded changes do not account exactly for the session's new lists.
    /// </summary>
    public static LedgerDelta Tracked(EventLedger before, EventLedger after)
    {
        if (after.Touches is not { } touches || touches.ChangesBefore != before.Changes.Count || after.Changes.Count < before.Changes.Count)
        {
            return Between(before, after);
        }

        LedgerDelta delta = new() { Version = after.Version, NextNumber = after.NextNumber };
        List<LedgerChange> appended = after.Changes.GetRange(touches.ChangesBefore, after.Changes.Count - touches.ChangesBefore);
        foreach ((string id, SessionLedger session) in after.Sessions)
        {
            before.Sessions.TryGetValue(id, out SessionLedger? old);
            List<LedgerChange> mine = appended.FindAll(c => c.Session == id);
            if (old is not null && old.Capacity == session.Capacity && mine.Count == 0)
            {
                continue;
            }

            delta.Sessions[id] = SessionDelta.FromChanges(old, session, mine) ?? SessionDelta.Between(old, session) ?? new SessionDelta { Capacity = session.Capacity };
        }

        if (before.Sessions.Count > after.Sessions.Count)
        {
            throw new InvalidOperationException("a session vanished from the ledger; the log cannot express that");
        }

        foreach (string id in touches.Registrations)
        {
            if (!after.Registrations.TryGetValue(id, out LedgerRegistration? registration))
            {
                throw new InvalidOperationException("a registration vanished from the ledger; the log cannot express that");
            }

            delta.Registrations[id] = registration.Clone();
        }

        foreach (string fingerprint in touches.Emails)
        {
            if (after.ActiveByEmail.TryGetValue(fingerprint, out string? id))
            {
                delta.ActiveByEmailSet[fingerprint] = id;
            }
            else if (before.ActiveByEmail.ContainsKey(fingerprint))
            {
                delta.ActiveByEmailRemoved.Add(fingerprint);
            }
        }

        foreach (string key in touches.IdempotencyKeys)
        {
            delta.IdempotencyAdded[key] = after.IdempotencyKeys[key];
        }

        delta.Changes.AddRange(appended);
        return delta;
    }

    /// <summary>Replays this delta onto the ledger of the previous version.</summary>
    public void ApplyTo(EventLedger ledger)
    {
        if (ledger.Version != Version - 1)
        {
            throw new InvalidOperationException($"delta v{Version} does not follow ledger v{ledger.Version}");
        }

        ledger.Version = Version;
        ledger.NextNumber = NextNumber;
        foreach ((string id, SessionDelta change) in Sessions)
        {
            change.ApplyTo(ledger.Session(id));
        }

        foreach ((string id, LedgerRegistration registration) in Registrations)
        {
            ledger.Registrations[id] = registration.Clone();
        }

        foreach (string fingerprint in ActiveByEmailRemoved)
        {
            ledger.ActiveByEmail.Remove(fingerprint);
        }

        foreach ((string fingerprint, string id) in ActiveByEmailSet)
        {
            ledger.ActiveByEmail[fingerprint] = id;
        }

        foreach ((string key, IdempotencyEntry entry) in IdempotencyAdded)
        {
            ledger.IdempotencyKeys[key] = entry;
        }

        ledger.Changes.AddRange(Changes);
    }

    private static bool SameRegistration(LedgerRegistration a, LedgerRegistration b) =>
        a.Number == b.Number
        && a.EmailFingerprint == b.EmailFingerprint
        && a.RegisteredAt == b.RegisteredAt
        && a.CancelledAt == b.CancelledAt
        && a.RecordBatch == b.RecordBatch
        && a.RecordVersion == b.RecordVersion
        && a.Sessions.SequenceEqual(b.Sessions);
}

/// <summary>
/// How one session's lists changed. Seats and waitlists only ever lose members anywhere (cancel, promote)
/// and gain them at the end (register, promote), so "removed" plus "appended" describes every change the
/// rules make in a few ids instead of the whole waitlist. Anything else is stored as the full lists.
/// </summary>
public sealed class SessionDelta
{
    public int Capacity { get; set; }

    public List<string>? ConfirmedRemoved { get; set; }

    public List<string>? ConfirmedAppended { get; set; }

    public List<string>? WaitlistRemoved { get; set; }

    public List<string>? WaitlistAppended { get; set; }

    /// <summary>Set instead of the four lists above when the change was not removals plus appends.</summary>
    public List<string>? ConfirmedFull { get; set; }

    public List<string>? WaitlistFull { get; set; }

    public static SessionDelta? Between(SessionLedger? before, SessionLedger after)
    {
        List<string> oldConfirmed = before?.Confirmed ?? [];
        List<string> oldWaitlist = before?.Waitlist ?? [];
        if (before is not null && before.Capacity == after.Capacity
            && oldConfirmed.SequenceEqual(after.Confirmed) && oldWaitlist.SequenceEqual(after.Waitlist))
        {
            return null;
        }

        SessionDelta delta = new() { Capacity = after.Capacity };
        if (ListChange.Between(oldConfirmed, after.Confirmed) is { } confirmed
            && ListChange.Between(oldWaitlist, after.Waitlist) is { } waitlist)
        {
            delta.ConfirmedRemoved = NullIfEmpty(confirmed.Removed);
            delta.ConfirmedAppended = NullIfEmpty(confirmed.Appended);
            delta.WaitlistRemoved = NullIfEmpty(waitlist.Removed);
            delta.WaitlistAppended = NullIfEmpty(waitlist.Appended);
        }
        else
        {
            delta.ConfirmedFull = [.. after.Confirmed];
            delta.WaitlistFull = [.. after.Waitlist];
        }

        return delta;
    }

    /// <summary>
    /// The session's change as "removed plus appended", from the seat changes a batch recorded for it (in
    /// order). Null when those changes do not account exactly for the new lists (then the caller compares the
    /// lists in full): the counts must match and the new lists must end with exactly the appended ids.
    /// </summary>
    internal static SessionDelta? FromChanges(SessionLedger? before, SessionLedger after, List<LedgerChange> changes)
    {
        NetChange confirmed = new(), waitlist = new();
        foreach (LedgerChange change in changes)
        {
            switch (change.Op)
            {
                case "confirm":
                    confirmed.Append(change.Registration);
                    break;
                case "waitlist":
                    waitlist.Append(change.Registration);
                    break;
                case "promote":
                    waitlist.Remove(change.Registration);
                    confirmed.Append(change.Registration);
                    break;
                case "cancel-seat":
                    confirmed.Remove(change.Registration);
                    break;
                case "cancel-wait":
                    waitlist.Remove(change.Registration);
                    break;
                default:
                    return null;
            }
        }

        if (!confirmed.Explains(before?.Confirmed ?? [], after.Confirmed) || !waitlist.Explains(before?.Waitlist ?? [], after.Waitlist))
        {
            return null;
        }

        return new SessionDelta
        {
            Capacity = after.Capacity,
            ConfirmedRemoved = NullIfEmpty(confirmed.Removed),
            ConfirmedAppended = NullIfEmpty(confirmed.Appended),
            WaitlistRemoved = NullIfEmpty(waitlist.Removed),
            WaitlistAppended = NullIfEmpty(waitlist.Appended),
        };
    }

    public void ApplyTo(SessionLedger session)
    {
        session.Capacity = Capacity;
        if (ConfirmedFull is not null || WaitlistFull is not null)
        {
            session.Confirmed = [.. ConfirmedFull ?? []];
            session.Waitlist = [.. WaitlistFull ?? []];
            return;
        }

        ListChange.Apply(session.Confirmed, ConfirmedRemoved, ConfirmedAppended);
        ListChange.Apply(session.Waitlist, WaitlistRemoved, WaitlistAppended);
    }

    private static List<string>? NullIfEmpty(List<string> list) => list.Count == 0 ? null : list;
}

/// <summary>The net effect of appends and removals on one list: an id appended and removed in the same batch
/// is neither; an id removed that was there before is "removed".</summary>
internal sealed class NetChange
{
    public List<string> Removed { get; } = [];

    public List<string> Appended { get; } = [];

    public void Append(string id) => Appended.Add(id);

    public void Remove(string id)
    {
        if (!Appended.Remove(id))
        {
            Removed.Add(id);
        }
    }

    /// <summary>O(batch) check that "before minus removed, then appended" has the new list's length and tail.</summary>
    public bool Explains(List<string> before, List<string> after)
    {
        if (before.Count - Removed.Count + Appended.Count != after.Count)
        {
            return false;
        }

        int offset = after.Count - Appended.Count;
        for (int i = 0; i < Appended.Count; i++)
        {
            if (!string.Equals(after[offset + i], Appended[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Describes a list change as "these ids left, these were appended", when that is what happened.</summary>
internal sealed record ListChange(List<string> Removed, List<string> Appended)
{
    public static ListChange? Between(List<string> before, List<string> after)
    {
        HashSet<string> remaining = [.. after];
        List<string> removed = before.Where(id => !remaining.Contains(id)).ToList();
        List<string> kept = before.Where(remaining.Contains).ToList();
        if (kept.Count > after.Count || !after.Take(kept.Count).SequenceEqual(kept))
        {
            return null;
        }

        List<string> appended = after.Skip(kept.Count).ToList();
        return new ListChange(removed, appended);
    }

    public static void Apply(List<string> list, List<string>? removed, List<string>? appended)
    {
        if (removed is { Count: > 0 })
        {
            HashSet<string> gone = [.. removed];
            list.RemoveAll(gone.Contains);
        }

        if (appended is { Count: > 0 })
        {
            list.AddRange(appended);
        }
    }
}
