using StartupHub.Forms.Manifest;
using StartupHub.Forms.Registration;

namespace StartupHub.Forms.Staff;

/// <summary>
/// 受付名簿: per session, the confirmed people in the order they got their seat, then the waitlist in its
/// order (first come first served), straight from the ledger's lists. Cancelled people hold no place and
/// are not listed.
/// </summary>
public static class EventRoster
{
    public static readonly IReadOnlyList<string> Headers = ["参加枠", "区分", "順番", "受付番号", "氏名", "ふりがな", "所属", "所属区分", "状態"];

    public static RosterResponse Build(LoadedEvent evt, string? sessionId)
    {
        List<RosterSession> sessions = [];
        foreach ((string id, string title, int capacity) in Sessions(evt).Where(s => sessionId is null || s.Id == sessionId))
        {
            evt.Ledger.Sessions.TryGetValue(id, out SessionLedger? seats);
            sessions.Add(new RosterSession(id, title, capacity,
                [.. (seats?.Confirmed ?? []).Select(r => Entry(evt, r, SessionStates.Confirmed))],
                [.. (seats?.Waitlist ?? []).Select(r => Entry(evt, r, SessionStates.Waitlisted))]));
        }

        return new RosterResponse(new RosterEvent(evt.EventId, evt.Title, evt.Event?.Start, null), sessions);
    }

    /// <summary>One row per place: confirmed then waitlisted, per session.</summary>
    public static StaffTable Table(RosterResponse roster, RosterSession? only = null)
    {
        List<IReadOnlyList<string?>> rows = [];
        foreach (RosterSession session in only is null ? roster.Sessions : [only])
        {
            AddRows(rows, session, session.Confirmed, "参加確定");
            AddRows(rows, session, session.Waitlisted, "キャンセル待ち");
        }

        return new StaffTable(only?.Title ?? "受付名簿", Headers, rows);
    }

    /// <summary>The registrable sessions of the manifest, plus any session the ledger holds that the manifest
    /// no longer lists (so a removed session's people still appear).</summary>
    public static IEnumerable<(string Id, string Title, int Capacity)> Sessions(LoadedEvent evt)
    {
        List<(string, string, int)> sessions = [];
        HashSet<string> seen = new(StringComparer.Ordinal);
        foreach (ManifestSession s in evt.Event?.Sessions.Where(s => s.AcceptsRegistration) ?? [])
        {
            seen.Add(s.Id);
            sessions.Add((s.Id, s.Title, Math.Max(0, s.Capacity ?? 0)));
        }

        foreach ((string id, SessionLedger seats) in evt.Ledger.Sessions.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (seen.Add(id))
            {
                sessions.Add((id, evt.SessionTitle(id), seats.Capacity));
            }
        }

        return sessions;
    }

    private static void AddRows(List<IReadOnlyList<string?>> rows, RosterSession session, IReadOnlyList<RosterEntry> entries, string kind)
    {
        for (int i = 0; i < entries.Count; i++)
        {
            RosterEntry e = entries[i];
            rows.Add([session.Title, kind, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Number, e.Name, e.Kana, e.Organization, e.OrganizationType, StaffStatuses.Label(e.Status)]);
        }
    }

    private static RosterEntry Entry(LoadedEvent evt, string registrationId, string status)
    {
        string number = evt.Ledger.Registrations.TryGetValue(registrationId, out LedgerRegistration? entry) ? entry.Number : "";
        Registrant? person = evt.Records.TryGetValue(registrationId, out EventRegistrationRecord? record) ? record.Personal : null;
        return new RosterEntry(number, person?.Name ?? "", person?.Furigana ?? "", person?.Organization ?? "",
            person is null ? "" : RegistrationRecordMapper.OrganizationTypeLabel(person.OrganizationType), status);
    }
}
