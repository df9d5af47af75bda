using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StartupHub.Forms.Http;

namespace StartupHub.Forms;

/// <summary>Maps the forms API at /api/... in an ASP.NET Core app (the local `serve` server, tests, load test).</summary>
public static class FormsEndpointRouteBuilderExtensions
{
    public static RouteGroupBuilder MapStartupHubForms(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder api = endpoints.MapGroup(FormsRoutes.Prefix);
        api.MapGet(FormsRoutes.FormToken, (HttpRequest request, string formId) =>
            Handlers(request).IssueFormTokenAsync(request, formId));
        api.MapGet(FormsRoutes.Availability, (HttpRequest request, string eventId) =>
            Handlers(request).GetAvailabilityAsync(request, eventId));
        api.MapPost(FormsRoutes.Registrations, (HttpRequest request, string eventId) =>
            Handlers(request).RegisterAsync(request, eventId));
        api.MapPost(FormsRoutes.Cancel, (HttpRequest request, string eventId, string registrationId) =>
            Handlers(request).CancelAsync(request, eventId, registrationId));
        api.MapGet(FormsRoutes.OpenApi, (HttpRequest request) => Handlers(request).GetOpenApi(request));
        api.MapPost(FormsRoutes.Submissions, (HttpRequest request, string formId) =>
            request.HttpContext.RequestServices.GetRequiredService<ApplicationHandlers>().SubmitAsync(request, formId));
        MapStaff(api);
        return api;
    }

    /// <summary>The staff API (<see cref="StaffRoutes"/>); the handlers check the staff role themselves.</summary>
    private static void MapStaff(RouteGroupBuilder api)
    {
        api.MapGet(StaffRoutes.Submissions, (HttpRequest request) => Staff(request).ListAsync(request));
        api.MapGet(StaffRoutes.Submission, (HttpRequest request, string formId, string id) => Staff(request).GetAsync(request, formId, id));
        api.MapGet(StaffRoutes.Attachment, (HttpRequest request, string formId, string id, string attachmentId) =>
            Staff(request).DownloadAttachmentAsync(request, formId, id, attachmentId));
        api.MapPost(StaffRoutes.Status, (HttpRequest request, string formId, string id) => Staff(request).SetStatusAsync(request, formId, id));
        api.MapGet(StaffRoutes.ExportCsv, (HttpRequest request, string formId) => Staff(request).ExportAsync(request, formId, "csv"));
        api.MapGet(StaffRoutes.ExportXlsx, (HttpRequest request, string formId) => Staff(request).ExportAsync(request, formId, "xlsx"));
        api.MapGet(StaffRoutes.Roster, (HttpRequest request, string eventId) => Staff(request).RosterAsync(request, eventId, "json"));
        api.MapGet(StaffRoutes.RosterCsv, (HttpRequest request, string eventId) => Staff(request).RosterAsync(request, eventId, "csv"));
        api.MapGet(StaffRoutes.RosterXlsx, (HttpRequest request, string eventId) => Staff(request).RosterAsync(request, eventId, "xlsx"));
        api.MapGet(StaffRoutes.Summary, (HttpRequest request) => Staff(request).SummaryAsync(request, "json"));
        api.MapGet(StaffRoutes.SummaryXlsx, (HttpRequest request) => Staff(request).SummaryAsync(request, "xlsx"));
    }

    private static StaffHandlers Staff(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<StaffHandlers>();

    private static FormsHandlers Handlers(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<FormsHandlers>();
}
