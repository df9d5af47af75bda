namespace StartupHub.Forms.Http;

/// <summary>
/// The staff API's routes, relative to /api (like <see cref="FormsRoutes"/>). Everything is under staff/,
/// which staticwebapp.config.json restricts to the "staff" role; the handlers check the role again.
/// </summary>
public static class StaffRoutes
{
    public const string Submissions = "staff/submissions";
    public const string Submission = "staff/submissions/{formId}/{id}";
    public const string Attachment = "staff/submissions/{formId}/{id}/attachments/{attachmentId}";
    public const string Status = "staff/submissions/{formId}/{id}/status";
    public const string ExportCsv = "staff/exports/{formId}.csv";
    public const string ExportXlsx = "staff/exports/{formId}.xlsx";
    public const string Roster = "staff/events/{eventId}/roster";
    public const string RosterCsv = "staff/events/{eventId}/roster.csv";
    public const string RosterXlsx = "staff/events/{eventId}/roster.xlsx";
    public const string Summary = "staff/summary";
    public const string SummaryXlsx = "staff/summary.xlsx";

    public static readonly IReadOnlyList<(string Method, string Route)> All =
    [
        ("GET", Submissions),
        ("GET", Submission),
        ("GET", Attachment),
        ("POST", Status),
        ("GET", ExportCsv),
        ("GET", ExportXlsx),
        ("GET", Roster),
        ("GET", RosterCsv),
        ("GET", RosterXlsx),
        ("GET", Summary),
        ("GET", SummaryXlsx),
    ];
}
