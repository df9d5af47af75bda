namespace StartupHub.Forms.Registration;

/// <summary>
/// Replays a ledger's change history from empty and reports anything that should never happen: more
/// confirmed than seats at any version, a promotion that skipped the head of the waitlist, a confirmation
/// while people were waiting, or a history that does not end in the stored state. Used by the tests and
/// the load test; later usable by staff tooling.
/// </summary>
public static class LedgerAudit
{
    public static IReadOnlyList<string> Verify(EventLedger ledger)
    {
        List<string> violations = [];
        Dictionary<string, (List<string> Confirmed, List<string> Waitlist)> replay = [];
        (List<string> Confirmed, List<string> Waitlist) Session(string id) =>
            replay.TryGetValue(id, out var s) ? s : replay[id] = ([], []);
        int Capacity(string id) => ledger.Sessions.TryGetValue(id, out SessionLedger? s) ? s.Capacity : 0;

        long lastVersion = 0;
        foreach (LedgerChange change in ledger.Changes)
        {
            if (change.Version < lastVersion)
            {
                violations.Add($"version went backwards at {change.Version}");
            }

            if (change.Version != lastVersion)
            {
                CheckCapacity(lastVersion);
                lastVersion = change.Version;
            }

            var (confirmed, waitlist) = Session(change.Session);
            switch (change.Op)
            {
                case "confirm":
                    if (waitlist.Count > 0)
                    {
                        violations.Add($"v{change.Version}: {change.Registration} confirmed while {waitlist.Count} waited in {change.Session}");
                    }

                    confirmed.Add(change.Registration);
                    break;
                case "waitlist":
                    waitlist.Add(change.Registration);
                    break;
                case "promote":
                    if (waitlist.Count == 0 || waitlist[0] != change.Registration)
                    {
                        violations.Add($"v{change.Version}: promotion of {change.Registration} in {change.Session} was not FIFO");
                    }

                    waitlist.Remove(change.Registration);
                    confirmed.Add(change.Registration);
                    break;
                case "cancel-seat":
                    if (!confirmed.Remove(change.Registration))
                    {
                        violations.Add($"v{change.Version}: cancelled seat {change.Registration} was not held");
                    }

                    break;
                case "cancel-wait":
                    if (!waitlist.Remove(change.Registration))
                    {
                        violations.Add($"v{change.Version}: cancelled wait {change.Registration} was not waiting");
                    }

                    break;
                default:
                    violations.Add($"v{change.Version}: unknown op {change.Op}");
                    break;
            }
        }

        CheckCapacity(lastVersion);
        foreach ((string id, SessionLedger stored) in ledger.Sessions)
        {
            var (confirmed, waitlist) = Session(id);
            if (!confirmed.SequenceEqual(stored.Confirmed) || !waitlist.SequenceEqual(stored.Waitlist))
            {
                violations.Add($"history of {id} does not reproduce the stored state");
            }
        }

        return violations;

        void CheckCapacity(long version)
        {
            foreach ((string id, var state) in replay)
            {
                if (state.Confirmed.Count > Capacity(id))
                {
                    violations.Add($"v{version}: {id} had {state.Confirmed.Count} confirmed for {Capacity(id)} seats");
                }
            }
        }
    }

    /// <summary>The highest number of confirmed seats any session held at any version.</summary>
    public static int PeakConfirmed(EventLedger ledger, string sessionId)
    {
        int current = 0, peak = 0;
        foreach (LedgerChange change in ledger.Changes.Where(c => c.Session == sessionId))
        {
            current += change.Op switch { "confirm" or "promote" => 1, "cancel-seat" => -1, _ => 0 };
            peak = Math.Max(peak, current);
        }

        return peak;
    }
}
