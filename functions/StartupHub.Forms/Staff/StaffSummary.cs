using System.Globalization;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Registration;

namespace StartupHub.Forms.Staff;

/// <summary>
/// 応募状況の定期報告: per form, the total, the count per status and per day (Japan time); per event and
/// session, capacity, confirmed, waitlisted and cancelled. Counts only, no personal data.
/// </summary>
public static class StaffSummary
{
    /// <param name="forms">Per-form counts, from <see cref="Form"/>.</param>
    public static SummaryResponse Build(FormsManifest manifest, IReadOnlyList<LoadedEvent> events, IReadOnlyList<SummaryForm> forms, DateTimeOffset now)
    {
        List<SummaryEvent> summaryEvents = [];
        Dictionary<string, LoadedEvent> loaded = events.ToDictionary(e => e.EventId, StringComparer.Ordinal);
        IEnumerable<LoadedEvent> all = manifest.Events
            .Where(e => e.Sessions.Any(s => s.AcceptsRegistration) || loaded.ContainsKey(e.Id))
            .Select(e => loaded.GetValueOrDefault(e.Id) ?? new LoadedEvent(e.Id, e, EventLedger.New(e.Id), new Dictionary<string, EventRegistrationRecord>()))
            .Concat(events.Where(e => e.Event is null));
        foreach (LoadedEvent evt in all)
        {
            summaryEvents.Add(new SummaryEvent(evt.EventId, evt.Title, evt.Event?.Start,
                [.. EventRoster.Sessions(evt).Select(s => Session(evt, s.Id, s.Title, s.Capacity))]));
        }

        return new SummaryResponse(now, forms, summaryEvents);
    }

    public static SummaryForm Form(string formId, string title, IReadOnlyList<StaffRecord> records) => new(
        formId,
        title,
        records.Count,
        records.GroupBy(r => r.Status, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        [.. records.GroupBy(r => Jst.ToJst(r.SubmittedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new SummaryDay(g.Key, g.Count()))]);

    private static SummarySession Session(LoadedEvent evt, string sessionId, string title, int capacity)
    {
        evt.Ledger.Sessions.TryGetValue(sessionId, out SessionLedger? seats);
        int cancelled = evt.Ledger.Registrations.Values.Count(r => r.CancelledAt is not null && r.Sessions.Contains(sessionId));
        return new SummarySession(sessionId, title, capacity, seats?.Confirmed.Count ?? 0, seats?.Waitlist.Count ?? 0, cancelled);
    }

    /// <summary>Three sheets: 応募状況 (per form and status), 日別 (per form and day), イベント (per session).</summary>
    public static StaffTable[] Tables(SummaryResponse summary)
    {
        string[] statuses = [.. summary.Forms.SelectMany(f => f.ByStatus.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        StaffTable forms = new("応募状況",
            ["フォーム", "フォームID", "合計", .. statuses.Select(StaffStatuses.Label)],
            [.. summary.Forms.Select(f => (IReadOnlyList<string?>)[f.Title, f.FormId, Number(f.Total), .. statuses.Select(s => Number(f.ByStatus.GetValueOrDefault(s)))])]);
        StaffTable days = new("日別",
            ["フォーム", "日付（日本時間）", "件数"],
            [.. summary.Forms.SelectMany(f => f.ByDay.Select(d => (IReadOnlyList<string?>)[f.Title, d.Date, Number(d.Count)]))]);
        StaffTable events = new("イベント",
            ["イベント", "イベントID", "開催日時（日本時間）", "参加枠", "定員", "参加確定", "キャンセル待ち", "キャンセル"],
            [.. summary.Events.SelectMany(e => e.Sessions.Select(s => (IReadOnlyList<string?>)[
                e.Title, e.EventId, e.Start is { } start ? Jst.Display(start) : "", s.Title,
                Number(s.Capacity), Number(s.Confirmed), Number(s.Waitlisted), Number(s.Cancelled)]))]);
        return [forms, days, events];
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
