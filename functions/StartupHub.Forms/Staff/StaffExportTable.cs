using System.Globalization;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Staff;

/// <summary>
/// The export of one form: one row per submission, oldest first. Fixed columns first (receipt number, time,
/// status), then one column per form question (labels in Japanese, in the order the form asks them; a
/// question only some records have gets an empty cell in the others), then attachments and consent.
/// </summary>
public static class StaffExportTable
{
    public static StaffTable Build(string formId, string formTitle, IReadOnlyList<StaffRecord> records, IReadOnlyDictionary<string, string> eventTitles)
    {
        bool registrations = formId == StorageKeys.EventRegistrationForm;
        List<(string Name, string Label)> questions = [];
        foreach (StaffField field in records.SelectMany(r => r.Fields))
        {
            if (!questions.Any(q => q.Name == field.Name))
            {
                questions.Add((field.Name, field.Label));
            }
        }

        List<string> headers = ["受付番号", "受付日時（日本時間）", "状態"];
        if (registrations)
        {
            headers.AddRange(["イベントID", "イベント名", "参加枠ごとの状態"]);
        }

        bool companies = records.Any(r => r.CompanyId is not null);
        bool attachments = records.Any(r => r.Attachments.Count > 0);
        if (companies)
        {
            headers.Add("連携先企業ID");
        }

        headers.AddRange(questions.Select(q => q.Label));
        if (attachments)
        {
            headers.Add("添付ファイル");
        }

        headers.AddRange(["同意した利用目的の版", "同意日時（日本時間）"]);

        List<IReadOnlyList<string?>> rows = [];
        foreach (StaffRecord r in records.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Number, StringComparer.Ordinal))
        {
            List<string?> row = [r.Number, Jst.Display(r.SubmittedAt), StaffStatuses.Label(r.Status)];
            if (registrations)
            {
                row.AddRange([r.EventId, r.EventId is null ? "" : eventTitles.GetValueOrDefault(r.EventId, r.EventId), SessionStatuses(r)]);
            }

            if (companies)
            {
                row.Add(r.CompanyId);
            }

            row.AddRange(questions.Select(q => r.Fields.FirstOrDefault(f => f.Name == q.Name)?.Value));
            if (attachments)
            {
                row.Add(string.Join("、", r.Attachments.Select(a => a.FileName)));
            }

            row.AddRange([r.PurposeVersion, r.ConsentedAt is { } at ? Jst.Display(at) : ""]);
            rows.Add(row);
        }

        return new StaffTable(formTitle, headers, rows);
    }

    private static string SessionStatuses(StaffRecord r) =>
        string.Join("、", (r.Sessions ?? []).Select(s => s.WaitlistPosition is { } position
            ? $"{s.Title}：{StaffStatuses.Label(s.Status)}（{position.ToString(CultureInfo.InvariantCulture)}番目）"
            : $"{s.Title}：{StaffStatuses.Label(s.Status)}"));
}
