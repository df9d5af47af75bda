using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using StartupHub.Forms.Http;

namespace StartupHub.Functions;

/// <summary>
/// Thin HTTP triggers for the staff API (routes from <see cref="StaffRoutes"/>). Anonymous at the Functions
/// level on purpose: Static Web Apps signs people in and only forwards /api/staff/* for the staff role, and
/// <see cref="StaffHandlers"/> checks the forwarded principal again on every call.
/// </summary>
public sealed class StaffFunctions(StaffHandlers handlers)
{
    [Function("StaffListSubmissions")]
    public Task<IActionResult> ListSubmissions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = StaffRoutes.Submissions)] HttpRequest request) =>
        WriteAsync(request, handlers.ListAsync(request));

    [Function("StaffGetSubmission")]
    public Task<IActionResult> GetSubmission(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = StaffRoutes.Submission)] HttpRequest request,
        string formId,
        string id) =>
        WriteAsync(request, handlers.GetAsync(request, formId, id));

    [Function("StaffDownloadAttachment")]
    public Task<IActionResult> DownloadAttachment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = StaffRoutes.Attachment)] HttpRequest request,
        string formId,
        string id,
        string attachmentId) =>
        WriteAsync(request, handlers.DownloadAttachmentAsync(request, formId, id, attachmentId));

    [Function("StaffSetStatus")]
    public Task<IActionResult> SetStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = StaffRoutes.Status)] HttpRequest request,
        string formId,
        string id) =>
        WriteAsync(request, handlers.SetStatusAsync(request, formId, id));

    [Function("StaffExportCsv")]
    public Task<IActionResult> ExportCsv(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = StaffRoutes.ExportCsv)] HttpRequest request,
        string formId) =>
        WriteAsync(request, handlers.ExportAsync(request, formId, "csv"));

    [Function("StaffExportXlsx")]
    public Task<IActionResult> ExportXlsx(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = StaffRoutes.ExportXlsx)] HttpRequest request,
        string formId) =>
        WriteAsync(request, handlers.ExportAsync(request, formId, "xlsx"));

    [Function("StaffRoster")]
    public Task<IActionResult> Roster(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = StaffRoutes.Roster)] HttpRequest request,
        string eventId) =>
        WriteAsync(request, handlers.RosterAsync(request, eventId, "json"));

    [Function("StaffRosterCsv")]
    public Task<IActionResult> RosterCsv(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = StaffRoutes.RosterCsv)] HttpRequest request,
        string eventId) =>
        WriteAsync(request, handlers.RosterAsync(request, eventId, "csv"));

    [Function("StaffRosterXlsx")]
    public Task<IActionResult> RosterXlsx(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = StaffRoutes.RosterXlsx)] HttpRequest request,
        string eventId) =>
        WriteAsync(request, handlers.RosterAsync(request, eventId, "xlsx"));

    [Function("StaffSummary")]
    public Task<IActionResult> Summary(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = StaffRoutes.Summary)] HttpRequest request) =>
        WriteAsync(request, handlers.SummaryAsync(request, "json"));

    [Function("StaffSummaryXlsx")]
    public Task<IActionResult> SummaryXlsx(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = StaffRoutes.SummaryXlsx)] HttpRequest request) =>
        WriteAsync(request, handlers.SummaryAsync(request, "xlsx"));

    /// <summary>Executes the handler's IResult against the worker's HttpContext, exactly as the local server does.</summary>
    private static async Task<IActionResult> WriteAsync(HttpRequest request, Task<IResult> pending)
    {
        IResult result = await pending;
        await result.ExecuteAsync(request.HttpContext);
        return new EmptyResult();
    }
}
