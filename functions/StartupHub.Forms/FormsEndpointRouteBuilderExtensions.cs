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
        return api;
    }

    private static FormsHandlers Handlers(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<FormsHandlers>();
}
